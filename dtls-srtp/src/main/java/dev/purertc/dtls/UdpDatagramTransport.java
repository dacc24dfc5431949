package dev.purertc.dtls;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;

/**
 * A {@link DatagramTransport} over a plain UDP socket, for tests, tools and benchmarks (in
 * WebRTC the ICE layer supplies the transport instead).
 *
 * <p>With a known peer it talks to that peer only. Without one (a server waiting for a client)
 * it adopts the source of the first datagram it receives as its peer and from then on ignores
 * datagrams from any other address.
 *
 * <p>Closing it closes the socket. {@link #close()} is idempotent.
 */
public final class UdpDatagramTransport implements DatagramTransport, AutoCloseable {
  /** RFC 8261-style conservative path MTU of 1200 bytes minus IPv4 and UDP headers. */
  public static final int DEFAULT_MAX_DATAGRAM_SIZE_BYTES = 1200 - 28;

  private final DatagramSocket socket;
  private final int maxDatagramSizeBytes;
  private volatile SocketAddress peer;

  private UdpDatagramTransport(DatagramSocket socket, SocketAddress peer, int maxDatagramSize) {
    this.socket = socket;
    this.peer = peer;
    this.maxDatagramSizeBytes = maxDatagramSize;
  }

  /** Binds {@code local} (port 0 for any) and talks to {@code peer}, or learns it if null. */
  public static UdpDatagramTransport open(InetSocketAddress local, InetSocketAddress peer)
      throws IOException {
    DatagramSocket socket = new DatagramSocket(local);
    socket.setReceiveBufferSize(1 << 16);
    return new UdpDatagramTransport(socket, peer, DEFAULT_MAX_DATAGRAM_SIZE_BYTES);
  }

  /** The bound local address (for telling the peer where to send). */
  public InetSocketAddress localAddress() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Sets the peer, e.g. once the local port was handed to a process that binds its own. */
  public void setPeer(InetSocketAddress peer) {
    this.peer = peer;
  }

  @Override
  public int maxDatagramSizeBytes() {
    return maxDatagramSizeBytes;
  }

  @Override
  public void send(byte[] data, int offset, int length) throws IOException {
    SocketAddress to = peer;
    if (to == null) {
      throw new IOException("no peer address yet: nothing received so far");
    }
    socket.send(new DatagramPacket(data, offset, length, to));
  }

  @Override
  public int receive(byte[] buffer, int offset, int length, int timeoutMillis)
      throws IOException {
    DatagramPacket packet = new DatagramPacket(buffer, offset, length);
    long deadline = System.nanoTime() + Math.max(1, timeoutMillis) * 1_000_000L;
    while (true) {
      long leftMillis = (deadline - System.nanoTime()) / 1_000_000L;
      if (leftMillis < 1) {
        return -1;
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, leftMillis));
      try {
        packet.setData(buffer, offset, length);
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return -1;
      }
      SocketAddress from = packet.getSocketAddress();
      if (peer == null) {
        peer = from;
      }
      if (from.equals(peer)) {
        return packet.getLength();
      }
      // a datagram from another address: not our peer, drop it and keep waiting
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
