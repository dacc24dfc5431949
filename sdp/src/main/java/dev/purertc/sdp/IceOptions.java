package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=ice-options} (RFC 8839 §5.6): the ICE extensions the agent supports, e.g.
 * {@code trickle} (RFC 8840) and {@code ice2} (RFC 8445).
 *
 * @param options the option tags in written order
 */
public record IceOptions(List<String> options) implements Attribute {

  public IceOptions {
    options = List.copyOf(options);
    if (options.isEmpty()) {
      throw new IllegalArgumentException("ice-options: at least one option tag");
    }
    options.forEach(o -> Fields.requireWord(o, "ice-options tag"));
  }

  /** Parses the value of {@code a=ice-options}. */
  public static IceOptions parse(String value) {
    return SdpParseException.reading(value, IceOptions::read);
  }

  private static IceOptions read(String value) {
    return new IceOptions(Fields.split(value, 1, "ice-options", "<option-tag> ..."));
  }

  /** Whether trickle ICE is supported (RFC 8840 §4.1.1). */
  public boolean trickle() {
    return options.contains("trickle");
  }

  /** Whether the agent implements RFC 8445 (rather than RFC 5245). */
  public boolean ice2() {
    return options.contains("ice2");
  }

  @Override
  public String attributeName() {
    return "ice-options";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(String.join(" ", options));
  }
}
