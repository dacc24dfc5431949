package dev.purertc.sdp;

import java.util.random.RandomGenerator;

/**
 * A local ICE username fragment and password (RFC 8445 §5.3, SDP syntax RFC 8839 §5.4):
 * ice-chars only ({@code ALPHA / DIGIT / "+" / "/"}), ufrag 4..256 and password 22..256 long.
 *
 * @param ufrag the username fragment
 * @param pwd the password
 */
public record IceCredentials(String ufrag, String pwd) {

  private static final String ICE_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

  public IceCredentials {
    check(ufrag, 4, "ice-ufrag");
    check(pwd, 22, "ice-pwd");
  }

  /**
   * Fresh credentials: an 8-character ufrag and a 24-character password (144 random bits,
   * above RFC 8445 §5.3's 128), drawn from the given generator, which should be a
   * {@link java.security.SecureRandom} outside tests.
   */
  public static IceCredentials random(RandomGenerator random) {
    return new IceCredentials(randomChars(random, 8), randomChars(random, 24));
  }

  static String randomChars(RandomGenerator random, int length) {
    char[] out = new char[length];
    for (int i = 0; i < length; i++) {
      out[i] = ICE_CHARS.charAt(random.nextInt(ICE_CHARS.length()));
    }
    return new String(out);
  }

  private static void check(String value, int min, String field) {
    if (value == null || value.length() < min || value.length() > 256) {
      throw new IllegalArgumentException(field + " must be " + min + "..256 characters long");
    }
    for (int i = 0; i < value.length(); i++) {
      if (ICE_CHARS.indexOf(value.charAt(i)) < 0) {
        throw new IllegalArgumentException(field + " has a character that is not an ice-char: '"
            + value.charAt(i) + "'");
      }
    }
  }

  @Override
  public String toString() {
    return "IceCredentials[ufrag=" + ufrag + ", pwd=<" + pwd.length() + " chars>]";
  }
}
