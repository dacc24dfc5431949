package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * RTCP sender report (RFC 3550 section 6.4.1), PT 200.
 *
 * @param ssrc the sender's SSRC
 * @param ntpTimestamp 64-bit NTP timestamp (seconds since 1900 in the high 32 bits, fraction in the
 *     low 32), as an unsigned value in a {@code long}
 * @param rtpTimestamp the same instant in RTP timestamp units, 0..2^32-1
 * @param packetCount packets sent since the start, modulo 2^32
 * @param octetCount payload octets sent since the start, modulo 2^32
 * @param reportBlocks reception reports, at most 31
 */
public record SenderReport(long ssrc, long ntpTimestamp, long rtpTimestamp, long packetCount,
    long octetCount, List<ReportBlock> reportBlocks) implements RtcpPacket {

  /** Validates field widths and the 5-bit block count. */
  public SenderReport {
    U32.check("SSRC", ssrc);
    U32.check("RTP timestamp", rtpTimestamp);
    U32.check("packet count", packetCount);
    U32.check("octet count", octetCount);
    reportBlocks = List.copyOf(reportBlocks);
    if (reportBlocks.size() > 31) {
      throw new IllegalArgumentException(reportBlocks.size() + " report blocks exceed 31");
    }
  }

  /** The middle 32 bits of the NTP timestamp, as echoed in LSR (RFC 3550 6.4.1). */
  public long ntpMiddle32() {
    return (ntpTimestamp >>> 16) & 0xFFFF_FFFFL;
  }

  @Override
  public int sizeBytes() {
    return 28 + ReportBlock.BYTES * reportBlocks.size();
  }

  @Override
  public int writeTo(ByteBuffer dst) {
    // RTCP is big-endian on the wire whatever order the caller gave dst; restore it after.
    ByteOrder order = dst.order();
    dst.order(ByteOrder.BIG_ENDIAN);
    try {
      int size = sizeBytes();
      RtcpPacket.writeHeader(dst, reportBlocks.size(), PT_SR, size);
      dst.putInt((int) ssrc);
      dst.putLong(ntpTimestamp);
      dst.putInt((int) rtpTimestamp);
      dst.putInt((int) packetCount);
      dst.putInt((int) octetCount);
      for (ReportBlock block : reportBlocks) {
        block.writeTo(dst);
      }
      return size;
    } finally {
      dst.order(order);
    }
  }
}
