package dev.purertc.dtls;

import java.io.IOException;

/**
 * Presents our {@link DatagramTransport} to Bouncy Castle. Its {@code close()} (which BC calls
 * after a close_notify exchange) only marks it closed: the transport belongs to the ICE layer,
 * which keeps using it for SRTP (dtls.md: BC closes the transport itself).
 */
final class BcDatagramAdapter implements org.bouncycastle.tls.DatagramTransport {
  /**
   * Receive buffer size. Kept at an Ethernet MTU whatever the send limit: a peer may send
   * datagrams up to its own MTU, and truncating them stalls the handshake (dtls.md).
   */
  static final int RECEIVE_LIMIT_BYTES = 1500;
  /** Longest single wait, so that {@link DtlsSession#close()} is noticed promptly. */
  private static final int MAX_WAIT_SLICE_MILLIS = 50;

  private final DatagramTransport transport;
  private volatile boolean stopping;
  private volatile boolean closed;

  BcDatagramAdapter(DatagramTransport transport) {
    this.transport = transport;
  }

  void stop() {
    stopping = true;
  }

  boolean isStopping() {
    return stopping;
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public int getReceiveLimit() {
    return Math.max(RECEIVE_LIMIT_BYTES, transport.maxDatagramSizeBytes());
  }

  @Override
  public int getSendLimit() {
    return transport.maxDatagramSizeBytes();
  }

  @Override
  public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
    if (stopping || closed) {
      throw new IOException("DTLS session closed");
    }
    // BC re-reads its clock after every return, so a shorter wait only costs a loop turn.
    return transport.receive(buf, off, len,
        Math.max(1, Math.min(waitMillis, MAX_WAIT_SLICE_MILLIS)));
  }

  @Override
  public void send(byte[] buf, int off, int len) throws IOException {
    if (closed) {
      throw new IOException("DTLS session closed");
    }
    transport.send(buf, off, len);
  }

  @Override
  public void close() {
    closed = true;
  }
}
