package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=msid-semantic:} (session level; from the drafts before RFC 8830), e.g.
 * {@code a=msid-semantic: WMS stream1} or {@code a=msid-semantic:WMS *}. Chrome writes a space
 * after the colon and Firefox does not; {@link #spaceAfterColon()} keeps which, so that a parsed
 * description formats back exactly as written.
 *
 * @param semantic the semantic token, {@code WMS}
 * @param identifiers the stream ids (or {@code *}), in written order
 * @param spaceAfterColon whether a space follows {@code msid-semantic:}
 */
public record MsidSemantic(String semantic, List<String> identifiers, boolean spaceAfterColon)
    implements Attribute {

  public MsidSemantic {
    Fields.requireWord(semantic, "msid-semantic");
    identifiers = List.copyOf(identifiers);
    identifiers.forEach(i -> Fields.requireWord(i, "msid-semantic identifier"));
  }

  /** Parses the value of {@code a=msid-semantic}. */
  public static MsidSemantic parse(String value) {
    return SdpParseException.reading(value, MsidSemantic::read);
  }

  private static MsidSemantic read(String value) {
    List<String> f = Fields.split(value, 1, "msid-semantic", "<semantic> [<id> ...]");
    return new MsidSemantic(f.get(0), f.subList(1, f.size()), value.startsWith(" "));
  }

  @Override
  public String attributeName() {
    return "msid-semantic";
  }

  @Override
  public Optional<String> attributeValue() {
    String ids = identifiers.isEmpty() ? "" : " " + String.join(" ", identifiers);
    return Optional.of((spaceAfterColon ? " " : "") + semantic + ids);
  }
}
