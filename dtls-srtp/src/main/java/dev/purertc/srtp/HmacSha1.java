package dev.purertc.srtp;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HMAC-SHA1 (RFC 2104) over the JCE's {@code SHA-1} {@link MessageDigest}, for SRTP
 * authentication (RFC 3711 §4.2.1).
 *
 * <p>Why not {@code javax.crypto.Mac}: in the JDK, {@code Mac.doFinal(byte[], int)} allocates a
 * fresh digest array on every call. Written out over {@code MessageDigest.digest(byte[], int,
 * int)} the same computation (the same two SHA-1 passes) allocates nothing. Not thread-safe.
 */
final class HmacSha1 {
  static final int LENGTH = 20;
  private static final int BLOCK = 64;

  private final MessageDigest sha1;
  private final byte[] innerPad = new byte[BLOCK];
  private final byte[] outerPad = new byte[BLOCK];
  private final byte[] inner = new byte[LENGTH];
  private final byte[] word = new byte[4];

  HmacSha1(byte[] key) {
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
    byte[] k = key.length > BLOCK ? sha1.digest(key) : key;
    for (int i = 0; i < BLOCK; i++) {
      byte b = i < k.length ? k[i] : 0;
      innerPad[i] = (byte) (b ^ 0x36);
      outerPad[i] = (byte) (b ^ 0x5c);
    }
    sha1.update(innerPad);
  }

  /** Adds message bytes. */
  void update(byte[] data, int offset, int length) {
    sha1.update(data, offset, length);
  }

  /** Adds a 32-bit big-endian integer (the ROC in RFC 3711 §4.2). */
  void updateInt(int value) {
    word[0] = (byte) (value >>> 24);
    word[1] = (byte) (value >>> 16);
    word[2] = (byte) (value >>> 8);
    word[3] = (byte) value;
    sha1.update(word, 0, 4);
  }

  /** Finishes the MAC into {@code out[offset..offset+20)} and starts the next message. */
  void doFinal(byte[] out, int offset) {
    try {
      sha1.digest(inner, 0, LENGTH);
      sha1.update(outerPad);
      sha1.update(inner);
      sha1.digest(out, offset, LENGTH);
    } catch (DigestException e) {
      throw new IllegalStateException("SHA-1 output buffer too small", e);
    }
    sha1.update(innerPad);
  }
}
