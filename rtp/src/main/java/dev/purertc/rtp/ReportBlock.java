package dev.purertc.rtp;

/**
 * One reception report block of an SR or RR (RFC 3550 section 6.4.1).
 *
 * @param ssrc the source this block reports on
 * @param fractionLost fraction of packets lost since the previous report, in 1/256 units, 0..255
 * @param cumulativeLost packets lost since reception began, signed 24-bit (duplicates can make it
 *     negative)
 * @param extendedHighestSequence cycles in the high 16 bits, highest sequence number in the low
 * @param jitter interarrival jitter in RTP timestamp units (RFC 3550 A.8)
 * @param lastSenderReport LSR: middle 32 bits of the NTP timestamp of the last SR received, 0 if none
 * @param delaySinceLastSenderReport DLSR, in units of 1/65536 s, 0 if no SR received yet
 */
public record ReportBlock(long ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
    long jitter, long lastSenderReport, long delaySinceLastSenderReport) {

  /** Size of a block on the wire. */
  static final int BYTES = 24;

  /** Validates every field against its width on the wire. */
  public ReportBlock {
    U32.check("SSRC", ssrc);
    if (fractionLost < 0 || fractionLost > 255) {
      throw new IllegalArgumentException("fraction lost " + fractionLost + " is not in 0..255");
    }
    if (cumulativeLost < -(1 << 23) || cumulativeLost >= (1 << 23)) {
      throw new IllegalArgumentException("cumulative lost " + cumulativeLost + " is not signed 24-bit");
    }
    U32.check("extended highest sequence", extendedHighestSequence);
    U32.check("jitter", jitter);
    U32.check("LSR", lastSenderReport);
    U32.check("DLSR", delaySinceLastSenderReport);
  }

  void writeTo(java.nio.ByteBuffer dst) {
    dst.putInt((int) ssrc);
    dst.putInt((fractionLost << 24) | (cumulativeLost & 0xFF_FFFF));
    dst.putInt((int) extendedHighestSequence);
    dst.putInt((int) jitter);
    dst.putInt((int) lastSenderReport);
    dst.putInt((int) delaySinceLastSenderReport);
  }
}
