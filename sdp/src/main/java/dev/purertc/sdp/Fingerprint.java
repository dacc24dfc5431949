package dev.purertc.sdp;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code a=fingerprint:<hash function> <hex bytes separated by colons>} (RFC 8122 §5): the
 * hash of the DTLS certificate the peer will present.
 *
 * @param hashFunction as written, e.g. {@code sha-256}; compared case-insensitively
 * @param value upper- or lower-case hex pairs separated by colons, as written
 */
public record Fingerprint(String hashFunction, String value) implements Attribute {

  /** Hash functions DTLS-SRTP peers use (RFC 8122 §5, RFC 8842 §5.1). */
  public static final List<String> KNOWN_HASHES =
      List.of("sha-1", "sha-224", "sha-256", "sha-384", "sha-512", "md5", "md2");

  public Fingerprint {
    Fields.requireWord(hashFunction, "fingerprint hash function");
    Fields.requireWord(value, "fingerprint");
    if (!isHexPairs(value)) {
      throw new IllegalArgumentException(
          "fingerprint: '" + value + "' is not hex byte pairs separated by ':'");
    }
  }

  /** A fingerprint from digest bytes, written upper-case as browsers do. */
  public static Fingerprint of(String hashFunction, byte[] digest) {
    StringBuilder sb = new StringBuilder(digest.length * 3);
    HexFormat hex = HexFormat.of().withUpperCase();
    for (int i = 0; i < digest.length; i++) {
      if (i > 0) {
        sb.append(':');
      }
      sb.append(hex.toHexDigits(digest[i]));
    }
    return new Fingerprint(hashFunction, sb.toString());
  }

  /** Parses the value of {@code a=fingerprint}. */
  public static Fingerprint parse(String value) {
    return SdpParseException.reading(value, Fingerprint::read);
  }

  private static Fingerprint read(String value) {
    List<String> f = Fields.split(value, 2, "fingerprint", "<hash function> <hex:hex:...>");
    if (f.size() != 2) {
      throw new SdpParseException("fingerprint: expected '<hash function> <hex:hex:...>' but got '"
          + value + "'");
    }
    if (!isHexPairs(f.get(1))) {
      throw new SdpParseException(
          "fingerprint: '" + f.get(1) + "' is not hex byte pairs separated by ':'");
    }
    return new Fingerprint(f.get(0), f.get(1));
  }

  /** The digest bytes. */
  public byte[] digest() {
    String[] parts = value.split(":");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) HexFormat.fromHexDigits(parts[i]);
    }
    return out;
  }

  /** The hash function's name in lower case, as Java's MessageDigest names compare. */
  public String normalizedHashFunction() {
    return hashFunction.toLowerCase(Locale.ROOT);
  }

  /** Whether both name the same hash and the same digest, whatever the letter case. */
  public boolean matches(Fingerprint other) {
    return normalizedHashFunction().equals(other.normalizedHashFunction())
        && java.util.Arrays.equals(digest(), other.digest());
  }

  @Override
  public String attributeName() {
    return "fingerprint";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(hashFunction + " " + value);
  }

  private static boolean isHexPairs(String text) {
    if (text.length() % 3 != 2) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok = i % 3 == 2 ? c == ':' : HexFormat.isHexDigit(c);
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
