package dev.purertc.sdp;

import java.util.Optional;

/**
 * {@code a=ice-ufrag} (RFC 8839 §5.4): the ICE username fragment, at least 4 ice-chars
 * (RFC 8839 §5.4 requires 4..256; shorter values from old peers are rejected by the ICE layer,
 * not here, so that such descriptions can still be read and shown).
 *
 * @param value the username fragment
 */
public record IceUfrag(String value) implements Attribute {
  public IceUfrag {
    Fields.requireWord(value, "ice-ufrag");
  }

  @Override
  public String attributeName() {
    return "ice-ufrag";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(value);
  }
}
