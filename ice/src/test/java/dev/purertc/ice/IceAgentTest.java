package dev.purertc.ice;

import static dev.purertc.ice.SimNetwork.MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.ice.SimNetwork.Peer;
import dev.purertc.sdp.Candidate;
import dev.purertc.sdp.CandidateType;
import dev.purertc.sdp.IceCredentials;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IceAgentTest {
  private static final long SECOND = 1000 * MS;

  private static boolean usable(Peer p) {
    return p.state() == IceConnectionState.CONNECTED || p.state() == IceConnectionState.COMPLETED;
  }

  private static boolean completed(Peer p) {
    return p.state() == IceConnectionState.COMPLETED;
  }

  private static Peer[] pair(SimNetwork net, boolean aControlling, boolean bControlling) {
    Peer a = net.add("A", IceConfig.defaults(aControlling), "10.0.0.1", 5000);
    Peer b = net.add("B", IceConfig.defaults(bControlling), "10.0.0.2", 6000);
    net.gather(a);
    net.gather(b);
    return new Peer[] {a, b};
  }

  @Test
  void agentsConnectWhenCredentialsComeBeforeCandidates() {
    SimNetwork net = new SimNetwork(1);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    assertEquals(IceRole.CONTROLLING, p[0].agent.role());
    assertTrue(p[0].agent.selectedPair().orElseThrow().nominated());
    assertTrue(p[1].agent.selectedPair().orElseThrow().nominated());
  }

  @Test
  void agentsConnectWhenCandidatesComeBeforeCredentials() {
    SimNetwork net = new SimNetwork(2);
    Peer[] p = pair(net, true, false);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    net.runFor(2 * SECOND);
    assertEquals(IceConnectionState.NEW, p[0].state(), "no checks without the peer's credentials");
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
  }

  @Test
  void agentWithoutTheRemoteCandidatesLearnsThemAsPeerReflexive() {
    SimNetwork net = new SimNetwork(3);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    // Only B learns A's candidates: A must learn B from B's checks (RFC 8445 §7.3.1.3).
    net.trickle(p[0], p[1]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    assertEquals(CandidateType.PRFLX, p[0].agent.selectedPair().orElseThrow().remote().type());
  }

  @Test
  void tenThousandDatagramsArriveIntactAndInOrder() {
    SimNetwork net = new SimNetwork(4);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    SplittableRandom r = new SplittableRandom(44);
    byte[][] sent = new byte[10_000][];
    for (int i = 0; i < sent.length; i++) {
      byte[] d = new byte[20 + r.nextInt(1000)];
      r.nextBytes(d);
      d[0] = (byte) (128 + r.nextInt(64)); // RFC 7983: RTP/RTCP range, not STUN
      sent[i] = d;
      assertTrue(p[0].agent.send(ByteBuffer.wrap(d), net.nowNanos));
      if (i % 100 == 99) {
        net.runFor(20 * MS);
      }
    }
    assertTrue(net.runUntil(() -> p[1].received.size() == sent.length, 2 * SECOND));
    for (int i = 0; i < sent.length; i++) {
      byte[] got = new byte[p[1].received.get(i).remaining()];
      p[1].received.get(i).get(got);
      assertArrayEquals(sent[i], got, "datagram " + i);
    }
    CandidatePairStats stats = p[0].agent.selectedPair().orElseThrow();
    assertEquals(10_000, stats.packetsSent());
    assertTrue(stats.requestsSent() >= 1 && stats.responsesReceived() >= 1);
    assertTrue(stats.currentRoundTripTimeMillis() >= 10.0, "two 5 ms hops");
  }

  @Test
  void roleConflictBetweenTwoControllingAgentsIsRepaired() {
    SimNetwork net = new SimNetwork(5);
    Peer[] p = pair(net, true, true);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    assertNotEquals(p[0].agent.role(), p[1].agent.role());
    assertTrue(p[0].events.stream().anyMatch(e -> e instanceof IceEvent.RoleChanged)
        || p[1].events.stream().anyMatch(e -> e instanceof IceEvent.RoleChanged));
  }

  @Test
  void roleConflictBetweenTwoControlledAgentsIsRepaired() {
    SimNetwork net = new SimNetwork(6);
    Peer[] p = pair(net, false, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    assertNotEquals(p[0].agent.role(), p[1].agent.role());
  }

  @Test
  void silentPeerDrivesDisconnectedThenFailedAtTheConsentTimes() {
    SimNetwork net = new SimNetwork(7);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    net.runFor(20 * SECOND);
    assertEquals(IceConnectionState.COMPLETED, p[0].state(), "consent keeps a live call up");
    // B goes silent: nothing from B reaches A.
    net.drop = (from, to) -> from.equals(p[1].sockets.get(0));
    long silentFrom = net.nowNanos;
    assertTrue(net.runUntil(() -> p[0].state() == IceConnectionState.FAILED, 40 * SECOND));
    long disconnectedAt = p[0].firstStateNanos.get(IceConnectionState.DISCONNECTED) - silentFrom;
    long failedAt = p[0].firstStateNanos.get(IceConnectionState.FAILED) - silentFrom;
    // The last consent response came at most one consent interval (<= 6 s) before the silence.
    assertTrue(disconnectedAt > 4 * SECOND && disconnectedAt <= 10 * SECOND + 50 * MS,
        "disconnected after " + disconnectedAt / MS + " ms");
    assertTrue(failedAt > 24 * SECOND && failedAt <= 30 * SECOND + 50 * MS,
        "failed after " + failedAt / MS + " ms");
    assertFalse(p[0].agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80}), net.nowNanos),
        "RFC 7675: no data after consent expired");
  }

  @Test
  void iceRestartRecoversACallThatLostConsent() {
    SimNetwork net = new SimNetwork(8);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    net.drop = (from, to) -> true;
    assertTrue(net.runUntil(() -> p[0].state() == IceConnectionState.DISCONNECTED, 15 * SECOND));
    // The network heals; both sides restart with new credentials (as JSEP does) and trickle again.
    net.drop = (from, to) -> false;
    SplittableRandom r = new SplittableRandom(80);
    p[0].events.clear();
    p[1].events.clear();
    p[0].agent.restart(IceCredentials.random(r), net.nowNanos);
    p[1].agent.restart(IceCredentials.random(r), net.nowNanos);
    net.pump();
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    int before = p[1].received.size();
    assertTrue(p[0].agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, 1, 2}), net.nowNanos));
    assertTrue(net.runUntil(() -> p[1].received.size() == before + 1, SECOND));
    net.runFor(40 * SECOND);
    assertEquals(IceConnectionState.COMPLETED, p[0].state(), "consent holds after the restart");
  }

  @Test
  void iceRestartRecoversWhenTheNewCandidatesComeBeforeTheNewCredentials() {
    SimNetwork net = new SimNetwork(8);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    SplittableRandom r = new SplittableRandom(81);
    p[0].events.clear();
    p[1].events.clear();
    p[0].agent.restart(IceCredentials.random(r), net.nowNanos);
    p[1].agent.restart(IceCredentials.random(r), net.nowNanos);
    net.pump();
    // RFC 8838 §11: trickled candidates may overtake the description that carries the ufrag.
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    assertTrue(net.runUntil(() -> p[0].events.stream().anyMatch(
        e -> e instanceof IceEvent.SelectedPairChanged), 5 * SECOND), p[0].events.toString());
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    net.runFor(40 * SECOND);
    assertEquals(IceConnectionState.COMPLETED, p[0].state(), "consent holds after the restart");
  }

  @Test
  void dataKeepsFlowingOnTheOldPairDuringARestart() {
    SimNetwork net = new SimNetwork(9);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    net.trickle(p[0], p[1]);
    net.trickle(p[1], p[0]);
    assertTrue(net.runUntil(() -> completed(p[0]) && completed(p[1]), 5 * SECOND));
    p[0].agent.restart(IceCredentials.random(new SplittableRandom(90)), net.nowNanos);
    assertTrue(p[0].agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, 9}), net.nowNanos));
    assertTrue(net.runUntil(() -> p[1].received.size() == 1, SECOND));
  }

  @Test
  void unreachableRemoteWithEndOfCandidatesFails() {
    SimNetwork net = new SimNetwork(10);
    Peer[] p = pair(net, true, false);
    SimNetwork.exchangeCredentials(p[0], p[1], net.nowNanos);
    p[0].agent.addRemoteCandidate(Candidate.parse("candidate:1 1 udp 2130706431 10.9.9.9 7 typ host"),
        net.nowNanos);
    p[0].agent.endOfRemoteCandidates(net.nowNanos);
    assertTrue(net.runUntil(() -> p[0].state() == IceConnectionState.FAILED, 45 * SECOND));
    assertEquals("failed", p[0].agent.pairStats().get(0).state());
  }

  @Test
  void noCandidatePairAtAllAfterEndOfCandidatesFails() {
    // Nothing to pair: our only candidate is IPv4, the peer's only one IPv6 (the same holds for a
    // relay-only agent whose TURN server refused it). W3C: gathering done, every pair (none)
    // checked, end-of-candidates from the peer: failed, not checking forever.
    IceAgent agent = new IceAgent(IceConfig.defaults(true),
        IceCredentials.random(new SplittableRandom(1)), new SplittableRandom(2));
    agent.gather(java.util.List.of(SimNetwork.address("10.0.0.1", 1000)), 0);
    agent.setRemoteCredentials(IceCredentials.random(new SplittableRandom(3)), 0);
    assertTrue(agent.addRemoteCandidate(
        Candidate.parse("candidate:1 1 udp 2130706431 2001:db8::1 7 typ host"), 0));
    assertTrue(agent.pairStats().isEmpty());
    agent.endOfRemoteCandidates(0);
    assertEquals(IceConnectionState.FAILED, agent.connectionState());
  }

  @Test
  void remoteMdnsCandidateIsResolvedOrSkipped() {
    SimNetwork net = new SimNetwork(11);
    Peer[] p = pair(net, true, false);
    Candidate mdns = Candidate.parse("candidate:1 1 udp 2130706431 abc.local 6000 typ host");
    assertFalse(p[0].agent.addRemoteCandidate(mdns, net.nowNanos), "no resolver: skipped");
    IceAgent resolving = new IceAgent(IceConfig.defaults(true).withMdnsResolver(
        name -> name.equals("abc.local") ? java.util.Optional.of(
            SimNetwork.address("10.0.0.2", 0).getAddress()) : java.util.Optional.empty()),
        IceCredentials.random(new SplittableRandom(1)), new SplittableRandom(2));
    resolving.gather(java.util.List.of(SimNetwork.address("10.0.0.3", 1)), net.nowNanos);
    assertTrue(resolving.addRemoteCandidate(mdns, net.nowNanos));
    assertEquals("10.0.0.2", resolving.pairStats().get(0).remote().address().substring(0, 8));
  }

  @Test
  void fullAgentNominatesAgainstAnIceLitePeerAsControlling() {
    SimNetwork net = new SimNetwork(12);
    Peer a = net.add("A", IceConfig.defaults(false), "10.0.0.1", 5000);
    net.gather(a);
    java.net.InetSocketAddress liteAddress = SimNetwork.address("10.0.0.9", 9000);
    IceCredentials lite = new IceCredentials("liteufrag", "litepasswordlitepassword");
    boolean[] sawUseCandidate = {false};
    // RFC 8445 §2.5: a lite agent only answers checks, with the peer's USERNAME and its own pwd.
    net.endpoints.put(liteAddress, (from, to, data) -> {
      dev.purertc.ice.stun.StunMessage req =
          dev.purertc.ice.stun.StunMessage.parse(ByteBuffer.wrap(data));
      byte[] key = dev.purertc.ice.stun.StunIntegrity.shortTermKey(lite.pwd());
      assertTrue(dev.purertc.ice.stun.StunIntegrity.verify(ByteBuffer.wrap(data), key));
      sawUseCandidate[0] |= req.attribute(dev.purertc.ice.stun.StunAttribute.UseCandidate.class)
          .isPresent();
      net.send(to, from, dev.purertc.ice.stun.StunMessage.of(
          dev.purertc.ice.stun.StunMessage.BINDING,
          dev.purertc.ice.stun.StunClass.SUCCESS_RESPONSE, req.transactionId(),
          new dev.purertc.ice.stun.StunAttribute.Address(
              dev.purertc.ice.stun.StunAttribute.XOR_MAPPED_ADDRESS, from))
          .withIntegrity(key).withFingerprint().toBytes());
    });
    a.agent.setRemoteIceLite(true);
    a.agent.setRemoteCredentials(lite, net.nowNanos);
    a.agent.addRemoteCandidate(Candidate.parse("candidate:1 1 udp 2130706431 10.0.0.9 9000 typ host"),
        net.nowNanos);
    assertTrue(net.runUntil(() -> completed(a), 5 * SECOND));
    assertEquals(IceRole.CONTROLLING, a.agent.role(), "a full agent controls an ICE-lite peer");
    assertTrue(sawUseCandidate[0]);
  }

  @Test
  void hostPrioritiesAndFoundationsFollowRfc8445Section5() {
    IceAgent agent = new IceAgent(IceConfig.defaults(true),
        IceCredentials.random(new SplittableRandom(1)), new SplittableRandom(2));
    agent.gather(java.util.List.of(SimNetwork.address("10.0.0.1", 1000),
        SimNetwork.address("10.0.0.1", 1001), SimNetwork.address("10.0.0.2", 1000)), 0);
    java.util.List<Candidate> c = agent.localCandidates();
    assertEquals(3, c.size());
    // type preference 126 for host, component 1: (2^24)*126 + (2^8)*localPref + 255.
    for (Candidate x : c) {
      assertEquals(126, x.priority() >>> 24);
      assertEquals(255, x.priority() & 0xFF);
    }
    assertEquals(3, c.stream().map(Candidate::priority).distinct().count(),
        "distinct local preferences per base");
    assertEquals(c.get(0).foundation(), c.get(1).foundation(), "same type and base IP");
    assertNotEquals(c.get(0).foundation(), c.get(2).foundation(), "another base IP");
  }

  @Test
  void gatheringSendsTheFirstAllocateAndBindingRequestAtOnce() {
    IceAgent agent = new IceAgent(IceConfig.defaults(true).withIceServers(java.util.List.of(
        IceServer.turn("turn:192.0.2.1:3478", "u", "p"), IceServer.stun("stun:192.0.2.2:3478"))),
        IceCredentials.random(new SplittableRandom(1)), new SplittableRandom(2));
    agent.gather(java.util.List.of(SimNetwork.address("10.0.0.1", 1000)), 0);
    java.util.Set<java.net.InetSocketAddress> to = new java.util.HashSet<>();
    Transmit t;
    while ((t = agent.pollTransmit()) != null) {
      to.add(t.to());
    }
    assertEquals(java.util.Set.of(SimNetwork.address("192.0.2.1", 3478),
        SimNetwork.address("192.0.2.2", 3478)), to, "nothing waits for a retransmission timer");
    assertEquals(IceGatheringState.GATHERING, agent.gatheringState());
  }

  @Test
  void stunAndTurnOnTheSameServerAddressStillGiveAServerReflexiveCandidate() {
    // The usual coturn set-up: one address answers STUN Binding and TURN Allocate.
    java.net.InetSocketAddress server = SimNetwork.address("192.0.2.1", 3478);
    java.net.InetSocketAddress base = SimNetwork.address("10.0.0.1", 1000);
    java.net.InetSocketAddress mapped = SimNetwork.address("203.0.113.7", 40000);
    IceAgent agent = new IceAgent(IceConfig.defaults(true).withIceServers(java.util.List.of(
        new IceServer(java.util.List.of("stun:192.0.2.1:3478", "turn:192.0.2.1:3478"), "u", "p"))),
        IceCredentials.random(new SplittableRandom(1)), new SplittableRandom(2));
    agent.gather(java.util.List.of(base), 0);
    Transmit t;
    while ((t = agent.pollTransmit()) != null) {
      dev.purertc.ice.stun.StunMessage m =
          dev.purertc.ice.stun.StunMessage.parse(ByteBuffer.wrap(t.data()));
      if (m.method() == dev.purertc.ice.stun.StunMessage.BINDING) {
        agent.handleDatagram(base, server, ByteBuffer.wrap(dev.purertc.ice.stun.StunMessage.of(
            dev.purertc.ice.stun.StunMessage.BINDING,
            dev.purertc.ice.stun.StunClass.SUCCESS_RESPONSE, m.transactionId(),
            new dev.purertc.ice.stun.StunAttribute.Address(
                dev.purertc.ice.stun.StunAttribute.XOR_MAPPED_ADDRESS, mapped)).toBytes()), 0);
      }
    }
    java.util.List<IceEvent> events = new java.util.ArrayList<>();
    IceEvent e;
    while ((e = agent.pollEvent()) != null) {
      events.add(e);
    }
    assertTrue(agent.localCandidates().stream().anyMatch(c -> c.type() == CandidateType.SRFLX
        && c.address().equals("203.0.113.7") && c.port() == 40000), agent.localCandidates()
        + " " + events);
    assertFalse(events.stream().anyMatch(x -> x instanceof IceEvent.ServerError), events.toString());
  }

  @Test
  void checkWithAnUnknownComprehensionRequiredAttributeGets420() {
    IceCredentials local = new IceCredentials("localufrag", "localpasswordlocalpassword");
    IceAgent agent = new IceAgent(IceConfig.defaults(false), local, new SplittableRandom(2));
    java.net.InetSocketAddress socket = SimNetwork.address("10.0.0.1", 1000);
    java.net.InetSocketAddress peer = SimNetwork.address("10.0.0.2", 2000);
    agent.gather(java.util.List.of(socket), 0);
    dev.purertc.ice.stun.StunMessage request = dev.purertc.ice.stun.StunMessage.of(
        dev.purertc.ice.stun.StunMessage.BINDING, dev.purertc.ice.stun.StunClass.REQUEST,
        new dev.purertc.ice.stun.TransactionId(5, 6),
        new dev.purertc.ice.stun.StunAttribute.Username("localufrag:peer"),
        new dev.purertc.ice.stun.StunAttribute.Unknown(0x0002, new byte[4]))
        .withIntegrity(dev.purertc.ice.stun.StunIntegrity.shortTermKey(local.pwd()))
        .withFingerprint();
    agent.handleDatagram(socket, peer, ByteBuffer.wrap(request.toBytes()), 0);
    Transmit t = agent.pollTransmit();
    dev.purertc.ice.stun.StunMessage response =
        dev.purertc.ice.stun.StunMessage.parse(ByteBuffer.wrap(t.data()));
    assertEquals(peer, t.to());
    assertEquals(420, response.attribute(dev.purertc.ice.stun.StunAttribute.ErrorCode.class)
        .orElseThrow().code());
    assertEquals(java.util.List.of(2), response.attribute(
        dev.purertc.ice.stun.StunAttribute.UnknownAttributes.class).orElseThrow().types());
  }

  @Test
  void attributesAfterMessageIntegrityAreIgnored() {
    // RFC 8489 §14.5: only MESSAGE-INTEGRITY-SHA256 and FINGERPRINT may follow
    // MESSAGE-INTEGRITY; anything else is not covered by it (anyone on the path can add it) and
    // is ignored. Here an unknown comprehension-required attribute that would otherwise get a 420.
    IceCredentials local = new IceCredentials("localufrag", "localpasswordlocalpassword");
    IceAgent agent = new IceAgent(IceConfig.defaults(false), local, new SplittableRandom(2));
    java.net.InetSocketAddress socket = SimNetwork.address("10.0.0.1", 1000);
    java.net.InetSocketAddress peer = SimNetwork.address("10.0.0.2", 2000);
    agent.gather(java.util.List.of(socket), 0);
    dev.purertc.ice.stun.StunMessage request = dev.purertc.ice.stun.StunMessage.of(
        dev.purertc.ice.stun.StunMessage.BINDING, dev.purertc.ice.stun.StunClass.REQUEST,
        new dev.purertc.ice.stun.TransactionId(5, 6),
        new dev.purertc.ice.stun.StunAttribute.Username("localufrag:peer"))
        .withIntegrity(dev.purertc.ice.stun.StunIntegrity.shortTermKey(local.pwd()))
        .with(new dev.purertc.ice.stun.StunAttribute.Unknown(0x0002, new byte[4]))
        .withFingerprint();
    agent.handleDatagram(socket, peer, ByteBuffer.wrap(request.toBytes()), 0);
    Transmit t = agent.pollTransmit();
    dev.purertc.ice.stun.StunMessage response =
        dev.purertc.ice.stun.StunMessage.parse(ByteBuffer.wrap(t.data()));
    assertEquals(dev.purertc.ice.stun.StunClass.SUCCESS_RESPONSE, response.messageClass(),
        response.toString());
  }
}
