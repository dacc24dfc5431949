package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code a=sctpmap:<number> <app> [<streams>]} (draft-ietf-mmusic-sctp-sdp-05, still sent by old
 * peers in place of {@code sctp-port}). Read and kept, never generated.
 *
 * @param number the SCTP port the map describes
 * @param app the application, {@code webrtc-datachannel}
 * @param streams the maximum number of streams, when written
 */
public record Sctpmap(int number, String app, OptionalInt streams) implements Attribute {
  public Sctpmap {
    if (number < 0 || number > 65535) {
      throw new IllegalArgumentException("sctpmap: " + number + " is not in 0..65535");
    }
    Fields.requireWord(app, "sctpmap app");
  }

  /** Parses the value of {@code a=sctpmap}. */
  public static Sctpmap parse(String value) {
    return SdpParseException.reading(value, Sctpmap::read);
  }

  private static Sctpmap read(String value) {
    List<String> f = Fields.split(value, 2, "sctpmap", "<number> <app> [<streams>]");
    if (f.size() > 3) {
      throw new SdpParseException("sctpmap: expected '<number> <app> [<streams>]' but got '"
          + value + "'");
    }
    return new Sctpmap(Fields.integer(f.get(0), "sctpmap number", 0, 65535), f.get(1),
        f.size() == 3 ? OptionalInt.of(Fields.integer(f.get(2), "sctpmap streams", 0, 65535))
            : OptionalInt.empty());
  }

  @Override
  public String attributeName() {
    return "sctpmap";
  }

  @Override
  public Optional<String> attributeValue() {
    String s = streams.isPresent() ? " " + streams.getAsInt() : "";
    return Optional.of(number + " " + app + s);
  }
}
