package dev.purertc.sdp;

import java.util.Optional;

/**
 * {@code a=ssrc:<ssrc> <attribute>[:<value>]} (RFC 5576 §4.1), e.g.
 * {@code a=ssrc:3735928559 cname:4TOk42mSjXCkVIa6}.
 *
 * @param ssrc the synchronization source, 0..2^32-1
 * @param attribute the source attribute's name, e.g. {@code cname}, {@code msid}
 * @param value the text after the attribute's colon, if there is one (may contain spaces)
 */
public record Ssrc(long ssrc, String attribute, Optional<String> value) implements Attribute {

  public Ssrc {
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ssrc: " + ssrc + " is not in 0..4294967295");
    }
    Fields.requireWord(attribute, "ssrc attribute");
    if (attribute.indexOf(':') >= 0) {
      throw new IllegalArgumentException("ssrc: attribute name must not contain ':'");
    }
    Fields.requireLine(value.orElse(""), "ssrc value");
  }

  /** {@code a=ssrc:<ssrc> cname:<cname>}, which every WebRTC sender writes (RFC 7022). */
  public static Ssrc cname(long ssrc, String cname) {
    return new Ssrc(ssrc, "cname", Optional.of(cname));
  }

  /** Parses the value of {@code a=ssrc}. */
  public static Ssrc parse(String value) {
    return SdpParseException.reading(value, Ssrc::read);
  }

  private static Ssrc read(String value) {
    int space = value.indexOf(' ');
    if (space < 0) {
      throw new SdpParseException("ssrc: expected '<ssrc> <attribute>[:<value>]' but got '"
          + value + "'");
    }
    long ssrc = Fields.number(value.substring(0, space), "ssrc", 0, 0xFFFF_FFFFL);
    String rest = value.substring(space + 1).stripLeading();
    int colon = rest.indexOf(':');
    String name = colon < 0 ? rest : rest.substring(0, colon);
    if (!Fields.isWord(name)) {
      throw new SdpParseException("ssrc: bad source attribute '" + rest + "'");
    }
    return new Ssrc(ssrc, name,
        colon < 0 ? Optional.empty() : Optional.of(rest.substring(colon + 1)));
  }

  @Override
  public String attributeName() {
    return "ssrc";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(ssrc + " " + attribute + value.map(v -> ":" + v).orElse(""));
  }
}
