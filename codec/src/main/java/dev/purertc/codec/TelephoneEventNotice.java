package dev.purertc.codec;

/**
 * What {@link TelephoneEventReceiver} reports: an event began or ended. Event codes 0..15 are
 * DTMF digits ({@link TelephoneEvent#digitOf(int)}).
 */
public sealed interface TelephoneEventNotice {

    /** RFC 4733 event code, 0..255. */
    int eventCode();

    /** RTP timestamp of the event's start (its first segment), 32-bit unsigned. */
    long rtpTimestamp();

    /**
     * An event began.
     *
     * @param eventCode    0..255
     * @param rtpTimestamp event start, 32-bit unsigned
     */
    record Started(int eventCode, long rtpTimestamp) implements TelephoneEventNotice {
        public Started {
            check(eventCode, rtpTimestamp);
        }
    }

    /**
     * An event ended (E bit seen, or a newer event started before any E packet arrived).
     *
     * @param eventCode       0..255
     * @param rtpTimestamp    event start, 32-bit unsigned
     * @param durationSamples total duration in RTP timestamp units, across segments
     * @param endSeen         the E bit arrived; false if the end was inferred from a newer event
     */
    record Ended(int eventCode, long rtpTimestamp, long durationSamples, boolean endSeen)
            implements TelephoneEventNotice {
        public Ended {
            check(eventCode, rtpTimestamp);
            if (durationSamples < 0) {
                throw new IllegalArgumentException("duration is never negative");
            }
        }
    }

    private static void check(int eventCode, long rtpTimestamp) {
        if (eventCode < 0 || eventCode > 255) {
            throw new IllegalArgumentException("event code not in 0..255: " + eventCode);
        }
        if (rtpTimestamp < 0 || rtpTimestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("RTP timestamp not 32-bit unsigned: " + rtpTimestamp);
        }
    }
}
