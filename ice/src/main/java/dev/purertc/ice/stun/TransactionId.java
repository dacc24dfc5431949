package dev.purertc.ice.stun;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * The 96-bit STUN transaction id (RFC 8489 §5), held as two numbers so that it is a value.
 *
 * @param high the first 8 bytes, big-endian
 * @param low the last 4 bytes, big-endian
 */
public record TransactionId(long high, int low) {

  /** A fresh id from the given generator (RFC 8489 §5: uniformly random). */
  public static TransactionId random(RandomGenerator random) {
    return new TransactionId(random.nextLong(), random.nextInt());
  }

  /** The 12 bytes, big-endian. */
  public byte[] bytes() {
    return ByteBuffer.allocate(12).putLong(high).putInt(low).array();
  }

  void writeTo(ByteBuffer out) {
    out.putLong(high).putInt(low);
  }

  @Override
  public String toString() {
    return String.format("%016x%08x", high, low);
  }
}
