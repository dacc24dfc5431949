package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * One payload format of an RTP media section, put together from its {@code m=} entry,
 * {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} lines. A derived view: the section's
 * attributes stay the truth.
 *
 * @param payloadType RTP payload type
 * @param encodingName codec name as written (compare case-insensitively)
 * @param clockRate RTP clock rate in Hz
 * @param channels audio channels, 1 when not written
 * @param fmtp the format parameters, if any
 * @param feedback the rtcp-fb lines for this payload type (including {@code *} ones)
 */
public record RtpCodec(int payloadType, String encodingName, int clockRate, int channels,
    Optional<Fmtp> fmtp, List<RtcpFeedback> feedback) {

  public RtpCodec {
    feedback = List.copyOf(feedback);
  }

  /** Whether this is the named codec at the given rate (names compare case-insensitively). */
  public boolean is(String name, int rate) {
    return encodingName.equalsIgnoreCase(name) && clockRate == rate;
  }

  /** Whether this is RFC 4733 telephone-event (DTMF). */
  public boolean isTelephoneEvent() {
    return encodingName.equalsIgnoreCase("telephone-event");
  }

  /**
   * The static audio payload types of RFC 3551 §6 that may appear without an rtpmap; only those a
   * WebRTC audio peer can meet.
   */
  static Optional<Rtpmap> staticRtpmap(int payloadType) {
    switch (payloadType) {
      case 0:
        return Optional.of(Rtpmap.of(0, "PCMU", 8000, 1));
      case 3:
        return Optional.of(Rtpmap.of(3, "GSM", 8000, 1));
      case 8:
        return Optional.of(Rtpmap.of(8, "PCMA", 8000, 1));
      case 9:
        return Optional.of(Rtpmap.of(9, "G722", 8000, 1));
      case 13:
        return Optional.of(Rtpmap.of(13, "CN", 8000, 1));
      case 18:
        return Optional.of(Rtpmap.of(18, "G729", 8000, 1));
      default:
        return Optional.empty();
    }
  }
}
