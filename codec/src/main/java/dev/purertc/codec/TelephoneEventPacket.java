package dev.purertc.codec;

/**
 * One RTP packet of a telephone-event as {@link TelephoneEventSender} plans it; the RTP layer
 * adds the sequence number and SSRC and sends it at {@code sendOffsetMillis} after the first.
 *
 * @param marker          RTP marker bit: set on the first packet of an event (RFC 4733 §2.5.1.2)
 * @param timestampOffset RTP timestamp of this packet minus the event's first timestamp, in
 *                        clock-rate units; non-zero only for segments of long events (§2.5.1.3)
 * @param sendOffsetMillis when to send this packet, relative to the first, in milliseconds
 * @param event           the payload
 */
public record TelephoneEventPacket(boolean marker, long timestampOffset, long sendOffsetMillis, TelephoneEvent event) {
    public TelephoneEventPacket {
        if (timestampOffset < 0 || sendOffsetMillis < 0) {
            throw new IllegalArgumentException("offsets are never negative");
        }
        if (event == null) {
            throw new IllegalArgumentException("event is required");
        }
    }
}
