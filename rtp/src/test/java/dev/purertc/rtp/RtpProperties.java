package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class RtpProperties {

  @Provide
  Arbitrary<HeaderExtension> extensions() {
    Arbitrary<Integer> oneByteIds = Arbitraries.integers().between(1, 14);
    Arbitrary<Integer> anyIds = Arbitraries.integers().between(1, 255);
    Arbitrary<byte[]> shortData = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16);
    Arbitrary<byte[]> anyData = Arbitraries.bytes().array(byte[].class).ofMaxSize(255);
    return Arbitraries.oneOf(
        Combinators.combine(oneByteIds, shortData).as(HeaderExtension::new),
        Combinators.combine(anyIds, anyData).as(HeaderExtension::new));
  }

  @Property(tries = 300)
  void builtPacketsKeepEveryFieldThroughWriteAndParse(
      @ForAll boolean marker,
      @ForAll @IntRange(max = 127) int payloadType,
      @ForAll @IntRange(max = 65535) int sequenceNumber,
      @ForAll @LongRange(max = 0xFFFF_FFFFL) long timestamp,
      @ForAll @LongRange(max = 0xFFFF_FFFFL) long ssrc,
      @ForAll @Size(max = 15) List<@LongRange(max = 0xFFFF_FFFFL) Long> csrcs,
      @ForAll @Size(max = 6) List<@From("extensions") HeaderExtension> elements,
      @ForAll boolean twoByte,
      @ForAll @Size(max = 300) byte[] payload,
      @ForAll @IntRange(max = 255) int padding) {
    RtpPacket.Builder builder = RtpPacket.builder().marker(marker).payloadType(payloadType)
        .sequenceNumber(sequenceNumber).timestamp(timestamp).ssrc(ssrc).csrcs(csrcs)
        .twoByteExtensions(twoByte).payload(payload).paddingLength(padding);
    elements.forEach(builder::addHeaderExtension);
    RtpPacket built = builder.build();

    ByteBuffer wire = ByteBuffer.allocate(built.sizeBytes());
    built.writeTo(wire);
    RtpPacket parsed = RtpPacket.parse(wire.flip());

    assertEquals(built, parsed);
    assertEquals(marker, parsed.marker());
    assertEquals(payloadType, parsed.payloadType());
    assertEquals(sequenceNumber, parsed.sequenceNumber());
    assertEquals(timestamp, parsed.timestamp());
    assertEquals(ssrc, parsed.ssrc());
    assertEquals(csrcs, parsed.csrcs());
    assertEquals(elements, parsed.headerExtensions());
    assertEquals(!elements.isEmpty(), parsed.extension());
    assertEquals(ByteBuffer.wrap(payload), parsed.payload());
    assertEquals(padding, parsed.paddingLength());
  }

  @Property(tries = 300)
  void writerPacketsParseBackToWhatWasWritten(
      @ForAll @LongRange(max = 0xFFFF_FFFFL) long ssrc,
      @ForAll @IntRange(max = 127) int payloadType,
      @ForAll @IntRange(max = 14) int audioLevelId,
      @ForAll @IntRange(max = 65535) int sequenceNumber,
      @ForAll @LongRange(max = 0xFFFF_FFFFL) long timestamp,
      @ForAll boolean marker,
      @ForAll boolean voice,
      @ForAll @IntRange(max = 127) int level,
      @ForAll @Size(max = 300) byte[] payload) {
    RtpWriter writer = new RtpWriter(ssrc, payloadType, List.of(), audioLevelId);
    ByteBuffer dst = ByteBuffer.allocate(writer.packetSize(payload.length) + 7);
    dst.position(7);
    int n = writer.write(dst, sequenceNumber, timestamp, marker, voice, level, ByteBuffer.wrap(payload));
    assertEquals(writer.packetSize(payload.length), n);
    RtpPacket p = RtpPacket.parse(dst.position(7));
    assertEquals(sequenceNumber, p.sequenceNumber());
    assertEquals(timestamp, p.timestamp());
    assertEquals(marker, p.marker());
    assertEquals(ssrc, p.ssrc());
    assertEquals(payloadType, p.payloadType());
    assertEquals(ByteBuffer.wrap(payload), p.payload());
    assertEquals(audioLevelId == 0 ? null : new AudioLevel(voice, level), p.audioLevel(audioLevelId));
  }

  /**
   * Arbitrary bytes either parse, and then survive every accessor and a write/parse round trip
   * unchanged, or fail with RtpParseException; nothing else escapes.
   */
  @Property(tries = 3000)
  void arbitraryBytesOnlyEverFailWithRtpParseException(
      @ForAll @Size(max = 120) byte[] bytes, @ForAll boolean forceVersion2, @ForAll boolean forceExtension) {
    if (bytes.length > 0 && forceVersion2) {
      bytes[0] = (byte) ((bytes[0] & 0x3F) | 0x80);
    }
    if (bytes.length > 16 && forceExtension) {
      // V=2, X=1, no CSRC, no padding; an RFC 8285 block that fits, with random elements in it.
      bytes[0] = (byte) 0x90;
      boolean oneByte = bytes[13] % 2 == 0;
      bytes[12] = (byte) (oneByte ? 0xBE : 0x10);
      bytes[13] = (byte) (oneByte ? 0xDE : 0x00);
      bytes[14] = 0;
      bytes[15] = (byte) Math.min((bytes.length - 16) / 4, Math.floorMod(bytes[15], 8));
    }
    RtpPacket p;
    try {
      p = RtpPacket.parse(ByteBuffer.wrap(bytes));
    } catch (RtpParseException expected) {
      return;
    }
    p.toString();
    p.csrcs();
    p.headerExtensions();
    for (int id = 0; id < 256; id++) {
      p.headerExtension(id);
      p.audioLevel(id);
    }
    p.payload();
    p.extensionData();
    ByteBuffer copy = ByteBuffer.allocate(p.sizeBytes());
    p.writeTo(copy);
    assertEquals(ByteBuffer.wrap(bytes), copy.flip());
    assertEquals(p, RtpPacket.parse(copy));
  }
}
