package dev.purertc.ice;

import static dev.purertc.ice.SimNetwork.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.ice.SimNetwork.Peer;
import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class IceAgentProperties {

  /** Junk from the peer's address, STUN-looking or not, never throws nor breaks a live call. */
  @Property(tries = 60, seed = "8445")
  void junkDatagramsNeitherEscapeNorBreakAConnectedAgent(@ForAll("junk") List<byte[]> junk) {
    SimNetwork net = new SimNetwork(99);
    Peer a = net.add("A", IceConfig.defaults(true), "10.0.0.1", 5000);
    Peer b = net.add("B", IceConfig.defaults(false), "10.0.0.2", 6000);
    net.gather(a);
    net.gather(b);
    SimNetwork.exchangeCredentials(a, b, net.nowNanos);
    net.trickle(a, b);
    net.trickle(b, a);
    assertTrue(net.runUntil(() -> a.state() == IceConnectionState.COMPLETED
        && b.state() == IceConnectionState.COMPLETED, 5000 * MS));
    for (byte[] d : junk) {
      a.agent.handleDatagram(a.sockets.get(0), b.sockets.get(0), ByteBuffer.wrap(d), net.nowNanos);
      a.agent.handleDatagram(a.sockets.get(0), SimNetwork.address("10.6.6.6", 666),
          ByteBuffer.wrap(d), net.nowNanos);
    }
    net.runFor(12_000 * MS);
    assertEquals(IceConnectionState.COMPLETED, a.state());
    assertTrue(a.agent.send(ByteBuffer.wrap(new byte[] {(byte) 0x80, 1}), net.nowNanos));
  }

  @Provide
  Arbitrary<List<byte[]>> junk() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
    Arbitrary<byte[]> stunish = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(80)
        .map(body -> {
          ByteBuffer b = ByteBuffer.allocate(20 + body.length);
          b.putShort((short) (body.length > 0 ? body[0] & 0x0111 : 1)).putShort((short) (body.length & ~3))
              .putInt(0x2112A442).putLong(body.length).putInt(3).put(body);
          return b.array();
        });
    return Arbitraries.oneOf(raw, stunish).list().ofMaxSize(30);
  }
}
