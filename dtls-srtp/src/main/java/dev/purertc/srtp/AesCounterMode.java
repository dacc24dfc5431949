package dev.purertc.srtp;

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
   * 16-byte {@code iv}, whose last two bytes must be zero (RFC 3711 §4.1.1: IV * 2^16; the block
   * counter fills the low 16 bits, so at most 2^16 blocks).
   */
  void xor(byte[] iv, byte[] data, int offset, int length) {
    int block = 0;
    int done = 0;
    while (done < length) {
      int chunk = Math.min(length - done, keystream.length);
      int blocks = (chunk + 15) >>> 4;
      for (int b = 0; b < blocks; b++, block++) {
        int at = b << 4;
        System.arraycopy(iv, 0, counters, at, 14);
        counters[at + 14] = (byte) (block >>> 8);
        counters[at + 15] = (byte) block;
      }
      try {
        ecb.update(counters, 0, blocks << 4, keystream, 0);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("AES/ECB refused a whole number of blocks", e);
      }
      for (int i = 0; i < chunk; i++) {
        data[offset + done + i] ^= keystream[i];
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
