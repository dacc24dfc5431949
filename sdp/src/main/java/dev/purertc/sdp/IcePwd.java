package dev.purertc.sdp;

import java.util.Optional;

/**
 * {@code a=ice-pwd} (RFC 8839 §5.4): the ICE password, 22..256 ice-chars.
 *
 * @param value the password
 */
public record IcePwd(String value) implements Attribute {
  public IcePwd {
    Fields.requireWord(value, "ice-pwd");
  }

  @Override
  public String attributeName() {
    return "ice-pwd";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(value);
  }

  @Override
  public String toString() {
    return "IcePwd[<" + value.length() + " chars>]"; // a credential: keep it out of logs
  }
}
