package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=rtcp-fb:<payload type|*> <type> [<parameters>]} (RFC 4585 §4.2), e.g.
 * {@code a=rtcp-fb:111 transport-cc} or {@code a=rtcp-fb:96 nack pli}.
 *
 * @param payloadType the payload type it applies to, or {@code *} for all
 * @param type the feedback type, e.g. {@code nack}, {@code transport-cc}, {@code ccm}
 * @param parameters what follows the type (e.g. {@code pli}), empty when nothing does
 */
public record RtcpFeedback(String payloadType, String type, String parameters)
    implements Attribute {

  /** The wildcard payload type: the feedback applies to every format of the section. */
  public static final String ALL = "*";

  public RtcpFeedback {
    if (!ALL.equals(payloadType)) {
      try {
        Rtpmap.checkPayloadType(Integer.parseInt(payloadType), "rtcp-fb");
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("rtcp-fb: payload type must be 0..127 or *: "
            + payloadType);
      }
      if (!payloadType.equals(Integer.toString(Integer.parseInt(payloadType)))) {
        throw new IllegalArgumentException("rtcp-fb: payload type must be plain digits: "
            + payloadType);
      }
    }
    Fields.requireWord(type, "rtcp-fb type");
    Fields.requireLine(parameters, "rtcp-fb parameters");
    if (!parameters.equals(parameters.strip())) {
      throw new IllegalArgumentException("rtcp-fb parameters must not start or end with space");
    }
  }

  /** Feedback for one payload type. */
  public static RtcpFeedback of(int payloadType, String type, String parameters) {
    return new RtcpFeedback(Integer.toString(payloadType), type, parameters);
  }

  /** Whether it applies to the given payload type (directly or through {@code *}). */
  public boolean appliesTo(int pt) {
    return ALL.equals(payloadType) || payloadType.equals(Integer.toString(pt));
  }

  /** Parses the value of {@code a=rtcp-fb}. */
  public static RtcpFeedback parse(String value) {
    return SdpParseException.reading(value, RtcpFeedback::read);
  }

  private static RtcpFeedback read(String value) {
    List<String> f = Fields.split(value, 2, "rtcp-fb", "<payload type> <type> [<parameters>]");
    String pt = f.get(0);
    if (!ALL.equals(pt)) {
      pt = Integer.toString(Rtpmap.payloadType(pt, "rtcp-fb"));
    }
    String params = String.join(" ", f.subList(2, f.size()));
    return new RtcpFeedback(pt, f.get(1), params);
  }

  /** The type and parameters as one string, e.g. {@code nack pli}. */
  public String feedback() {
    return parameters.isEmpty() ? type : type + " " + parameters;
  }

  @Override
  public String attributeName() {
    return "rtcp-fb";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(payloadType + " " + feedback());
  }
}
