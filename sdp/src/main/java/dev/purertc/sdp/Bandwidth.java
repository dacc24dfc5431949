package dev.purertc.sdp;

/**
 * A {@code b=} line (RFC 8866 §5.8): a bandwidth limit such as {@code AS:64} (kbit/s, RFC 8866)
 * or {@code TIAS:64000} (bit/s, RFC 3890).
 *
 * @param type the bandwidth type, e.g. {@code AS}, {@code TIAS}, {@code CT}, {@code RS}
 * @param value the limit in the unit the type defines
 */
public record Bandwidth(String type, long value) {

  public Bandwidth {
    if (type == null || !Fields.isToken(type)) {
      throw new IllegalArgumentException("b= bwtype must be a token: " + type);
    }
    if (value < 0) {
      throw new IllegalArgumentException("b= bandwidth must not be negative: " + value);
    }
  }

  /** Parses the value of a {@code b=} line. */
  public static Bandwidth parse(String value) {
    return SdpParseException.reading(value, Bandwidth::read);
  }

  private static Bandwidth read(String value) {
    int colon = value.indexOf(':');
    if (colon < 0) {
      throw new SdpParseException("b=: expected '<bwtype>:<bandwidth>' but got '" + value + "'");
    }
    String type = Fields.token(value.substring(0, colon), "b= bwtype");
    long limit = Fields.number(value.substring(colon + 1).strip(), "b= bandwidth", 0, Long.MAX_VALUE);
    return new Bandwidth(type, limit);
  }

  /** The value of the {@code b=} line. */
  public String format() {
    return type + ":" + value;
  }
}
