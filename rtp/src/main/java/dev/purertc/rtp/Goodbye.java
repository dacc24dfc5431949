package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RTCP BYE (RFC 3550 section 6.6), PT 203: the listed sources are leaving.
 *
 * @param ssrcs the sources leaving, at most 31
 * @param reason why, as UTF-8 text of at most 255 bytes; empty when no reason was given
 */
public record Goodbye(List<Long> ssrcs, String reason) implements RtcpPacket {

  /** Validates the count, the SSRCs and the reason length. */
  public Goodbye {
    ssrcs = List.copyOf(ssrcs);
    if (ssrcs.size() > 31) {
      throw new IllegalArgumentException(ssrcs.size() + " BYE sources exceed 31");
    }
    for (long s : ssrcs) {
      U32.check("SSRC", s);
    }
    if (reason.getBytes(StandardCharsets.UTF_8).length > 255) {
      throw new IllegalArgumentException("BYE reason exceeds 255 UTF-8 bytes");
    }
  }

  @Override
  public int sizeBytes() {
    int n = 4 + 4 * ssrcs.size();
    if (!reason.isEmpty()) {
      n += (1 + reason.getBytes(StandardCharsets.UTF_8).length + 3) & ~3;
    }
    return n;
  }

  @Override
  public int writeTo(ByteBuffer dst) {
    // RTCP is big-endian on the wire whatever order the caller gave dst; restore it after.
    ByteOrder order = dst.order();
    dst.order(ByteOrder.BIG_ENDIAN);
    try {
      int size = sizeBytes();
      int start = dst.position();
      RtcpPacket.writeHeader(dst, ssrcs.size(), PT_BYE, size);
      for (long s : ssrcs) {
        dst.putInt((int) s);
      }
      if (!reason.isEmpty()) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        dst.put((byte) text.length).put(text);
        while (dst.position() < start + size) {
          dst.put((byte) 0);
        }
      }
      return size;
    } finally {
      dst.order(order);
    }
  }
}
