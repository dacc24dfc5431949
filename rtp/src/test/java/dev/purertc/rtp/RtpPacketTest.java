package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpPacketTest {

  private static byte[] bytesOf(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  @Test
  void readsEveryFixedHeaderFieldCsrcListAndPaddingFromTheRfc3550Layout() {
    RtpPacket p = RtpPacket.parse(Kat.buffer("rfc3550-5.1-rtp-csrc-padding.hex"));
    assertEquals(2, p.version());
    assertTrue(p.padding());
    assertFalse(p.extension());
    assertTrue(p.marker());
    assertEquals(0, p.payloadType());
    assertEquals(65535, p.sequenceNumber());
    assertEquals(0xFFFF_FFFFL, p.timestamp());
    assertEquals(0x11223344L, p.ssrc());
    assertEquals(List.of(0xAABBCCDDL, 1L), p.csrcs());
    assertEquals(4, p.paddingLength());
    assertArrayEquals(Kat.hex("80818283"), bytesOf(p.payload()));
    assertEquals(28, p.sizeBytes());
  }

  @Test
  void readsOneByteExtensionsAndTheAudioLevelOfRfc6464() {
    RtpPacket p = RtpPacket.parse(Kat.buffer("rfc8285-4.2-one-byte-extension.hex"));
    assertTrue(p.extension());
    assertFalse(p.twoByteExtensions());
    assertEquals(RtpPacket.ONE_BYTE_PROFILE, p.extensionProfile());
    assertEquals(111, p.payloadType());
    assertEquals(0x1234, p.sequenceNumber());
    assertEquals(123456, p.timestamp());
    assertEquals(0xDEADBEEFL, p.ssrc());
    assertEquals(List.of(
        new HeaderExtension(1, Kat.hex("AA")),
        new HeaderExtension(2, Kat.hex("BBBB")),
        new HeaderExtension(3, Kat.hex("CCCCCCCC"))), p.headerExtensions());
    assertEquals(new AudioLevel(true, 42), p.audioLevel(1));
    assertArrayEquals(Kat.hex("BBBB"), bytesOf(p.headerExtension(2)));
    assertNull(p.headerExtension(4));
    assertArrayEquals(Kat.hex("01020304"), bytesOf(p.payload()));
  }

  @Test
  void readsTwoByteExtensionsIncludingAnEmptyElementAndAnIdAbove14() {
    RtpPacket p = RtpPacket.parse(Kat.buffer("rfc8285-4.3-two-byte-extension.hex"));
    assertTrue(p.twoByteExtensions());
    assertTrue(p.marker());
    assertEquals(List.of(
        new HeaderExtension(1, new byte[0]),
        new HeaderExtension(2, Kat.hex("BB")),
        new HeaderExtension(20, Kat.hex("CCCCCCCC"))), p.headerExtensions());
    assertNull(p.audioLevel(1), "an empty element has no level byte");
    assertArrayEquals(Kat.hex("FF"), bytesOf(p.payload()));
  }

  @Test
  void builderWritesTheKnownAnswerLayoutsByteForByte() {
    RtpPacket oneByte = RtpPacket.builder().payloadType(111).sequenceNumber(0x1234).timestamp(123456)
        .ssrc(0xDEADBEEFL).audioLevel(1, new AudioLevel(true, 42))
        .addHeaderExtension(new HeaderExtension(2, Kat.hex("BBBB")))
        .addHeaderExtension(new HeaderExtension(3, Kat.hex("CCCCCCCC")))
        .payload(Kat.hex("01020304")).build();
    assertEquals(RtpPacket.parse(Kat.buffer("rfc8285-4.2-one-byte-extension.hex")), oneByte);

    RtpPacket twoByte = RtpPacket.builder().marker(true).payloadType(111).sequenceNumber(1).timestamp(960)
        .ssrc(1).addHeaderExtension(new HeaderExtension(1, new byte[0]))
        .addHeaderExtension(new HeaderExtension(2, Kat.hex("BB")))
        .addHeaderExtension(new HeaderExtension(20, Kat.hex("CCCCCCCC")))
        .payload(Kat.hex("FF")).build();
    assertEquals(RtpPacket.parse(Kat.buffer("rfc8285-4.3-two-byte-extension.hex")), twoByte);

    RtpPacket csrc = RtpPacket.builder().marker(true).payloadType(0).sequenceNumber(65535)
        .timestamp(0xFFFF_FFFFL).ssrc(0x11223344L).csrcs(List.of(0xAABBCCDDL, 1L))
        .payload(Kat.hex("80818283")).paddingLength(4).build();
    ByteBuffer out = ByteBuffer.allocate(64);
    assertEquals(28, csrc.writeTo(out));
    assertArrayEquals(Kat.bytes("rfc3550-5.1-rtp-csrc-padding.hex"), bytesOf(out.flip()));
  }

  @Test
  void parsingDoesNotMoveTheCallersBufferAndReadsFromItsPosition() {
    byte[] kat = Kat.bytes("rfc8285-4.2-one-byte-extension.hex");
    ByteBuffer b = ByteBuffer.allocate(kat.length + 3);
    b.position(3);
    b.put(kat);
    b.position(3);
    RtpPacket p = RtpPacket.parse(b);
    assertEquals(3, b.position());
    assertEquals(0x1234, p.sequenceNumber());
  }

  @Test
  void opaqueExtensionProfilesAreKeptButOfferNoElements() {
    RtpPacket p = RtpPacket.builder().payloadType(96).opaqueExtension(0xABCD, Kat.hex("01020304"))
        .payload(Kat.hex("00")).build();
    assertEquals(0xABCD, p.extensionProfile());
    assertArrayEquals(Kat.hex("01020304"), bytesOf(p.extensionData()));
    assertTrue(p.headerExtensions().isEmpty());
    assertNull(p.headerExtension(1));
  }

  @Test
  void oneByteElementWithId15StopsProcessingAsRfc8285Requires() {
    byte[] b = Kat.hex("9000000100000000000000 01 BEDE0001 10AA F0 00 11");
    RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(b));
    assertEquals(List.of(new HeaderExtension(1, Kat.hex("AA"))), p.headerExtensions());
    assertEquals(1, p.payloadLength());
  }

  @Test
  void aOneByteHeaderWithId0IsPaddingWhateverItsLengthField() {
    byte[] b = Kat.hex("9000000100000000000000 01 BEDE0001 02 10AA 00 11");
    RtpPacket p = RtpPacket.parse(ByteBuffer.wrap(b));
    assertEquals(List.of(new HeaderExtension(1, Kat.hex("AA"))), p.headerExtensions());
  }

  @Test
  void rejectsBadInputWithTheOffsetAndReasonOfTheFault() {
    assertFault("80000001 00000000", 0, "shorter than the 12-byte fixed header");
    assertFault("40000001 00000000 00000000", 0, "version 1");
    assertFault("83000001 00000000 00000000 00000001", 0, "CSRC count 3");
    assertFault("A0000001 00000000 00000000 00", 12, "padding count is 0");
    assertFault("A0000001 00000000 00000000 0011", 13, "padding count 17 exceeds the 2 bytes");
    assertFault("A1000001 00000000 00000000 0002", 0, "CSRC count 1 needs 16 header bytes but only 12 precede the padding");
    assertFault("90000001 00000000 00000000 BEDE", 12, "extension header needs 4 bytes");
    assertFault("90000001 00000000 00000000 BEDE0002 00000000", 14, "extension length of 8 bytes");
    assertFault("90000001 00000000 00000000 BEDE0001 13AA0000", 17, "extension element needs 4 bytes");
    assertFault("90000001 00000000 00000000 10000001 00000005", 19, "two-byte extension element 5 has no length byte");
  }

  private static void assertFault(String hex, int offset, String reason) {
    RtpParseException e = assertThrows(RtpParseException.class, () -> RtpPacket.parse(ByteBuffer.wrap(Kat.hex(hex))));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.reason().contains(reason), e.getMessage());
  }

  @Test
  void writerProducesTheSameBytesAsTheBuilderWithAndWithoutAudioLevel() {
    ByteBuffer payload = ByteBuffer.wrap(Kat.hex("DEADBEEF01"));
    RtpWriter plain = new RtpWriter(0x01020304L, 111, List.of(7L), 0);
    ByteBuffer dst = ByteBuffer.allocate(100);
    int n = plain.write(dst, 65535, 0xFFFF_FFFFL, true, payload);
    assertEquals(plain.packetSize(5), n);
    assertEquals(0, payload.position(), "the payload buffer is not consumed");
    RtpPacket expected = RtpPacket.builder().marker(true).payloadType(111).sequenceNumber(65535)
        .timestamp(0xFFFF_FFFFL).ssrc(0x01020304L).csrcs(List.of(7L)).payload(Kat.hex("DEADBEEF01")).build();
    assertEquals(expected, RtpPacket.parse(dst.flip()));

    RtpWriter leveled = new RtpWriter(5, 111, List.of(), 3);
    dst.clear();
    leveled.write(dst, 9, 960, false, true, 30, payload);
    RtpPacket p = RtpPacket.parse(dst.flip());
    assertEquals(new AudioLevel(true, 30), p.audioLevel(3));
    assertEquals(RtpPacket.builder().payloadType(111).sequenceNumber(9).timestamp(960).ssrc(5)
        .audioLevel(3, new AudioLevel(true, 30)).payload(Kat.hex("DEADBEEF01")).build(), p);
  }

  @Test
  void writerWritesNetworkByteOrderWhateverTheDestinationBuffersOrder() {
    RtpWriter writer = new RtpWriter(0x01020304L, 111, List.of(0x0A0B0C0DL), 3);
    ByteBuffer payload = ByteBuffer.wrap(Kat.hex("DEADBEEF01"));
    ByteBuffer big = ByteBuffer.allocate(100);
    writer.write(big, 0x1234, 0x89ABCDEFL, true, true, 30, payload);
    ByteBuffer little = ByteBuffer.allocate(100).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    writer.write(little, 0x1234, 0x89ABCDEFL, true, true, 30, payload);
    assertArrayEquals(bytesOf(big.flip()), bytesOf(little.flip()), "RTP is big-endian on the wire");
    assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, little.order(), "the caller's byte order is kept");
    RtpPacket p = RtpPacket.parse(little);
    assertEquals(0x1234, p.sequenceNumber());
    assertEquals(0x89ABCDEFL, p.timestamp());
    assertEquals(0x01020304L, p.ssrc());
    assertEquals(List.of(0x0A0B0C0DL), p.csrcs());
    assertEquals(new AudioLevel(true, 30), p.audioLevel(3));
  }

  @Test
  void writersRefuseABufferThatIsTooSmallAndWriteNothing() {
    ByteBuffer small = ByteBuffer.allocate(12);
    RtpWriter w = new RtpWriter(1, 0, List.of(), 0);
    assertThrows(BufferOverflowException.class, () -> w.write(small, 1, 1, false, ByteBuffer.allocate(1)));
    assertEquals(0, small.position());
    RtpPacket p = RtpPacket.builder().payload(new byte[1]).build();
    assertThrows(BufferOverflowException.class, () -> p.writeTo(small));
    assertEquals(0, small.position());
  }
}
