package dev.purertc.ice.turn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.ice.stun.StunAttribute;
import dev.purertc.ice.stun.StunAttribute.Address;
import dev.purertc.ice.stun.StunAttribute.ErrorCode;
import dev.purertc.ice.stun.StunAttribute.Lifetime;
import dev.purertc.ice.stun.StunAttribute.Nonce;
import dev.purertc.ice.stun.StunAttribute.Realm;
import dev.purertc.ice.stun.StunClass;
import dev.purertc.ice.stun.StunIntegrity;
import dev.purertc.ice.stun.StunMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TurnClientProperties {

  /** Junk from the server never throws and never loses an existing allocation. */
  @Property(tries = 300, seed = "8656")
  void junkFromTheServerNeverEscapesNorDropsTheAllocation(@ForAll("junk") List<byte[]> junk)
      throws Exception {
    InetSocketAddress server = new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 3478);
    TurnClient client = new TurnClient(server, "u", "p", new SplittableRandom(3));
    client.start(0);
    StunMessage first = StunMessage.parse(ByteBuffer.wrap(client.pollTransmit()));
    client.handleDatagram(ByteBuffer.wrap(StunMessage.of(StunMessage.ALLOCATE,
        StunClass.ERROR_RESPONSE, first.transactionId(), new ErrorCode(401, "x"), new Realm("r"),
        new Nonce("n")).toBytes()), 0);
    StunMessage second = StunMessage.parse(ByteBuffer.wrap(client.pollTransmit()));
    client.handleDatagram(ByteBuffer.wrap(StunMessage.of(StunMessage.ALLOCATE,
        StunClass.SUCCESS_RESPONSE, second.transactionId(),
        new Address(StunAttribute.XOR_RELAYED_ADDRESS, new InetSocketAddress(server.getAddress(), 5000)),
        new Lifetime(600)).withIntegrity(StunIntegrity.longTermKey("u", "r", "p")).toBytes()), 0);
    assertTrue(client.isAllocated());
    for (byte[] d : junk) {
      client.handleDatagram(ByteBuffer.wrap(d), 0);
    }
    assertTrue(client.isAllocated());
  }

  @Provide
  Arbitrary<List<byte[]>> junk() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
    Arbitrary<byte[]> channelData = Arbitraries.bytes().array(byte[].class).ofMaxSize(40)
        .map(b -> ByteBuffer.allocate(4 + b.length).putShort((short) 0x4000)
            .putShort((short) (b.length * 2)).put(b).array());
    Arbitrary<byte[]> stunish = Arbitraries.bytes().array(byte[].class).ofMaxSize(60).map(body -> {
      ByteBuffer b = ByteBuffer.allocate(20 + body.length);
      b.putShort((short) (body.length > 0 ? body[0] & 0x0117 : 0x0117)).putShort((short) (body.length & ~3))
          .putInt(0x2112A442).putLong(1).putInt(2).put(body);
      return b.array();
    });
    return Arbitraries.oneOf(raw, channelData, stunish).list().ofMaxSize(20);
  }
}
