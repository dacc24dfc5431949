package dev.purertc.rtp;

/** Range check for the unsigned 32-bit fields RTP and RTCP carry in a {@code long}. */
final class U32 {
  private U32() {}

  static long check(String field, long value) {
    if (value < 0 || value > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException(field + " " + value + " is not in 0..2^32-1");
    }
    return value;
  }
}
