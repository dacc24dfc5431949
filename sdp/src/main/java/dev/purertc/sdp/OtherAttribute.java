package dev.purertc.sdp;

import java.util.Optional;

/**
 * An attribute this model has no type for, kept exactly as written
 * ({@code a=foo} has no value, {@code a=foo:} has an empty one).
 *
 * @param name the attribute name
 * @param value the text after the colon, if there was a colon
 */
public record OtherAttribute(String name, Optional<String> value) implements Attribute {

  public OtherAttribute {
    if (name == null || name.isEmpty() || name.indexOf(':') >= 0 || !Fields.isWord(name)) {
      throw new IllegalArgumentException("attribute name must be non-empty, with no spaces or ':': "
          + name);
    }
    Fields.requireLine(value.orElse(""), "a=" + name);
  }

  /** A property attribute, {@code a=name}. */
  public static OtherAttribute property(String name) {
    return new OtherAttribute(name, Optional.empty());
  }

  /** A value attribute, {@code a=name:value}. */
  public static OtherAttribute of(String name, String value) {
    return new OtherAttribute(name, Optional.of(value));
  }

  @Override
  public String attributeName() {
    return name;
  }

  @Override
  public Optional<String> attributeValue() {
    return value;
  }
}
