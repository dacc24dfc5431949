package dev.purertc.sdp;

import java.util.Optional;

/**
 * {@code a=mid} (RFC 5888 §4): identifies a media section within the description; BUNDLE
 * groups and JSEP transceivers refer to sections by it.
 *
 * @param value the identification tag
 */
public record Mid(String value) implements Attribute {
  public Mid {
    Fields.requireWord(value, "mid");
  }

  @Override
  public String attributeName() {
    return "mid";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(value);
  }
}
