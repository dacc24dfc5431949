package dev.purertc.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The session keys and reusable cipher objects of one direction of either SRTP or SRTCP: AES-CM
 * + HMAC-SHA1 (RFC 3711 §4.1.1, §4.2.1) or AES-GCM (RFC 7714 §8, §9). Not thread-safe.
 *
 * <p>Allocation: the AES-CM path allocates nothing per packet. AES-GCM goes through the JCE's
 * {@code AES/GCM/NoPadding}, which has to be initialised with every packet's nonce, and the JDK
 * builds fresh GCM engine state on each init (about 1 KB per packet, measured with JMH). That is
 * accepted on purpose instead of hand-writing GHASH: the JDK's GHASH is constant-time and
 * uses carry-less-multiply intrinsics, while a table-driven GHASH in Java would be slower and
 * leak timing through its table lookups.
 */
final class PacketCrypto {
  private static final int GCM_TAG_BITS = 128;

  final SrtpProfile profile;
  private final byte[] sessionSalt;
  // AES-CM profiles
  private final AesCounterMode counterMode;
  private final HmacSha1 hmac;
  private final byte[] iv16 = new byte[16];
  private final byte[] mac = new byte[HmacSha1.LENGTH];
  // AES-GCM profiles
  private final Cipher gcm;
  private final SecretKeySpec gcmKey;
  private final byte[] iv12 = new byte[12];

  /** Derives the session keys of SRTP ({@code rtcp == false}) or SRTCP from a master key. */
  static PacketCrypto derive(SrtpProfile profile, SrtpMasterKey master, boolean rtcp) {
    if (!master.fits(profile)) {
      throw new IllegalArgumentException(master + " does not fit " + profile);
    }
    KeyDerivation kdf = new KeyDerivation(master);
    int base = rtcp ? KeyDerivation.LABEL_RTCP_ENCRYPTION : KeyDerivation.LABEL_RTP_ENCRYPTION;
    byte[] key = kdf.derive(base, profile.masterKeyLength());
    byte[] auth = profile.aead() ? null : kdf.derive(base + 1, HmacSha1.LENGTH);
    byte[] salt = kdf.derive(base + 2, profile.masterSaltLength());
    return new PacketCrypto(profile, key, salt, auth);
  }

  /** From already derived session keys (for known-answer tests); {@code authKey} null for GCM. */
  PacketCrypto(SrtpProfile profile, byte[] sessionKey, byte[] sessionSalt, byte[] authKey) {
    this.profile = profile;
    this.sessionSalt = sessionSalt.clone();
    if (profile.aead()) {
      counterMode = null;
      hmac = null;
      gcmKey = new SecretKeySpec(sessionKey, "AES");
      try {
        gcm = Cipher.getInstance("AES/GCM/NoPadding");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no AES/GCM/NoPadding", e);
      }
    } else {
      counterMode = new AesCounterMode(sessionKey);
      hmac = new HmacSha1(authKey);
      gcm = null;
      gcmKey = null;
    }
  }

  // ---- AES-CM + HMAC-SHA1 --------------------------------------------------------------------

  /**
   * RFC 3711 §4.1.1: IV = (k_s * 2^16) XOR (SSRC * 2^64) XOR (i * 2^16); encrypts or decrypts
   * in place.
   */
  void counterModeXor(int ssrc, long index, byte[] data, int offset, int length) {
    byte[] iv = iv16;
    System.arraycopy(sessionSalt, 0, iv, 0, 14);
    iv[14] = 0;
    iv[15] = 0;
    iv[4] ^= (byte) (ssrc >>> 24);
    iv[5] ^= (byte) (ssrc >>> 16);
    iv[6] ^= (byte) (ssrc >>> 8);
    iv[7] ^= (byte) ssrc;
    for (int i = 0; i < 6; i++) {
      iv[8 + i] ^= (byte) (index >>> (40 - 8 * i));
    }
    counterMode.xor(iv, data, offset, length);
  }

  /**
   * RFC 3711 §4.2: HMAC over the authenticated portion (and, for SRTP, the ROC); writes the
   * leftmost {@code tagLength} bytes to {@code out[outOffset]}.
   */
  void writeTag(byte[] data, int offset, int length, boolean appendRoc, int roc, int tagLength,
      byte[] out, int outOffset) {
    computeMac(data, offset, length, appendRoc, roc);
    System.arraycopy(mac, 0, out, outOffset, tagLength);
  }

  /** Checks a tag in constant time (for equal lengths). */
  boolean verifyTag(byte[] data, int offset, int length, boolean appendRoc, int roc,
      int tagLength, byte[] tag, int tagOffset) {
    computeMac(data, offset, length, appendRoc, roc);
    int diff = 0;
    for (int i = 0; i < tagLength; i++) {
      diff |= mac[i] ^ tag[tagOffset + i];
    }
    return diff == 0;
  }

  private void computeMac(byte[] data, int offset, int length, boolean appendRoc, int roc) {
    hmac.update(data, offset, length);
    if (appendRoc) {
      hmac.updateInt(roc);
    }
    hmac.doFinal(mac, 0);
  }

  // ---- AES-GCM ---------------------------------------------------------------------------------

  /** RFC 7714 §8.1: IV = (0x0000 || SSRC || ROC || SEQ) XOR salt. */
  byte[] rtpNonce(int ssrc, int roc, int seq) {
    return nonce(ssrc, roc, seq & 0xFFFF, 2);
  }

  /** RFC 7714 §9.1: IV = (0x0000 || SSRC || 0x0000 || 0 || SRTCP index) XOR salt. */
  byte[] rtcpNonce(int ssrc, int index) {
    byte[] iv = nonce(ssrc, 0, index, 4);
    return iv;
  }

  private byte[] nonce(int ssrc, int high, int low, int lowBytes) {
    byte[] iv = iv12;
    iv[0] = 0;
    iv[1] = 0;
    putInt(iv, 2, ssrc);
    if (lowBytes == 2) {
      putInt(iv, 6, high);
      iv[10] = (byte) (low >>> 8);
      iv[11] = (byte) low;
    } else {
      iv[6] = 0;
      iv[7] = 0;
      putInt(iv, 8, low);
    }
    for (int i = 0; i < 12; i++) {
      iv[i] ^= sessionSalt[i];
    }
    return iv;
  }

  /**
   * Encrypts {@code data[textOffset, +textLength)} in place and appends the 16-byte tag, with
   * the associated data {@code data[aadOffset, +aadLength)} followed by {@code extraAad} (may be
   * null). Returns the number of bytes written (textLength + 16).
   */
  int seal(byte[] nonce, byte[] data, int aadOffset, int aadLength, byte[] extraAad,
      int textOffset, int textLength) {
    try {
      gcm.init(Cipher.ENCRYPT_MODE, gcmKey, new GCMParameterSpec(GCM_TAG_BITS, nonce));
      gcm.updateAAD(data, aadOffset, aadLength);
      if (extraAad != null) {
        gcm.updateAAD(extraAad);
      }
      return gcm.doFinal(data, textOffset, textLength, data, textOffset);
    } catch (GeneralSecurityException e) {
      // The JDK refuses to encrypt twice in a row with the same key and nonce; the callers'
      // replay checks make sure an index is never protected twice.
      throw new IllegalStateException("AES-GCM refused to encrypt", e);
    }
  }

  /**
   * Checks the tag and decrypts {@code data[textOffset, +textLength)} (ciphertext and tag) in
   * place. Returns the plaintext length, or -1 if the tag does not match.
   */
  int open(byte[] nonce, byte[] data, int aadOffset, int aadLength, int extraOffset,
      int extraLength, int textOffset, int textLength) {
    try {
      gcm.init(Cipher.DECRYPT_MODE, gcmKey, new GCMParameterSpec(GCM_TAG_BITS, nonce));
      gcm.updateAAD(data, aadOffset, aadLength);
      if (extraLength > 0) {
        gcm.updateAAD(data, extraOffset, extraLength);
      }
      return gcm.doFinal(data, textOffset, textLength, data, textOffset);
    } catch (AEADBadTagException e) {
      return -1;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM refused to decrypt", e);
    }
  }

  static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  static int getInt(byte[] b, int at) {
    return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
        | (b[at + 3] & 0xFF);
  }
}
