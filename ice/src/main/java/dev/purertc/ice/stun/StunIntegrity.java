package dev.purertc.ice.stun;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys and checks for STUN message integrity and fingerprints (RFC 8489 §9, §14.5-14.7), on the
 * bytes as received: a received message may pad with any bytes, so checks never re-encode.
 *
 * <p>Stateless and thread-safe. Passwords are used as given: SASLprep/OpaqueString
 * normalisation (RFC 8489 §9.2.2) is not applied, which is exact for the ASCII credentials ICE
 * and coturn use.
 */
public final class StunIntegrity {
  private static final int FINGERPRINT_XOR = 0x5354554e;

  private StunIntegrity() {}

  /** RFC 8489 §9.1.1: the short-term key is the password itself (ICE: the peer's ice-pwd). */
  public static byte[] shortTermKey(String password) {
    return password.getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 8489 §9.2.2: MD5(username ":" realm ":" password). */
  public static byte[] longTermKey(String username, String realm, String password) {
    try {
      return MessageDigest.getInstance("MD5").digest(
          (username + ":" + realm + ":" + password).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  /**
   * Whether the received message carries a MESSAGE-INTEGRITY or MESSAGE-INTEGRITY-SHA256 that
   * verifies with the key (the first one present is checked). Reads the datagram from its
   * position to its limit without moving it. Malformed input gives {@code false}.
   */
  public static boolean verify(ByteBuffer datagram, byte[] key) {
    byte[] b = copy(datagram);
    int at = find(b, StunAttribute.MESSAGE_INTEGRITY, StunAttribute.MESSAGE_INTEGRITY_SHA256);
    if (at < 0) {
      return false;
    }
    int type = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    int len = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    if (type == StunAttribute.MESSAGE_INTEGRITY ? len != 20 : (len < 16 || len > 32 || len % 4 != 0)) {
      return false;
    }
    // RFC 8489 §14.5: the length field counts up to and including this attribute.
    int fakeLength = at + 4 + len - StunMessage.HEADER_BYTES;
    byte[] prefix = java.util.Arrays.copyOf(b, at);
    prefix[2] = (byte) (fakeLength >> 8);
    prefix[3] = (byte) fakeLength;
    byte[] mac = hmac(type == StunAttribute.MESSAGE_INTEGRITY ? "HmacSHA1" : "HmacSHA256", key,
        prefix, prefix.length);
    return MessageDigest.isEqual(java.util.Arrays.copyOf(mac, len),
        java.util.Arrays.copyOfRange(b, at + 4, at + 4 + len));
  }

  /**
   * Whether the received message ends in a FINGERPRINT attribute that matches (RFC 8489 §14.7).
   * Reads from position to limit without moving it. Malformed input gives {@code false}.
   */
  public static boolean verifyFingerprint(ByteBuffer datagram) {
    byte[] b = copy(datagram);
    int at = find(b, StunAttribute.FINGERPRINT, -1);
    if (at < 0 || at + 8 != messageEnd(b)) {
      return false;
    }
    int crc = ((b[at + 4] & 0xFF) << 24) | ((b[at + 5] & 0xFF) << 16) | ((b[at + 6] & 0xFF) << 8)
        | (b[at + 7] & 0xFF);
    return crc == crc(b, at);
  }

  static byte[] hmac(String algorithm, byte[] key, byte[] data, int length) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      // An empty password is legal STUN but not a legal JCE key: HMAC pads keys with zeros
      // anyway, so one zero byte is the same key.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
      mac.update(data, 0, length);
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }

  static int crc(byte[] data, int length) {
    CRC32 crc = new CRC32();
    crc.update(data, 0, length);
    return (int) crc.getValue() ^ FINGERPRINT_XOR;
  }

  private static byte[] copy(ByteBuffer datagram) {
    byte[] b = new byte[datagram.remaining()];
    datagram.duplicate().get(b);
    return b;
  }

  private static int messageEnd(byte[] b) {
    return StunMessage.HEADER_BYTES + (((b[2] & 0xFF) << 8) | (b[3] & 0xFF));
  }

  /** Offset of the first attribute of type t1 or t2, or -1; -1 also for malformed messages. */
  private static int find(byte[] b, int t1, int t2) {
    if (b.length < StunMessage.HEADER_BYTES || messageEnd(b) > b.length) {
      return -1;
    }
    int end = messageEnd(b);
    int at = StunMessage.HEADER_BYTES;
    while (at + 4 <= end) {
      int type = ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
      int len = ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
      if (at + 4 + len > end) {
        return -1;
      }
      if (type == t1 || type == t2) {
        return at;
      }
      at += 4 + StunMessage.pad4(len);
    }
    return -1;
  }
}
