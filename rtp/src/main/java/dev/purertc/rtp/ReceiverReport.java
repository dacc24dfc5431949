package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * RTCP receiver report (RFC 3550 section 6.4.2), PT 201.
 *
 * @param ssrc the reporter's SSRC
 * @param reportBlocks reception reports, at most 31 (none is valid: an empty RR)
 */
public record ReceiverReport(long ssrc, List<ReportBlock> reportBlocks) implements RtcpPacket {

  /** Validates the SSRC and the 5-bit block count. */
  public ReceiverReport {
    U32.check("SSRC", ssrc);
    reportBlocks = List.copyOf(reportBlocks);
    if (reportBlocks.size() > 31) {
      throw new IllegalArgumentException(reportBlocks.size() + " report blocks exceed 31");
    }
  }

  @Override
  public int sizeBytes() {
    return 8 + ReportBlock.BYTES * reportBlocks.size();
  }

  @Override
  public int writeTo(ByteBuffer dst) {
    // RTCP is big-endian on the wire whatever order the caller gave dst; restore it after.
    ByteOrder order = dst.order();
    dst.order(ByteOrder.BIG_ENDIAN);
    try {
      int size = sizeBytes();
      RtcpPacket.writeHeader(dst, reportBlocks.size(), PT_RR, size);
      dst.putInt((int) ssrc);
      for (ReportBlock block : reportBlocks) {
        block.writeTo(dst);
      }
      return size;
    } finally {
      dst.order(order);
    }
  }
}
