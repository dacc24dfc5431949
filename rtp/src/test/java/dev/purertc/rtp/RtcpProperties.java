package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class RtcpProperties {

  private static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
  }

  private static Arbitrary<String> text() {
    // Any Unicode, including surrogate pairs; at most 255 UTF-8 bytes is checked by filter.
    return Arbitraries.strings().all().ofMaxLength(80)
        .filter(s -> s.equals(new String(s.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8)))
        .filter(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 255);
  }

  private static Arbitrary<byte[]> words(int maxWords) {
    return Arbitraries.integers().between(0, maxWords)
        .flatMap(n -> Arbitraries.bytes().array(byte[].class).ofSize(4 * n));
  }

  private static Arbitrary<ReportBlock> blocks() {
    return Combinators.combine(u32(), Arbitraries.integers().between(0, 255),
        Arbitraries.integers().between(-(1 << 23), (1 << 23) - 1), u32(), u32(), u32(), u32())
        .as(ReportBlock::new);
  }

  @Provide
  Arbitrary<RtcpPacket> packets() {
    Arbitrary<RtcpPacket> sr = Combinators.combine(u32(), Arbitraries.longs(), u32(), u32(), u32(),
        blocks().list().ofMaxSize(31)).as(SenderReport::new);
    Arbitrary<RtcpPacket> rr = Combinators.combine(u32(), blocks().list().ofMaxSize(31)).as(ReceiverReport::new);
    Arbitrary<SourceDescription.Item> item =
        Combinators.combine(Arbitraries.integers().between(1, 255), text()).as(SourceDescription.Item::new);
    Arbitrary<SourceDescription.Chunk> chunk =
        Combinators.combine(u32(), item.list().ofMaxSize(4)).as(SourceDescription.Chunk::new);
    Arbitrary<RtcpPacket> sdes = chunk.list().ofMaxSize(5).map(SourceDescription::new);
    Arbitrary<RtcpPacket> bye = Combinators.combine(u32().list().ofMaxSize(31), text()).as(Goodbye::new);
    Arbitrary<RtcpPacket> app = Combinators.combine(Arbitraries.integers().between(0, 31), u32(),
        Arbitraries.strings().withCharRange((char) 0, (char) 255).ofLength(4), words(8))
        .as(ApplicationDefined::new);
    Arbitrary<GenericNack.Entry> entry = Combinators.combine(Arbitraries.integers().between(0, 0xFFFF),
        Arbitraries.integers().between(0, 0xFFFF)).as(GenericNack.Entry::new);
    Arbitrary<RtcpPacket> nack = Combinators.combine(u32(), u32(), entry.list().ofMaxSize(10)).as(GenericNack::new);
    Arbitrary<RtcpPacket> unknown = Combinators.combine(
        Arbitraries.integers().between(206, 255), Arbitraries.integers().between(0, 31), words(8))
        .as((pt, count, body) -> new UnknownRtcpPacket(pt, count, false, body));
    return Arbitraries.oneOf(sr, rr, sdes, bye, app, nack, unknown);
  }

  @Property(tries = 500)
  void compoundPacketsSurviveWriteAndParse(@ForAll @Size(min = 1, max = 6) List<@net.jqwik.api.From("packets") RtcpPacket> compound) {
    int size = compound.stream().mapToInt(RtcpPacket::sizeBytes).sum();
    ByteBuffer wire = ByteBuffer.allocate(size);
    assertEquals(size, RtcpPacket.writeCompound(compound, wire));
    assertEquals(size, wire.position());
    assertEquals(compound, RtcpPacket.parseCompound(wire.flip()));
  }

  @Property(tries = 300)
  void genericNackReportsExactlyTheLostSequenceNumbersItWasBuiltFrom(
      @ForAll @Size(min = 1, max = 40) List<@net.jqwik.api.constraints.IntRange(max = 300) Integer> offsets,
      @ForAll @net.jqwik.api.constraints.IntRange(max = 65535) int base) {
    List<Integer> lost = offsets.stream().distinct().sorted().map(o -> (base + o) & 0xFFFF).toList();
    GenericNack nack = GenericNack.of(1, 2, lost);
    assertEquals(lost, nack.lostSequenceNumbers());
  }

  /** Arbitrary bytes parse (and then survive a write/parse round trip) or fail with RtpParseException. */
  @Property(tries = 3000)
  void arbitraryBytesOnlyEverFailWithRtpParseException(
      @ForAll @Size(max = 120) byte[] bytes, @ForAll boolean plausibleHeader) {
    if (plausibleHeader && bytes.length >= 4) {
      // Version 2, a known packet type and a length that fits, to get past the header checks.
      bytes[0] = (byte) ((bytes[0] & 0x3F) | 0x80);
      bytes[1] = (byte) (200 + Math.floorMod(bytes[1], 8));
      int words = bytes.length / 4 - 1;
      bytes[2] = 0;
      bytes[3] = (byte) Math.min(words, Math.floorMod(bytes[3], 8));
    }
    List<RtcpPacket> packets;
    try {
      packets = RtcpPacket.parseCompound(ByteBuffer.wrap(bytes));
    } catch (RtpParseException expected) {
      return;
    }
    packets.forEach(Object::toString);
    int size = packets.stream().mapToInt(RtcpPacket::sizeBytes).sum();
    ByteBuffer wire = ByteBuffer.allocate(size);
    RtcpPacket.writeCompound(packets, wire);
    assertEquals(packets, RtcpPacket.parseCompound(wire.flip()));
  }
}
