package dev.purertc.janus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/**
 * A plain-RTP (no ICE, no DTLS) AudioBridge participant's address: in a {@code join}, where the
 * plugin sends this participant the mix; in the {@code joined} answer, where the plugin expects
 * its packets. Rooms accept it only when created with {@code allow_rtp_participants}.
 *
 * @param ip the address
 * @param port the UDP port
 * @param payloadType the RTP payload type of Opus, or null for the plugin's default
 * @param audiolevelExt the id of the audio-level RTP header extension, or null for none
 * @param fec whether to use Opus in-band FEC, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlainRtp(String ip, int port, Integer payloadType, Integer audiolevelExt, Boolean fec) {
    public PlainRtp {
        Objects.requireNonNull(ip, "ip");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535: " + port);
        }
    }
}
