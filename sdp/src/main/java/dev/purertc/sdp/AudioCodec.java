package dev.purertc.sdp;

import java.util.List;

/**
 * A codec the local endpoint can send and receive, as it is offered: name, rate, channels, the
 * payload type used in our own offers, the fmtp we want to receive, and the RTCP feedback types
 * we implement for it.
 *
 * @param name encoding name, e.g. {@code opus} (matched case-insensitively)
 * @param clockRate RTP clock rate in Hz
 * @param channels channel count in the rtpmap ({@code opus} is always 2, RFC 7587 §7)
 * @param payloadType payload type for our offers; in answers the offerer's is used
 * @param fmtp format parameters, empty for none
 * @param feedback rtcp-fb values, e.g. {@code nack}; empty for none
 */
public record AudioCodec(String name, int clockRate, int channels, int payloadType, String fmtp,
    List<String> feedback) {

  /** Opus at 48 kHz with in-band FEC (RFC 7587), PureRTC's preferred codec. */
  public static final AudioCodec OPUS =
      new AudioCodec("opus", 48000, 2, 111, "minptime=10;useinbandfec=1", List.of());
  /** G.711 µ-law, static payload type 0 (RFC 3551). */
  public static final AudioCodec PCMU = new AudioCodec("PCMU", 8000, 1, 0, "", List.of());
  /** G.711 A-law, static payload type 8 (RFC 3551). */
  public static final AudioCodec PCMA = new AudioCodec("PCMA", 8000, 1, 8, "", List.of());
  /** DTMF events for 48 kHz codecs (RFC 4733), events 0-16. */
  public static final AudioCodec TELEPHONE_EVENT_48000 =
      new AudioCodec("telephone-event", 48000, 1, 110, "0-16", List.of());
  /** DTMF events for 8 kHz codecs (RFC 4733), events 0-16. */
  public static final AudioCodec TELEPHONE_EVENT_8000 =
      new AudioCodec("telephone-event", 8000, 1, 126, "0-16", List.of());

  public AudioCodec {
    Fields.requireWord(name, "codec name");
    if (clockRate <= 0 || channels <= 0) {
      throw new IllegalArgumentException("codec clock rate and channels must be positive");
    }
    Rtpmap.checkPayloadType(payloadType, "codec");
    Fields.requireLine(fmtp, "codec fmtp");
    feedback = List.copyOf(feedback);
  }

  /** Whether this is RFC 4733 telephone-event, which only rides along with a real codec. */
  public boolean isTelephoneEvent() {
    return name.equalsIgnoreCase("telephone-event");
  }

  /**
   * Whether an offered payload format is this codec: same name (any case), rate and channels
   * (an rtpmap without channels means one).
   */
  public boolean matches(RtpCodec offered) {
    return offered.encodingName().equalsIgnoreCase(name) && offered.clockRate() == clockRate
        && offered.channels() == channels;
  }
}
