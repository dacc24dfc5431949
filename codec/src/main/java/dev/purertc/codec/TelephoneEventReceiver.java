package dev.purertc.codec;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns received RFC 4733 telephone-event packets into begin/end notices, once each: the three
 * retransmitted end packets (§2.5.1.4) and duplicates give one {@link TelephoneEventNotice.Ended};
 * a lost first packet is covered by the first update that arrives (§2.5.2.1); segments of a long
 * event (§2.5.1.3) add up into one event; packets older than the current event are dropped.
 *
 * <p>A malformed payload is counted ({@link #malformedPayloads()}) and ignored. Sans-I/O,
 * not thread-safe; one per stream.
 */
public final class TelephoneEventReceiver {
    private static final long SEGMENT = 0xFFFF;

    private boolean active;
    private boolean ended;
    private int code;
    private long startTimestamp;
    /** Timestamp of the segment being received (start, start+65535, ...). */
    private long segmentTimestamp;
    private long durationSamples;
    private long malformed;

    /**
     * Handles one received packet.
     *
     * @param rtpTimestamp the packet's RTP timestamp, 32-bit unsigned
     * @param payload      the RTP payload; only read
     * @return notices in order (possibly an {@code Ended} for the previous event, then
     *         {@code Started} and {@code Ended} for this one); empty if nothing changed
     */
    public List<TelephoneEventNotice> receive(long rtpTimestamp, byte[] payload) {
        if (rtpTimestamp < 0 || rtpTimestamp > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("RTP timestamp not 32-bit unsigned: " + rtpTimestamp);
        }
        TelephoneEvent event;
        try {
            event = TelephoneEvent.parse(ByteBuffer.wrap(payload == null ? new byte[0] : payload));
        } catch (CodecFormatException e) {
            malformed++;
            return List.of();
        }
        List<TelephoneEventNotice> notices = new ArrayList<>(3);
        if (active) {
            int sinceSegment = (int) (rtpTimestamp - segmentTimestamp); // 32-bit wrap-around difference
            if (sinceSegment < 0) {
                return List.of(); // a late packet of an older event or segment
            }
            boolean sameEvent = event.eventCode() == code && !ended
                    && (sinceSegment == 0 || sinceSegment % SEGMENT == 0 && sinceSegment / SEGMENT <= 16);
            if (sameEvent) {
                if (sinceSegment != 0) {
                    segmentTimestamp = rtpTimestamp;
                }
                long offset = (rtpTimestamp - startTimestamp) & 0xFFFF_FFFFL;
                durationSamples = Math.max(durationSamples, offset + event.durationSamples());
                if (event.end()) {
                    ended = true;
                    notices.add(new TelephoneEventNotice.Ended(code, startTimestamp, durationSamples, true));
                }
                return notices;
            }
            if (sinceSegment == 0) {
                return List.of(); // a repeat of an event that already ended, or a different code at the same time
            }
            if (!ended) {
                notices.add(new TelephoneEventNotice.Ended(code, startTimestamp, durationSamples, false));
            }
        }
        active = true;
        ended = event.end();
        code = event.eventCode();
        startTimestamp = rtpTimestamp;
        segmentTimestamp = rtpTimestamp;
        durationSamples = event.durationSamples();
        notices.add(new TelephoneEventNotice.Started(code, startTimestamp));
        if (ended) {
            notices.add(new TelephoneEventNotice.Ended(code, startTimestamp, durationSamples, true));
        }
        return notices;
    }

    /** Payloads that were not a telephone-event and were ignored. */
    public long malformedPayloads() {
        return malformed;
    }
}
