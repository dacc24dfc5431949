package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=msid:<stream id> [<track id>]} (RFC 8830 §2): which MediaStream the section's track
 * belongs to; {@code -} as the stream id means none.
 *
 * @param streamId the MediaStream id, or {@code -}
 * @param trackId the MediaStreamTrack id, when written
 */
public record Msid(String streamId, Optional<String> trackId) implements Attribute {
  public Msid {
    Fields.requireWord(streamId, "msid stream id");
    trackId.ifPresent(t -> Fields.requireWord(t, "msid track id"));
  }

  /** Parses the value of {@code a=msid}. */
  public static Msid parse(String value) {
    return SdpParseException.reading(value, Msid::read);
  }

  private static Msid read(String value) {
    List<String> f = Fields.split(value, 1, "msid", "<stream id> [<track id>]");
    if (f.size() > 2) {
      throw new SdpParseException("msid: expected '<stream id> [<track id>]' but got '"
          + value + "'");
    }
    return new Msid(f.get(0), f.size() == 2 ? Optional.of(f.get(1)) : Optional.empty());
  }

  @Override
  public String attributeName() {
    return "msid";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(streamId + trackId.map(t -> " " + t).orElse(""));
  }
}
