package dev.purertc.janus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An RTP forwarder of an AudioBridge room: as created by {@code rtp_forward} (then {@code ssrc},
 * {@code codec}, {@code ptype} are null) and as listed by {@code listforwarders}.
 *
 * @param streamId the forwarder id
 * @param host the destination address ({@code host} in rtp_forward answers, {@code ip} in lists)
 * @param port the destination port
 * @param ssrc the SSRC, or null
 * @param codec the codec name, or null
 * @param ptype the RTP payload type, or null
 * @param srtp whether it is SRTP-protected, or null
 * @param alwaysOn whether it forwards during silence, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RtpForwarder(long streamId, String host, int port, Long ssrc, String codec, Integer ptype, Boolean srtp,
        Boolean alwaysOn) {
}
