package dev.purertc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class StunMessageProperties {

  @Property(tries = 300, seed = "5769")
  void writeThenParseGivesTheSameMessage(@ForAll("messages") StunMessage m) {
    byte[] bytes = m.toBytes();
    assertEquals(m.encodedLength(), bytes.length);
    assertEquals(m, StunMessage.parse(ByteBuffer.wrap(bytes)));
  }

  @Property(tries = 150, seed = "8489")
  void signedMessagesVerifyWithTheirKeyAndFingerprint(@ForAll("messages") StunMessage m,
      @ForAll("passwords") String password) {
    byte[] key = StunIntegrity.shortTermKey(password);
    // A message signs once: drop generated MI/FINGERPRINT attributes first.
    List<StunAttribute> plain = new ArrayList<>(m.attributes());
    plain.removeIf(a -> a instanceof StunAttribute.MessageIntegrity
        || a instanceof StunAttribute.MessageIntegritySha256 || a instanceof StunAttribute.Fingerprint);
    m = new StunMessage(m.method(), m.messageClass(), m.transactionId(), plain);
    byte[] bytes = m.withIntegrity(key).withFingerprint().toBytes();
    assertTrue(StunIntegrity.verify(ByteBuffer.wrap(bytes), key));
    assertTrue(StunIntegrity.verifyFingerprint(ByteBuffer.wrap(bytes)));
  }

  @Property(tries = 1500, seed = "7983")
  void arbitraryBytesEitherParseOrRaiseStunParseException(@ForAll("junk") byte[] junk) {
    try {
      StunMessage m = StunMessage.parse(ByteBuffer.wrap(junk));
      // Whatever parses writes again and parses to the same message.
      assertEquals(m, StunMessage.parse(ByteBuffer.wrap(m.toBytes())));
    } catch (StunParseException expected) {
      assertTrue(expected.offset() >= 0 && expected.offset() <= junk.length);
    }
    StunIntegrity.verify(ByteBuffer.wrap(junk), new byte[] {1});
    StunIntegrity.verifyFingerprint(ByteBuffer.wrap(junk));
  }

  @Provide
  Arbitrary<String> passwords() {
    return Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(40);
  }

  /** Mostly well-formed headers with a valid cookie, so that attribute parsing is exercised. */
  @Provide
  Arbitrary<byte[]> junk() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
    return raw.map(body -> {
      ByteBuffer b = ByteBuffer.allocate(20 + body.length);
      b.putShort((short) (body.length > 0 ? body[0] & 0x3F11 : 1));
      b.putShort((short) (body.length > 1 && body[1] < 0 ? body.length + 4 : body.length & ~3));
      b.putInt(0x2112A442).putLong(7).putInt(9).put(body);
      return b.array();
    }).injectDuplicates(0.01).edgeCases(e -> e.add(new byte[0]))
        .flatMap(a -> Arbitraries.oneOf(Arbitraries.just(a), Arbitraries.bytes().array(byte[].class).ofMaxSize(60)));
  }

  @Provide
  Arbitrary<StunMessage> messages() {
    Arbitrary<Integer> method = Arbitraries.integers().between(0, 0xFFF);
    Arbitrary<StunClass> cls = Arbitraries.of(StunClass.class);
    Arbitrary<TransactionId> id = Combinators.combine(Arbitraries.longs(), Arbitraries.integers())
        .as(TransactionId::new);
    Arbitrary<List<StunAttribute>> attrs = attribute().list().ofMaxSize(8);
    return Combinators.combine(method, cls, id, attrs).as(StunMessage::new);
  }

  private Arbitrary<StunAttribute> attribute() {
    Arbitrary<String> text = Arbitraries.strings().withCharRange('a', 'z').withChars("é:/ 漢")
        .ofMaxLength(30);
    Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(40);
    Arbitrary<InetSocketAddress> address = Combinators.combine(
        Arbitraries.bytes().array(byte[].class).ofSize(4).injectDuplicates(0)
            .flatMap(b4 -> Arbitraries.oneOf(Arbitraries.just(b4),
                Arbitraries.bytes().array(byte[].class).ofSize(16))),
        Arbitraries.integers().between(0, 65535)).as((ip, port) -> {
          try {
            InetAddress inet = ip.length == 4 ? InetAddress.getByAddress(ip)
                : java.net.Inet6Address.getByAddress(null, ip, -1);
            return new InetSocketAddress(inet, port);
          } catch (UnknownHostException e) {
            throw new AssertionError(e);
          }
        });
    Arbitrary<Integer> addressType = Arbitraries.of(StunAttribute.MAPPED_ADDRESS,
        StunAttribute.XOR_MAPPED_ADDRESS, StunAttribute.XOR_PEER_ADDRESS,
        StunAttribute.XOR_RELAYED_ADDRESS, StunAttribute.ALTERNATE_SERVER);
    List<Arbitrary<? extends StunAttribute>> all = new ArrayList<>();
    all.add(Combinators.combine(addressType, address).as(StunAttribute.Address::new));
    all.add(text.map(StunAttribute.Username::new));
    all.add(text.map(StunAttribute.Realm::new));
    all.add(text.map(StunAttribute.Nonce::new));
    all.add(text.map(StunAttribute.Software::new));
    all.add(Arbitraries.bytes().array(byte[].class).ofSize(20).map(StunAttribute.MessageIntegrity::new));
    all.add(Arbitraries.integers().between(4, 8).flatMap(n -> Arbitraries.bytes().array(byte[].class)
        .ofSize(4 * n)).map(StunAttribute.MessageIntegritySha256::new));
    all.add(Arbitraries.integers().map(StunAttribute.Fingerprint::new));
    all.add(Combinators.combine(Arbitraries.integers().between(300, 699), text)
        .as(StunAttribute.ErrorCode::new));
    all.add(Arbitraries.integers().between(0, 0xFFFF).list().ofMaxSize(5)
        .map(StunAttribute.UnknownAttributes::new));
    all.add(Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(StunAttribute.Priority::new));
    all.add(Arbitraries.just(new StunAttribute.UseCandidate()));
    all.add(Arbitraries.longs().map(StunAttribute.IceControlled::new));
    all.add(Arbitraries.longs().map(StunAttribute.IceControlling::new));
    all.add(Arbitraries.integers().between(0x4000, 0x4FFF).map(StunAttribute.ChannelNumber::new));
    all.add(Arbitraries.longs().between(0, 0xFFFF_FFFFL).map(StunAttribute.Lifetime::new));
    all.add(bytes.map(StunAttribute.Data::new));
    all.add(Arbitraries.of(1, 2).map(StunAttribute.RequestedAddressFamily::new));
    all.add(Arbitraries.of(true, false).map(StunAttribute.EvenPort::new));
    all.add(Arbitraries.integers().between(0, 255).map(StunAttribute.RequestedTransport::new));
    all.add(Arbitraries.just(new StunAttribute.DontFragment()));
    all.add(Arbitraries.longs().map(StunAttribute.ReservationToken::new));
    all.add(Combinators.combine(Arbitraries.of(0x0002, 0x0003, 0x8001, 0xC057, 0x7FFF), bytes)
        .as(StunAttribute.Unknown::new));
    return Arbitraries.oneOf(all);
  }
}
