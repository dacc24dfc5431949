package dev.purertc.srtp;

/**
 * A 64-packet sliding replay window over packet indices (RFC 3711 §3.3.2): an index is fresh if
 * it is newer than the highest seen, or at most 63 older and not seen yet. Indices are
 * non-negative (48-bit SRTP, 31-bit SRTCP). Not thread-safe.
 */
final class ReplayWindow {
  static final int SIZE = 64;

  private long highest = -1;
  private long seen; // bit i set: index (highest - i) was accepted

  /** True if {@code index} has not been accepted before and is not too old. */
  boolean isFresh(long index) {
    if (index > highest) {
      return true;
    }
    long age = highest - index;
    return age < SIZE && (seen & (1L << age)) == 0;
  }

  /** Records {@code index} as accepted; call only after the packet authenticated. */
  void accept(long index) {
    if (index > highest) {
      long shift = index - highest;
      seen = shift >= SIZE ? 1L : (seen << shift) | 1L;
      highest = index;
    } else {
      seen |= 1L << (highest - index);
    }
  }

  long highest() {
    return highest;
  }
}
