package dev.purertc.sdp;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns the text after {@code a=} into the typed attribute its name selects. */
final class AttributeParser {
  private AttributeParser() {}

  private static final Map<String, Function<String, Attribute>> VALUE_PARSERS = Map.ofEntries(
      Map.entry("rtpmap", Rtpmap::parse),
      Map.entry("fmtp", Fmtp::parse),
      Map.entry("rtcp-fb", RtcpFeedback::parse),
      Map.entry("extmap", Extmap::parse),
      Map.entry("candidate", Candidate::parseValue),
      Map.entry("ice-ufrag", v -> new IceUfrag(Fields.word(v, "ice-ufrag"))),
      Map.entry("ice-pwd", v -> new IcePwd(Fields.word(v, "ice-pwd"))),
      Map.entry("ice-options", IceOptions::parse),
      Map.entry("fingerprint", Fingerprint::parse),
      Map.entry("setup", Setup::parse),
      Map.entry("mid", v -> new Mid(Fields.word(v, "mid"))),
      Map.entry("group", Group::parse),
      Map.entry("msid", Msid::parse),
      Map.entry("msid-semantic", MsidSemantic::parse),
      Map.entry("ssrc", Ssrc::parse),
      Map.entry("ssrc-group", SsrcGroup::parse),
      Map.entry("rtcp", Rtcp::parse),
      Map.entry("ptime", v -> isFraction(v) ? OtherAttribute.of("ptime", v) : Ptime.parse(v)),
      Map.entry("maxptime",
          v -> isFraction(v) ? OtherAttribute.of("maxptime", v) : Maxptime.parse(v)),
      Map.entry("sctp-port", SctpPort::parse),
      Map.entry("sctpmap", Sctpmap::parse));

  /**
   * A positive decimal with a fraction, such as {@code 2.5}: legal for ptime and maxptime
   * (RFC 8866 §6.4, §6.5) but never written by WebRTC peers, so it is kept verbatim as an
   * {@link OtherAttribute} rather than typed as whole milliseconds or rejected.
   */
  private static boolean isFraction(String value) {
    return value.matches("[0-9]+\\.[0-9]+");
  }

  static Attribute parse(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    if (name.isEmpty() || !Fields.isWord(name)) {
      throw new SdpParseException("attribute: bad name '" + name + "'");
    }
    try {
      if (colon < 0) {
        Optional<Attribute> flag = Flag.byName(name).map(Attribute.class::cast)
            .or(() -> Direction.byName(name));
        if (flag.isPresent()) {
          return flag.get();
        }
        if (VALUE_PARSERS.containsKey(name)) {
          throw new SdpParseException(name + ": a value is required");
        }
        return OtherAttribute.property(name);
      }
      String value = text.substring(colon + 1);
      Function<String, Attribute> parser = VALUE_PARSERS.get(name);
      if (parser != null) {
        return parser.apply(value);
      }
      if (Flag.byName(name).isPresent() || Direction.byName(name).isPresent()) {
        throw new SdpParseException(name + ": takes no value but got '" + value + "'");
      }
      return OtherAttribute.of(name, value);
    } catch (IllegalArgumentException e) { // a record's own check, from a value that parsed
      throw new SdpParseException(e.getMessage());
    }
  }
}
