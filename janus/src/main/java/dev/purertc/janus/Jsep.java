package dev.purertc.janus;

import java.util.Objects;

/**
 * A JSEP session description as Janus carries it beside a plugin message:
 * {@code {"type":"offer"|"answer","sdp":"v=0..."}}. The SDP stays text here; the {@code sdp}
 * module parses it.
 *
 * @param type {@code offer}, {@code answer}, {@code pranswer} or {@code rollback} (JSEP, RFC 8829 4.1.8)
 * @param sdp the SDP text, possibly empty for {@code rollback}
 */
public record Jsep(String type, String sdp) {
    public Jsep {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sdp, "sdp");
        if (!type.equals("offer") && !type.equals("answer") && !type.equals("pranswer")
                && !type.equals("rollback")) {
            throw new IllegalArgumentException("JSEP type must be offer, answer, pranswer or rollback: " + type);
        }
    }

    /** An offer carrying {@code sdp}. */
    public static Jsep offer(String sdp) {
        return new Jsep("offer", sdp);
    }

    /** An answer carrying {@code sdp}. */
    public static Jsep answer(String sdp) {
        return new Jsep("answer", sdp);
    }
}
