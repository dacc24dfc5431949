package dev.purertc.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as RFC 3711 §4.1.1 defines it, built on the JCE's {@code AES/ECB/NoPadding}.
 *
 * <p>Why ECB and not {@code AES/CTR/NoPadding}: the JCE CTR cipher takes its IV only through
 * {@code init}, which allocates a parameter object and re-expands the key on every packet. Here
 * the key is expanded once; per packet the counter blocks are written into a reused buffer and
 * encrypted in one call, so the packet path allocates nothing. Not thread-safe.
 */
final class AesCounterMode {
  /** Counter blocks per ECB call; a 1500-byte packet needs 94. */
  private static final int BLOCKS_PER_CHUNK = 96;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());
  private static final VarHandle BIG_ENDIAN_LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final Cipher ecb;
  private final byte[] counters = new byte[16 * BLOCKS_PER_CHUNK];
  private final byte[] keystream = new byte[16 * BLOCKS_PER_CHUNK];

  AesCounterMode(byte[] key) {
    try {
      ecb = Cipher.getInstance("AES/ECB/NoPadding");
      ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no AES/ECB/NoPadding", e);
    }
  }

  /**
   * XORs {@code length} bytes at {@code data[offset]} with the keystream that starts at the
   * 16-byte {@code iv} (RFC 3711 §4.1.1: the IV is a multiple of 2^16 and the block counter
   * fills its low 16 bits, so the last two bytes of {@code iv} are ignored and at most 2^16
   * blocks are produced). Counter blocks are written as two big-endian longs each.
   */
  void xor(byte[] iv, byte[] data, int offset, int length) {
    long high = (long) BIG_ENDIAN_LONGS.get(iv, 0);
    long low = (long) BIG_ENDIAN_LONGS.get(iv, 8) & ~0xFFFFL;
    int block = 0;
    int done = 0;
    while (done < length) {
      int chunk = Math.min(length - done, keystream.length);
      int blocks = (chunk + 15) >>> 4;
      for (int b = 0; b < blocks; b++, block++) {
        BIG_ENDIAN_LONGS.set(counters, b << 4, high);
        BIG_ENDIAN_LONGS.set(counters, (b << 4) + 8, low | block);
      }
      try {
        ecb.update(counters, 0, blocks << 4, keystream, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES/ECB refused a whole number of blocks", e);
      }
      int at = offset + done;
      int i = 0;
      for (; i + 8 <= chunk; i += 8) { // eight bytes at a time; the order of bytes is irrelevant
        LONGS.set(data, at + i, (long) LONGS.get(data, at + i) ^ (long) LONGS.get(keystream, i));
      }
      for (; i < chunk; i++) {
        data[at + i] ^= keystream[i];
      }
      done += chunk;
    }
  }

  /** Writes {@code length} bytes of keystream starting at {@code iv} into {@code out}. */
  void keystream(byte[] iv, byte[] out, int length) {
    java.util.Arrays.fill(out, 0, length, (byte) 0);
    xor(iv, out, 0, length);
  }
}
