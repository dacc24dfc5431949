package dev.purertc.sdp;

import java.util.List;

/**
 * The {@code o=} line (RFC 8866 §5.2): who made the description and which version it is.
 *
 * <p>The session id and version are kept as written (decimal digits): browsers use 19-digit
 * values and JSEP (RFC 8829 §5.2.2) increments the version on every new offer.
 *
 * @param username login of the originating host, {@code -} when there is none
 * @param sessionId numeric session id, digits as written
 * @param sessionVersion numeric version, digits as written
 * @param netType network type, {@code IN}
 * @param addressType {@code IP4} or {@code IP6}
 * @param unicastAddress address or host name of the origin
 */
public record Origin(
    String username,
    String sessionId,
    String sessionVersion,
    String netType,
    String addressType,
    String unicastAddress) {

  public Origin {
    Fields.requireWord(username, "o= username");
    requireDigits(sessionId, "o= sess-id");
    requireDigits(sessionVersion, "o= sess-version");
    Fields.requireWord(netType, "o= nettype");
    Fields.requireWord(addressType, "o= addrtype");
    Fields.requireWord(unicastAddress, "o= unicast-address");
  }

  /** The origin JSEP uses for a new session: {@code - <id> <version> IN IP4 127.0.0.1}. */
  public static Origin of(long sessionId, long sessionVersion) {
    return new Origin("-", Long.toUnsignedString(sessionId), Long.toUnsignedString(sessionVersion),
        "IN", "IP4", "127.0.0.1");
  }

  /** Parses the value of an {@code o=} line. */
  public static Origin parse(String value) {
    return SdpParseException.reading(value, Origin::read);
  }

  private static Origin read(String value) {
    List<String> f = Fields.split(value, 6, "o=",
        "<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>");
    if (f.size() != 6) {
      throw new SdpParseException("o=: expected 6 fields but got " + f.size());
    }
    try {
      return new Origin(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4), f.get(5));
    } catch (IllegalArgumentException e) {
      throw new SdpParseException(e.getMessage());
    }
  }

  /** The value of the {@code o=} line. */
  public String format() {
    return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addressType
        + " " + unicastAddress;
  }

  /** This origin with the version one higher, as a re-offer carries (RFC 8829 §5.2.2). */
  public Origin nextVersion() {
    String next = new java.math.BigInteger(sessionVersion).add(java.math.BigInteger.ONE).toString();
    return new Origin(username, sessionId, next, netType, addressType, unicastAddress);
  }

  private static void requireDigits(String text, String field) {
    if (text == null || text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(field + " must be decimal digits: " + text);
    }
  }
}
