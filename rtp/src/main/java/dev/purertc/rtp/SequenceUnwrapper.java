package dev.purertc.rtp;

/**
 * Turns 16-bit RTP sequence numbers into 64-bit extended ones that keep counting across
 * wrap-around (the "cycles" of RFC 3550 appendix A.1).
 *
 * <p>Each number is placed in the cycle that puts it closest to the previous one, so a packet that
 * arrives late across a wrap (65535 after 0) gets the smaller extended number. The first number
 * is taken as is; a number from before it (reordered across the start) may come out negative.
 * The same works for 32-bit RTP timestamps through {@link #unwrapTimestamp}.
 *
 * <p>Not thread-safe; one per stream.
 */
public final class SequenceUnwrapper {
  private long last = -1;
  private long lastTimestamp = -1;

  /** The extended form of {@code sequenceNumber} (0..65535). */
  public long unwrap(int sequenceNumber) {
    int seq = sequenceNumber & 0xFFFF;
    if (last < 0) {
      last = seq;
      return last;
    }
    // RFC 3550 A.1: the signed 16-bit difference decides the direction across a wrap.
    int delta = (short) (seq - (int) (last & 0xFFFF));
    long extended = last + delta;
    if (extended > last) {
      last = extended;
    }
    return extended;
  }

  /** The extended form of a 32-bit RTP timestamp, by the same rule as sequence numbers. */
  public long unwrapTimestamp(long timestamp) {
    long ts = timestamp & 0xFFFF_FFFFL;
    if (lastTimestamp < 0) {
      lastTimestamp = ts;
      return ts;
    }
    int delta = (int) (ts - (lastTimestamp & 0xFFFF_FFFFL));
    long extended = lastTimestamp + delta;
    if (extended > lastTimestamp) {
      lastTimestamp = extended;
    }
    return extended;
  }
}
