package dev.purertc.sdp;

import java.util.Locale;
import java.util.Optional;

/**
 * {@code a=setup} (RFC 4145 §4, for DTLS RFC 8842 §5): which side opens the DTLS association.
 * An offer says {@link #ACTPASS}; the answer picks {@link #ACTIVE} or {@link #PASSIVE}.
 */
public enum Setup implements Attribute {
  ACTIVE, PASSIVE, ACTPASS, HOLDCONN;

  @Override
  public String attributeName() {
    return "setup";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(name().toLowerCase(Locale.ROOT));
  }

  /** Parses the value of {@code a=setup}. */
  public static Setup parse(String value) {
    return SdpParseException.reading(value, Setup::read);
  }

  private static Setup read(String value) {
    for (Setup s : values()) {
      if (s.attributeValue().orElseThrow().equals(value.strip())) {
        return s;
      }
    }
    throw new SdpParseException(
        "setup: '" + value + "' is not one of active, passive, actpass, holdconn");
  }
}
