package dev.purertc.sdp;

import java.util.Optional;

/**
 * {@code a=ptime} (RFC 8866 §6.4): the packet duration the receiver would like, in whole
 * milliseconds (a fractional value, legal but never used by WebRTC peers, is kept verbatim as an
 * {@link OtherAttribute} when a description is parsed).
 *
 * @param millis milliseconds of media per packet
 */
public record Ptime(int millis) implements Attribute {
  public Ptime {
    if (millis <= 0) {
      throw new IllegalArgumentException("ptime: " + millis + " ms must be positive");
    }
  }

  /** Parses the value of {@code a=ptime}. */
  public static Ptime parse(String value) {
    return SdpParseException.reading(value, Ptime::read);
  }

  private static Ptime read(String value) {
    return new Ptime(Fields.integer(value.strip(), "ptime", 1, Integer.MAX_VALUE));
  }

  @Override
  public String attributeName() {
    return "ptime";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(Integer.toString(millis));
  }
}
