package dev.purertc.sdp;

import java.util.Optional;

/**
 * An {@code a=} line (RFC 8866 §5.13, §6). Every attribute WebRTC audio uses has its own typed
 * record; any other attribute is an {@link OtherAttribute}, kept verbatim.
 *
 * <p>Each implementation writes itself back as {@code a=<name>[:<value>]} through
 * {@link #attributeName()} and {@link #attributeValue()}, so that
 * {@code Attribute.parse(a.format().substring(2))} equals {@code a}.
 */
public sealed interface Attribute
    permits Rtpmap, Fmtp, RtcpFeedback, Extmap, Candidate, IceUfrag, IcePwd, IceOptions,
        Fingerprint, Setup, Mid, Group, Msid, MsidSemantic, Ssrc, SsrcGroup, Rtcp, Ptime,
        Maxptime, Direction, SctpPort, Sctpmap, Flag, OtherAttribute {

  /** The attribute's name, the text between {@code a=} and the first colon. */
  String attributeName();

  /** The text after the colon, or empty for a property attribute such as {@code a=rtcp-mux}. */
  Optional<String> attributeValue();

  /** The whole line, {@code a=<name>[:<value>]}, without its line ending. */
  default String format() {
    return attributeValue()
        .map(v -> "a=" + attributeName() + ":" + v)
        .orElse("a=" + attributeName());
  }

  /**
   * Parses the text of an {@code a=} line after the {@code a=}: a known attribute becomes its
   * typed record, anything else an {@link OtherAttribute}.
   *
   * @throws SdpParseException if the name is empty or a known attribute's value is malformed
   */
  static Attribute parse(String text) {
    return AttributeParser.parse(text);
  }
}
