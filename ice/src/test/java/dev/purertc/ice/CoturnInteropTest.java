package dev.purertc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.sdp.Candidate;
import dev.purertc.sdp.CandidateType;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Against a real coturn on 127.0.0.1 (Debian package coturn, started by src/test/sh/coturn.sh). */
class CoturnInteropTest {
  private static final List<InetAddress> LOOPBACK = List.of(InetAddress.getLoopbackAddress());
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static Coturn coturn;

  @BeforeAll
  static void startCoturn() throws Exception {
    coturn = Coturn.start();
  }

  @AfterAll
  static void stopCoturn() {
    if (coturn != null) {
      coturn.close();
    }
  }

  @Test
  void stunSideOfCoturnGivesAServerReflexiveCandidate() throws Exception {
    IceConfig config = IceConfig.defaults(true)
        .withIceServers(List.of(IceServer.stun(coturn.url("stun"))))
        .withKeepRedundantCandidates(true); // on loopback the mapped address equals the host one
    try (RealPeer a = new RealPeer(config, LOOPBACK, 21)) {
      assertTrue(a.awaitEndOfCandidates(TIMEOUT));
      assertEquals(IceGatheringState.COMPLETE, a.transport.gatheringState());
      Candidate host = a.candidates().stream().filter(c -> c.type() == CandidateType.HOST)
          .findFirst().orElseThrow();
      Candidate srflx = a.candidates().stream().filter(c -> c.type() == CandidateType.SRFLX)
          .findFirst().orElseThrow(() -> new AssertionError("no srflx in " + a.candidates()));
      assertEquals(host.address(), srflx.address());
      assertEquals(host.port(), srflx.port());
      assertEquals(host.address(), srflx.relatedAddress().orElseThrow());
      assertTrue(srflx.priority() < host.priority());
    }
  }

  @Test
  void relayOnlyCallGoesRelayToRelayThroughCoturn() throws Exception {
    IceConfig relay = IceConfig.defaults(true).withTransportPolicy(IceTransportPolicy.RELAY)
        .withIceServers(List.of(IceServer.turn(coturn.url("turn") + "?transport=udp",
            Coturn.USER, Coturn.PASSWORD)));
    long before = coturn.peerUsage("sb");
    int count = 200;
    int size = 500;
    RealPeer a = new RealPeer(relay, LOOPBACK, 22);
    RealPeer b = new RealPeer(new IceConfig(relay.iceServers(), IceTransportPolicy.RELAY, false,
        50, 5000, 10_000, 30_000, false, null), LOOPBACK, 23);
    try {
      RealPeer.exchangeCredentials(a, b);
      a.trickleTo(b);
      b.trickleTo(a);
      assertTrue(a.awaitState(IceConnectionState.COMPLETED, TIMEOUT), "A: " + a.events());
      assertTrue(b.awaitState(IceConnectionState.COMPLETED, TIMEOUT), "B: " + b.events());
      for (Candidate c : a.candidates()) {
        assertEquals(CandidateType.RELAY, c.type(), "policy relay reveals only relayed candidates");
      }
      CandidatePairStats pair = a.transport.selectedPair().orElseThrow();
      assertEquals(CandidateType.RELAY, pair.local().type());
      assertEquals(CandidateType.RELAY, pair.remote().type());
      assertEquals("127.0.0.1", pair.remote().relatedAddress().orElseThrow());
      for (int i = 0; i < count; i++) {
        byte[] d = new byte[size];
        d[0] = (byte) 0x80;
        d[1] = (byte) i;
        assertTrue(a.transport.send(ByteBuffer.wrap(d)));
        ByteBuffer got = b.received.poll(5, TimeUnit.SECONDS);
        assertNotNull(got, "datagram " + i + " lost");
        assertEquals(size, got.remaining());
        assertEquals((byte) i, got.get(1));
      }
    } finally {
      a.close();
      b.close();
    }
    // close() deallocates: a Refresh with LIFETIME 0 for each of the two allocations.
    assertNotNull(coturn.awaitLog(l -> coturn.count("lifetime=0") >= 2, 10_000), coturn.logText());
    // coturn logs each allocation's relayed traffic when it is deallocated (on close).
    assertNotNull(coturn.awaitLog(l -> l.contains("peer usage"), 10_000), coturn.logText());
    assertTrue(coturn.awaitLog(l -> coturn.peerUsage("sb") - before >= (long) count * size,
        10_000) != null, "coturn relayed fewer bytes than we sent:\n" + coturn.logText());
    assertTrue(coturn.count("CREATE_PERMISSION processed, success") >= 2);
    assertTrue(coturn.count("CHANNEL_BIND processed, success") >= 2);
  }

  @Test
  void wrongTurnCredentialsEndInAServerErrorEvent() throws Exception {
    IceConfig wrong = IceConfig.defaults(true).withTransportPolicy(IceTransportPolicy.RELAY)
        .withIceServers(List.of(IceServer.turn(coturn.url("turn"), Coturn.USER, "not-it")));
    try (RealPeer a = new RealPeer(wrong, LOOPBACK, 24)) {
      assertTrue(a.await(() -> a.events().stream().anyMatch(e ->
          e instanceof IceEvent.ServerError s && s.code() == 401), TIMEOUT), "events: " + a.events());
      assertTrue(a.awaitEndOfCandidates(TIMEOUT), "gathering ends instead of hanging");
      assertTrue(a.candidates().isEmpty());
    }
  }
}
