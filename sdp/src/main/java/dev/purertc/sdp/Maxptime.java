package dev.purertc.sdp;

import java.util.Optional;

/**
 * {@code a=maxptime} (RFC 8866 §6.5): the longest packet duration the receiver accepts, in whole
 * milliseconds (a fractional value, legal but never used by WebRTC peers, is kept verbatim as an
 * {@link OtherAttribute} when a description is parsed).
 *
 * @param millis milliseconds of media per packet at most
 */
public record Maxptime(int millis) implements Attribute {
  public Maxptime {
    if (millis <= 0) {
      throw new IllegalArgumentException("maxptime: " + millis + " ms must be positive");
    }
  }

  /** Parses the value of {@code a=maxptime}. */
  public static Maxptime parse(String value) {
    return SdpParseException.reading(value, Maxptime::read);
  }

  private static Maxptime read(String value) {
    return new Maxptime(Fields.integer(value.strip(), "maxptime", 1, Integer.MAX_VALUE));
  }

  @Override
  public String attributeName() {
    return "maxptime";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(Integer.toString(millis));
  }
}
