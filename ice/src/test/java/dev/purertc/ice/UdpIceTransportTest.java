package dev.purertc.ice;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UdpIceTransportTest {
  private static final List<InetAddress> LOOPBACK = List.of(InetAddress.getLoopbackAddress());
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  @AfterEach
  void noIoThreadOutlivesItsTransport() throws InterruptedException {
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals("purertc-ice-io")) {
        t.join(5000);
        assertFalse(t.isAlive(), "an ICE I/O thread is still running after close()");
      }
    }
  }

  @Test
  void twoAgentsConnectOverLoopbackWithCredentialsFirst() throws Exception {
    try (RealPeer a = new RealPeer(IceConfig.defaults(true), LOOPBACK, 1);
        RealPeer b = new RealPeer(IceConfig.defaults(false), LOOPBACK, 2)) {
      RealPeer.exchangeCredentials(a, b);
      a.trickleTo(b);
      b.trickleTo(a);
      assertTrue(a.awaitState(IceConnectionState.COMPLETED, TIMEOUT));
      assertTrue(b.awaitState(IceConnectionState.COMPLETED, TIMEOUT));
      assertEquals("127.0.0.1", a.transport.selectedPair().orElseThrow().local().address());
    }
  }

  @Test
  void twoAgentsConnectOverLoopbackWithCandidatesFirstAndMoveTenThousandDatagramsEachWay()
      throws Exception {
    try (RealPeer a = new RealPeer(IceConfig.defaults(true), LOOPBACK, 3);
        RealPeer b = new RealPeer(IceConfig.defaults(false), LOOPBACK, 4)) {
      a.trickleTo(b);
      b.trickleTo(a);
      assertTrue(b.await(() -> b.transport.pairStats().size() == 1, TIMEOUT));
      RealPeer.exchangeCredentials(a, b);
      assertTrue(a.awaitUsable(TIMEOUT));
      assertTrue(b.awaitUsable(TIMEOUT));
      // Both directions, in windows so that the loopback socket buffers never overflow.
      transfer(a, b, 10_000, 31);
      transfer(b, a, 10_000, 32);
      CandidatePairStats stats = a.transport.selectedPair().orElseThrow();
      assertEquals(10_000, stats.packetsSent());
      assertEquals(10_000, stats.packetsReceived());
      assertTrue(stats.requestsSent() >= 1 && stats.responsesReceived() >= 1);
    }
  }

  private static void transfer(RealPeer from, RealPeer to, int count, long seed)
      throws InterruptedException {
    SplittableRandom r = new SplittableRandom(seed);
    int window = 64;
    for (int base = 0; base < count; base += window) {
      byte[][] sent = new byte[Math.min(window, count - base)][];
      for (int i = 0; i < sent.length; i++) {
        byte[] d = new byte[16 + r.nextInt(1200)];
        r.nextBytes(d);
        d[0] = (byte) (20 + r.nextInt(44)); // RFC 7983: a DTLS-looking first byte, not STUN
        ByteBuffer.wrap(d, 1, 4).putInt(base + i);
        sent[i] = d;
        assertTrue(from.transport.send(ByteBuffer.wrap(d)));
      }
      for (byte[] expected : sent) {
        ByteBuffer got = to.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(got, "datagram lost near #" + base);
        byte[] bytes = new byte[got.remaining()];
        got.get(bytes);
        assertArrayEquals(expected, bytes, "datagram corrupted or reordered near #" + base);
      }
    }
    assertEquals(null, to.received.poll(), "no extra datagrams");
  }

  @Test
  void closeReleasesSocketsInEveryState() throws Exception {
    // Before any remote information, while checking, and after connecting.
    RealPeer idle = new RealPeer(IceConfig.defaults(true), LOOPBACK, 5);
    int idlePort = idle.transport.socketAddresses().get(0).getPort();
    idle.close();
    idle.close(); // idempotent
    assertEquals(IceConnectionState.CLOSED, idle.transport.connectionState());
    assertFalse(idle.transport.send(ByteBuffer.wrap(new byte[] {(byte) 0x80})));
    try (DatagramSocket rebind = new DatagramSocket(idlePort, InetAddress.getLoopbackAddress())) {
      assertTrue(rebind.isBound(), "the port was released");
    }
    RealPeer a = new RealPeer(IceConfig.defaults(true), LOOPBACK, 6);
    RealPeer b = new RealPeer(IceConfig.defaults(false), LOOPBACK, 7);
    RealPeer.exchangeCredentials(a, b);
    a.trickleTo(b);
    a.close();
    // B is checking (or even connected, if A answered a check before it closed).
    assertTrue(b.await(() -> b.transport.connectionState() != IceConnectionState.NEW, TIMEOUT));
    b.close();
    try (RealPeer c = new RealPeer(IceConfig.defaults(true), LOOPBACK, 8);
        RealPeer d = new RealPeer(IceConfig.defaults(false), LOOPBACK, 9)) {
      RealPeer.exchangeCredentials(c, d);
      c.trickleTo(d);
      d.trickleTo(c);
      assertTrue(c.awaitUsable(TIMEOUT));
    }
  }

  @Test
  void datagramsCarryTheirContentThroughAChecksum() throws Exception {
    // Guards the copy semantics of DatagramReceived: each event owns its bytes.
    try (RealPeer a = new RealPeer(IceConfig.defaults(true), LOOPBACK, 10);
        RealPeer b = new RealPeer(IceConfig.defaults(false), LOOPBACK, 11)) {
      RealPeer.exchangeCredentials(a, b);
      a.trickleTo(b);
      b.trickleTo(a);
      assertTrue(a.awaitUsable(TIMEOUT) && b.awaitUsable(TIMEOUT));
      CRC32 sent = new CRC32();
      for (int i = 0; i < 100; i++) {
        byte[] d = new byte[100];
        d[0] = (byte) 0x80;
        d[50] = (byte) i;
        sent.update(d);
        a.transport.send(ByteBuffer.wrap(d));
      }
      CRC32 got = new CRC32();
      for (int i = 0; i < 100; i++) {
        got.update(b.received.poll(5, TimeUnit.SECONDS));
      }
      assertEquals(sent.getValue(), got.getValue());
    }
  }
}
