package dev.purertc.sdp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code a=fmtp:<payload type> <parameters>} (RFC 8866 §6.15). The parameters are kept exactly
 * as written, since their syntax belongs to each codec; {@link #parameters()} reads the common
 * {@code key=value;key=value} form (Opus, RFC 7587 §7) and the bare-token form of
 * telephone-event ({@code 0-16}, RFC 4733 §7.1).
 *
 * @param payloadType RTP payload type, 0..127
 * @param formatParameters the format-specific parameters as written, e.g. {@code minptime=10;useinbandfec=1}
 */
public record Fmtp(int payloadType, String formatParameters) implements Attribute {

  public Fmtp {
    Rtpmap.checkPayloadType(payloadType, "fmtp");
    Fields.requireLine(formatParameters, "fmtp");
    if (formatParameters.isBlank() || !formatParameters.equals(formatParameters.strip())) {
      throw new IllegalArgumentException("fmtp: parameters must be non-empty with no space around them");
    }
  }

  /** Parses the value of {@code a=fmtp}. */
  public static Fmtp parse(String value) {
    return SdpParseException.reading(value, Fmtp::read);
  }

  private static Fmtp read(String value) {
    int space = value.indexOf(' ');
    if (space < 0 || value.substring(space).isBlank()) {
      throw new SdpParseException("fmtp: expected '<payload type> <parameters>' but got '"
          + value + "'");
    }
    int pt = Rtpmap.payloadType(value.substring(0, space), "fmtp");
    return new Fmtp(pt, value.substring(space + 1).stripLeading());
  }

  /**
   * The parameters as an ordered map. {@code a=b;c=d} gives {@code {a=b, c=d}}; a part with no
   * {@code =} maps to the empty string; keys are kept in their written case; whitespace around
   * each part is dropped (RFC 7587 allows {@code ; } separators).
   */
  public Map<String, String> parameters() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String part : formatParameters.split(";")) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq < 0) {
        map.put(p, "");
      } else {
        map.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** The value of one parameter, matched case-insensitively (RFC 7587 §7: names are not). */
  public Optional<String> parameter(String name) {
    for (Map.Entry<String, String> e : parameters().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** Builds {@code key=value;key=value} from an ordered map. */
  public static Fmtp of(int payloadType, Map<String, String> parameters) {
    StringBuilder sb = new StringBuilder();
    parameters.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append(';');
      }
      sb.append(k);
      if (!v.isEmpty()) {
        sb.append('=').append(v);
      }
    });
    return new Fmtp(payloadType, sb.toString());
  }

  @Override
  public String attributeName() {
    return "fmtp";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(payloadType + " " + formatParameters);
  }
}
