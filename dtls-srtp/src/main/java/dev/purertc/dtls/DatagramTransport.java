package dev.purertc.dtls;

import java.io.IOException;

/**
 * The datagram path a DTLS session runs over: in WebRTC, the DTLS records (first byte 20..63,
 * RFC 7983) of the selected ICE candidate pair. A layer that pushes received datagrams in can
 * use {@link QueuedDatagramTransport}; {@link UdpDatagramTransport} is a plain socket for tests
 * and tools.
 *
 * <p>Threading: {@link #receive} is called only by the session's own thread; {@link #send} by
 * that thread and, on close, by the thread calling {@link DtlsSession#close()}.
 * Implementations must allow these to overlap.
 *
 * <p>Buffer ownership: neither call keeps the array after returning.
 */
public interface DatagramTransport {

  /**
   * Largest datagram payload the path carries without IP fragmentation, in bytes (path MTU minus
   * IP and UDP headers, e.g. 1200 - 28 = 1172). DTLS sizes its records and fragments its
   * handshake messages to fit.
   */
  int maxDatagramSizeBytes();

  /** Sends one datagram of {@code length} bytes. */
  void send(byte[] data, int offset, int length) throws IOException;

  /**
   * Waits up to {@code timeoutMillis} (at least 1) for the next datagram and copies at most
   * {@code length} bytes of it into {@code buffer}.
   *
   * @return the number of bytes copied, or -1 if no datagram arrived in time
   * @throws IOException if the path is gone (closed, failed); the session then ends
   */
  int receive(byte[] buffer, int offset, int length, int timeoutMillis) throws IOException;
}
