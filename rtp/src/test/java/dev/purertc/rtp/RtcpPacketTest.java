package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RtcpPacketTest {

  @Test
  void readsASenderReportWithItsReportBlockAndTheCnameFromTheRfc3550Layout() {
    List<RtcpPacket> packets = RtcpPacket.parseCompound(Kat.buffer("rfc3550-6.4.1-sr-sdes.hex"));
    assertEquals(2, packets.size());
    SenderReport sr = assertInstanceOf(SenderReport.class, packets.get(0));
    assertEquals(1234, sr.ssrc());
    assertEquals(0xE12B3C4D11223344L, sr.ntpTimestamp());
    assertEquals(0x3C4D1122L, sr.ntpMiddle32());
    assertEquals(123456, sr.rtpTimestamp());
    assertEquals(100, sr.packetCount());
    assertEquals(16000, sr.octetCount());
    assertEquals(List.of(new ReportBlock(5678, 25, -2, 0x00010005L, 32, 0x3C4D1122L, 0x18000)), sr.reportBlocks());
    SourceDescription sdes = assertInstanceOf(SourceDescription.class, packets.get(1));
    assertEquals(Optional.of("user@host1"), sdes.chunks().get(0).cname());
    assertEquals(SourceDescription.ofCname(1234, "user@host1"), sdes);
  }

  @Test
  void readsAReducedSizeCompoundWithNackByeAppAnOpaquePliAndAPaddedReceiverReport() {
    List<RtcpPacket> packets = RtcpPacket.parseCompound(Kat.buffer("rfc4585-6.2.1-nack-bye-app.hex"));
    assertEquals(5, packets.size());
    GenericNack nack = assertInstanceOf(GenericNack.class, packets.get(0));
    assertEquals(1, nack.senderSsrc());
    assertEquals(2, nack.mediaSsrc());
    assertEquals(List.of(100, 101, 103), nack.lostSequenceNumbers());
    assertEquals(new Goodbye(List.of(2L), "test"), packets.get(1));
    assertEquals(new ApplicationDefined(2, 1, "PRTC", Kat.hex("DEADBEEF")), packets.get(2));
    assertEquals(new UnknownRtcpPacket(206, 1, false, Kat.hex("00000001 00000002")), packets.get(3));
    assertEquals(new ReceiverReport(3, List.of()), packets.get(4));
  }

  @Test
  void writesTheKnownAnswerCompoundsByteForByte() {
    byte[] kat = Kat.bytes("rfc3550-6.4.1-sr-sdes.hex");
    ByteBuffer out = ByteBuffer.allocate(kat.length);
    assertEquals(kat.length, RtcpPacket.writeCompound(RtcpPacket.parseCompound(ByteBuffer.wrap(kat)), out));
    assertArrayEquals(kat, out.array());

    // Everything but the padded RR (padding is accepted, never written) comes back identical.
    byte[] reduced = Kat.bytes("rfc4585-6.2.1-nack-bye-app.hex");
    List<RtcpPacket> packets = RtcpPacket.parseCompound(ByteBuffer.wrap(reduced));
    ByteBuffer out2 = ByteBuffer.allocate(reduced.length);
    RtcpPacket.writeCompound(packets.subList(0, 4), out2);
    assertEquals(ByteBuffer.wrap(reduced, 0, out2.position()), out2.flip());
  }

  @Test
  void everyPacketTypeWritesNetworkByteOrderIntoALittleEndianBufferAndKeepsItsOrder() {
    List<RtcpPacket> packets = new java.util.ArrayList<>(
        RtcpPacket.parseCompound(ByteBuffer.wrap(Kat.bytes("rfc3550-6.4.1-sr-sdes.hex"))));
    packets.addAll(RtcpPacket.parseCompound(ByteBuffer.wrap(Kat.bytes("rfc4585-6.2.1-nack-bye-app.hex"))));
    packets.add(new ReceiverReport(0x01020304L, List.of(new ReportBlock(5, 6, -7, 0x00010008L, 9, 10, 11))));
    for (RtcpPacket p : packets) {
      ByteBuffer big = ByteBuffer.allocate(p.sizeBytes());
      p.writeTo(big);
      ByteBuffer little = ByteBuffer.allocate(p.sizeBytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      assertEquals(p.sizeBytes(), p.writeTo(little));
      assertArrayEquals(big.array(), little.array(), "RTCP is big-endian on the wire: " + p);
      assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, little.order(), "the caller's byte order is kept");
    }
    ByteBuffer little = ByteBuffer.allocate(1500).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    RtcpPacket.writeCompound(packets, little);
    assertEquals(packets, RtcpPacket.parseCompound(little.flip()));
  }

  @Test
  void genericNackPacksLostSequenceNumbersAcrossWrapAround() {
    GenericNack nack = GenericNack.of(1, 2, List.of(65534, 65535, 0, 1, 14, 40));
    assertEquals(List.of(new GenericNack.Entry(65534, 0b1000_0000_0000_0111), new GenericNack.Entry(40, 0)),
        nack.entries());
    assertEquals(List.of(65534, 65535, 0, 1, 14, 40), nack.lostSequenceNumbers());
  }

  @Test
  void rejectsBadInputWithTheOffsetAndReasonOfTheFault() {
    assertFault("", 0, "empty RTCP datagram");
    assertFault("80C9", 0, "RTCP header needs 4 bytes");
    assertFault("40C90001 00000001", 0, "RTCP version 1");
    assertFault("80C90002 00000001", 2, "RTCP length of 12 bytes exceeds the 8 remaining");
    assertFault("A0C90001 00000000", 7, "padding count 0");
    assertFault("81C90001 00000001", 8, "report block 0 needs 24 bytes");
    assertFault("80C90001 00000001 80C8", 8, "RTCP header needs 4 bytes");
    assertFault("81CA0002 00000001 0105 6162", 10, "SDES item text needs 5 bytes");
    assertFault("81CA0002 00000001 0102 FFFE", 10, "SDES item text is not valid UTF-8");
    assertFault("81CB0001 00000001 80CB0000 81CB0000", 16, "BYE SSRC needs 4 bytes");
    assertFault("81CD0001 00000001", 8, "NACK media SSRC needs 4 bytes but 0 remain");
    assertFault("A1CD0003 00000001 00000002 00010002", 14, "NACK BLP needs 2 bytes but 0 remain");
  }

  private static void assertFault(String hex, int offset, String reason) {
    RtpParseException e = assertThrows(RtpParseException.class,
        () -> RtcpPacket.parseCompound(ByteBuffer.wrap(Kat.hex(hex))));
    assertEquals(offset, e.offset(), e.getMessage());
    assertTrue(e.reason().contains(reason), e.getMessage());
  }
}
