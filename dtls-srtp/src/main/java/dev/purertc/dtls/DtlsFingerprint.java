package dev.purertc.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A certificate fingerprint as carried in SDP {@code a=fingerprint} (RFC 8122 §5): a hash
 * function name and the hash of the DER-encoded certificate.
 *
 * @param algorithm lower-case hash name: {@code sha-1}, {@code sha-256}, {@code sha-384} or
 *     {@code sha-512} (RFC 8122 §5; RFC 8842 §5 requires at least sha-256 to be supported)
 * @param value the hash bytes; copied in and out
 */
public record DtlsFingerprint(String algorithm, byte[] value) {

  public DtlsFingerprint {
    if (algorithm == null || value == null) {
      throw new IllegalArgumentException("algorithm and value are required");
    }
    algorithm = algorithm.toLowerCase(Locale.ROOT);
    int expected = digestLength(algorithm);
    if (expected < 0) {
      throw new IllegalArgumentException("unsupported fingerprint hash " + algorithm);
    }
    if (value.length != expected) {
      throw new IllegalArgumentException(
          algorithm + " fingerprint must be " + expected + " bytes, got " + value.length);
    }
    value = value.clone();
  }

  @Override
  public byte[] value() {
    return value.clone();
  }

  /** The fingerprint of a DER-encoded certificate with the given hash function. */
  public static DtlsFingerprint of(String algorithm, byte[] certificateDer) {
    String name = algorithm.toLowerCase(Locale.ROOT);
    if (digestLength(name) < 0) {
      throw new IllegalArgumentException("unsupported fingerprint hash " + algorithm);
    }
    return new DtlsFingerprint(name, digest(name).digest(certificateDer));
  }

  /**
   * True if {@code certificateDer} hashes to this fingerprint (compared in constant time).
   */
  public boolean matches(byte[] certificateDer) {
    return MessageDigest.isEqual(value, digest(algorithm).digest(certificateDer));
  }

  /**
   * Parses the value of an {@code a=fingerprint} attribute, e.g.
   * {@code sha-256 AB:CD:...}. The hash name is case-insensitive; hex digits may be either case.
   *
   * @throws DtlsFingerprintFormatException if the text is not a fingerprint this layer supports
   */
  public static DtlsFingerprint parse(String text) {
    if (text == null) {
      throw new DtlsFingerprintFormatException(0, "no text");
    }
    int space = text.indexOf(' ');
    if (space <= 0) {
      throw new DtlsFingerprintFormatException(0, "expected \"hash-func SP fingerprint\"");
    }
    String algorithm = text.substring(0, space).toLowerCase(Locale.ROOT);
    int length = digestLength(algorithm);
    if (length < 0) {
      throw new DtlsFingerprintFormatException(0, "unsupported hash function \""
          + text.substring(0, space) + "\" (sha-1, sha-256, sha-384, sha-512)");
    }
    String hex = text.substring(space + 1);
    int start = space + 1;
    if (hex.length() != 3 * length - 1) {
      throw new DtlsFingerprintFormatException(start, "expected " + length
          + " colon-separated hex bytes for " + algorithm + ", got " + hex.length()
          + " characters");
    }
    byte[] value = new byte[length];
    for (int i = 0; i < length; i++) {
      int at = 3 * i;
      int high = Character.digit(hex.charAt(at), 16);
      int low = Character.digit(hex.charAt(at + 1), 16);
      if (high < 0 || low < 0 || hex.charAt(at) > 'f' || hex.charAt(at + 1) > 'f') {
        throw new DtlsFingerprintFormatException(start + at, "not a hex byte");
      }
      if (i < length - 1 && hex.charAt(at + 2) != ':') {
        throw new DtlsFingerprintFormatException(start + at + 2, "expected ':'");
      }
      value[i] = (byte) (high << 4 | low);
    }
    return new DtlsFingerprint(algorithm, value);
  }

  /** The attribute value: hash name, a space, upper-case colon-separated hex. */
  public String format() {
    StringBuilder sb = new StringBuilder(algorithm.length() + 3 * value.length);
    sb.append(algorithm).append(' ');
    for (int i = 0; i < value.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(Character.toUpperCase(Character.forDigit((value[i] >> 4) & 0xF, 16)));
      sb.append(Character.toUpperCase(Character.forDigit(value[i] & 0xF, 16)));
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DtlsFingerprint other
        && algorithm.equals(other.algorithm) && Arrays.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return format();
  }

  private static int digestLength(String algorithm) {
    switch (algorithm) {
      case "sha-1":
        return 20;
      case "sha-256":
        return 32;
      case "sha-384":
        return 48;
      case "sha-512":
        return 64;
      default:
        return -1;
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.toUpperCase(Locale.ROOT));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no " + algorithm, e);
    }
  }
}
