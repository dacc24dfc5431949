package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=group:<semantics> <mid> ...} (RFC 5888 §5), e.g. {@code a=group:BUNDLE 0 1 2}
 * (RFC 8843). An empty group ({@code a=group:BUNDLE}) is allowed and kept.
 *
 * @param semantics e.g. {@code BUNDLE}, {@code LS}
 * @param mids the mids of the grouped sections, in written order
 */
public record Group(String semantics, List<String> mids) implements Attribute {

  /** The BUNDLE grouping semantics (RFC 8843). */
  public static final String BUNDLE = "BUNDLE";

  public Group {
    Fields.requireWord(semantics, "group semantics");
    mids = List.copyOf(mids);
    mids.forEach(m -> Fields.requireWord(m, "group mid"));
  }

  /** Parses the value of {@code a=group}. */
  public static Group parse(String value) {
    return SdpParseException.reading(value, Group::read);
  }

  private static Group read(String value) {
    List<String> f = Fields.split(value, 1, "group", "<semantics> <mid> ...");
    return new Group(f.get(0), f.subList(1, f.size()));
  }

  /** Whether this is a BUNDLE group. */
  public boolean isBundle() {
    return BUNDLE.equals(semantics);
  }

  @Override
  public String attributeName() {
    return "group";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(mids.isEmpty() ? semantics : semantics + " " + String.join(" ", mids));
  }
}
