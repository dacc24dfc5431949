package dev.purertc.janus;

import java.util.Objects;

/**
 * One local ICE candidate to trickle to Janus, in the W3C {@code RTCIceCandidateInit} shape Janus
 * expects: {@code {"candidate":"candidate:...","sdpMid":"0","sdpMLineIndex":0}}.
 *
 * @param candidate the candidate attribute value, starting with {@code candidate:}
 * @param sdpMid the media section's mid, or null when only the index is known
 * @param sdpMLineIndex the media section's index, 0-based
 */
public record IceCandidate(String candidate, String sdpMid, int sdpMLineIndex) {
    public IceCandidate {
        Objects.requireNonNull(candidate, "candidate");
        if (sdpMLineIndex < 0) {
            throw new IllegalArgumentException("sdpMLineIndex must be >= 0: " + sdpMLineIndex);
        }
    }
}
