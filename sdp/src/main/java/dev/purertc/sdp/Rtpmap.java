package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 8866 §6.6).
 *
 * @param payloadType RTP payload type, 0..127
 * @param encodingName codec name as written, e.g. {@code opus}, {@code PCMU}; compared
 *     case-insensitively (RFC 4855 §3)
 * @param clockRate RTP clock rate in Hz
 * @param channels the number of audio channels when written; absent means one
 */
public record Rtpmap(int payloadType, String encodingName, int clockRate, OptionalInt channels)
    implements Attribute {

  public Rtpmap {
    checkPayloadType(payloadType, "rtpmap");
    if (encodingName == null || encodingName.isEmpty() || encodingName.indexOf('/') >= 0
        || !Fields.isWord(encodingName)) {
      throw new IllegalArgumentException("rtpmap: bad encoding name: " + encodingName);
    }
    if (clockRate <= 0) {
      throw new IllegalArgumentException("rtpmap: clock rate must be positive: " + clockRate);
    }
    if (channels.isPresent() && channels.getAsInt() <= 0) {
      throw new IllegalArgumentException("rtpmap: channels must be positive");
    }
  }

  /** An rtpmap with the channel count written only when it is not one. */
  public static Rtpmap of(int payloadType, String encodingName, int clockRate, int channels) {
    return new Rtpmap(payloadType, encodingName, clockRate,
        channels == 1 ? OptionalInt.empty() : OptionalInt.of(channels));
  }

  /** The channel count, one when none is written (RFC 8866 §6.6). */
  public int channelCount() {
    return channels.orElse(1);
  }

  /** Parses the value of {@code a=rtpmap}. */
  public static Rtpmap parse(String value) {
    return SdpParseException.reading(value, Rtpmap::read);
  }

  private static Rtpmap read(String value) {
    List<String> f = Fields.split(value, 2, "rtpmap",
        "<payload type> <encoding name>/<clock rate>[/<channels>]");
    if (f.size() != 2) {
      throw new SdpParseException("rtpmap: expected '<payload type> <encoding>' but got '"
          + value + "'");
    }
    int pt = payloadType(f.get(0), "rtpmap");
    String[] enc = f.get(1).split("/", -1);
    if (enc.length < 2 || enc.length > 3) {
      throw new SdpParseException("rtpmap: expected '<encoding name>/<clock rate>[/<channels>]'"
          + " but got '" + f.get(1) + "'");
    }
    if (enc[0].isEmpty()) {
      throw new SdpParseException("rtpmap: empty encoding name");
    }
    int rate = Fields.integer(enc[1], "rtpmap clock rate", 1, Integer.MAX_VALUE);
    OptionalInt channels = enc.length == 3
        ? OptionalInt.of(Fields.integer(enc[2], "rtpmap channels", 1, 255))
        : OptionalInt.empty();
    return new Rtpmap(pt, enc[0], rate, channels);
  }

  @Override
  public String attributeName() {
    return "rtpmap";
  }

  @Override
  public Optional<String> attributeValue() {
    String ch = channels.isPresent() ? "/" + channels.getAsInt() : "";
    return Optional.of(payloadType + " " + encodingName + "/" + clockRate + ch);
  }

  static int payloadType(String text, String field) {
    return Fields.integer(text, field + ": payload type", 0, 127);
  }

  static void checkPayloadType(int pt, String field) {
    if (pt < 0 || pt > 127) {
      throw new IllegalArgumentException(field + ": payload type " + pt + " is not in 0..127");
    }
  }
}
