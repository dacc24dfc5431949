package dev.purertc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code a=ssrc-group:<semantics> <ssrc> ...} (RFC 5576 §4.2), e.g. {@code FID} for RTX.
 *
 * @param semantics e.g. {@code FID}, {@code FEC-FR}, {@code SIM}
 * @param ssrcs the grouped sources, in written order
 */
public record SsrcGroup(String semantics, List<Long> ssrcs) implements Attribute {

  public SsrcGroup {
    Fields.requireWord(semantics, "ssrc-group semantics");
    ssrcs = List.copyOf(ssrcs);
    for (long s : ssrcs) {
      if (s < 0 || s > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("ssrc-group: " + s + " is not in 0..4294967295");
      }
    }
  }

  /** Parses the value of {@code a=ssrc-group}. */
  public static SsrcGroup parse(String value) {
    return SdpParseException.reading(value, SsrcGroup::read);
  }

  private static SsrcGroup read(String value) {
    List<String> f = Fields.split(value, 1, "ssrc-group", "<semantics> <ssrc> ...");
    List<Long> ssrcs = new ArrayList<>();
    for (String s : f.subList(1, f.size())) {
      ssrcs.add(Fields.number(s, "ssrc-group ssrc", 0, 0xFFFF_FFFFL));
    }
    return new SsrcGroup(f.get(0), ssrcs);
  }

  @Override
  public String attributeName() {
    return "ssrc-group";
  }

  @Override
  public Optional<String> attributeValue() {
    StringBuilder sb = new StringBuilder(semantics);
    ssrcs.forEach(s -> sb.append(' ').append(s));
    return Optional.of(sb.toString());
  }
}
