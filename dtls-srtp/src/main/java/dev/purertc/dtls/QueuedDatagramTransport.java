package dev.purertc.dtls;

import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DatagramTransport} for a layer that pushes datagrams in as they arrive (the ICE
 * layer's socket reader demultiplexing DTLS records, RFC 7983) instead of being read from.
 * Incoming datagrams are copied into a bounded queue by {@link #deliver}; outgoing ones go to
 * the {@link Sender} given at construction.
 *
 * <p>Threading: {@link #deliver} may be called from any thread; it never blocks, and drops the
 * datagram when the queue is full (DTLS retransmits). {@link #close()} is idempotent; after it
 * {@code receive} fails, which ends the session's thread.
 */
public final class QueuedDatagramTransport implements DatagramTransport, AutoCloseable {

  /** Where outgoing datagrams go. Must not keep the array after returning. */
  @FunctionalInterface
  public interface Sender {
    void send(byte[] data, int offset, int length) throws IOException;
  }

  private static final byte[] CLOSED = new byte[0];

  private final int maxDatagramSizeBytes;
  private final Sender sender;
  private final BlockingQueue<byte[]> incoming;
  private volatile boolean closed;

  /**
   * @param maxDatagramSizeBytes path MTU minus IP/UDP headers, see
   *     {@link DatagramTransport#maxDatagramSizeBytes()}
   * @param queueCapacity incoming datagrams held at most (a DTLS flight is a handful)
   */
  public QueuedDatagramTransport(int maxDatagramSizeBytes, Sender sender, int queueCapacity) {
    if (maxDatagramSizeBytes < 256 || queueCapacity < 1 || sender == null) {
      throw new IllegalArgumentException("need a sender, MTU >= 256 and capacity >= 1");
    }
    this.maxDatagramSizeBytes = maxDatagramSizeBytes;
    this.sender = sender;
    this.incoming = new ArrayBlockingQueue<>(queueCapacity + 1); // + room for the close marker
  }

  /**
   * Hands in one received datagram (copied). Returns false if it was dropped because the queue
   * is full or the transport is closed.
   */
  public boolean deliver(byte[] data, int offset, int length) {
    if (closed || incoming.remainingCapacity() <= 1) {
      return false;
    }
    return incoming.offer(Arrays.copyOfRange(data, offset, offset + length));
  }

  @Override
  public int maxDatagramSizeBytes() {
    return maxDatagramSizeBytes;
  }

  @Override
  public void send(byte[] data, int offset, int length) throws IOException {
    if (closed) {
      throw new IOException("transport closed");
    }
    sender.send(data, offset, length);
  }

  @Override
  public int receive(byte[] buffer, int offset, int length, int timeoutMillis)
      throws IOException {
    if (closed) {
      throw new IOException("transport closed");
    }
    byte[] datagram;
    try {
      datagram = incoming.poll(Math.max(1, timeoutMillis), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for a datagram", e);
    }
    if (datagram == null) {
      return -1;
    }
    if (datagram == CLOSED) {
      throw new IOException("transport closed");
    }
    int copied = Math.min(length, datagram.length);
    System.arraycopy(datagram, 0, buffer, offset, copied);
    return copied;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      incoming.offer(CLOSED);
    }
  }
}
