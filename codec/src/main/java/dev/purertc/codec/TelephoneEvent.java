package dev.purertc.codec;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * One RFC 4733 telephone-event payload (§2.3): which event, whether it has ended, its volume and
 * its duration so far.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * |     event     |E|R| volume    |          duration             |
 * </pre>
 *
 * @param eventCode       0..255; DTMF digits are 0..15 (RFC 4733 §3.2 Table 3)
 * @param end             the E bit: this packet reports the end of the event
 * @param volume          0..63, power level in -dBm0 (larger is quieter)
 * @param durationSamples 0..65535, duration so far in RTP timestamp units
 */
public record TelephoneEvent(int eventCode, boolean end, int volume, int durationSamples) {

    /** Size of one event on the wire, bytes. */
    public static final int BYTES = 4;

    private static final String DIGITS = "0123456789*#ABCD";

    public TelephoneEvent {
        if (eventCode < 0 || eventCode > 255) {
            throw new IllegalArgumentException("event code not in 0..255: " + eventCode);
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume not in 0..63: " + volume);
        }
        if (durationSamples < 0 || durationSamples > 0xFFFF) {
            throw new IllegalArgumentException("duration not in 0..65535: " + durationSamples);
        }
    }

    /**
     * Reads one event at the buffer's position and advances it by {@value #BYTES}. Bytes after
     * the first event (e.g. RFC 2198 redundancy handled elsewhere) are left in the buffer.
     *
     * @throws CodecFormatException if fewer than 4 bytes remain
     */
    public static TelephoneEvent parse(ByteBuffer buffer) throws CodecFormatException {
        int start = buffer.position();
        if (buffer.remaining() < BYTES) {
            throw new CodecFormatException("byte " + start, "telephone-event needs 4 bytes, " + buffer.remaining() + " left");
        }
        try {
            int event = buffer.get() & 0xFF;
            int flags = buffer.get() & 0xFF;
            // Network byte order whatever buffer.order() is.
            int duration = (buffer.get() & 0xFF) << 8 | (buffer.get() & 0xFF);
            // RFC 4733 §2.3: the R bit is reserved, sent as 0 and ignored on receipt.
            return new TelephoneEvent(event, (flags & 0x80) != 0, flags & 0x3F, duration);
        } catch (BufferUnderflowException e) {
            throw new CodecFormatException("byte " + start, "telephone-event truncated");
        }
    }

    /** Writes the 4 bytes at the buffer's position; returns {@value #BYTES}. */
    public int writeTo(ByteBuffer buffer) {
        buffer.put((byte) eventCode);
        buffer.put((byte) ((end ? 0x80 : 0) | volume));
        buffer.put((byte) (durationSamples >>> 8)).put((byte) durationSamples); // network byte order
        return BYTES;
    }

    /** Whether this event is a DTMF digit (codes 0..15). */
    public boolean isDtmf() {
        return eventCode < DIGITS.length();
    }

    /**
     * The event code of a DTMF digit (RFC 4733 §3.2): '0'..'9' → 0..9, '*' → 10, '#' → 11,
     * 'A'..'D' (or 'a'..'d') → 12..15.
     *
     * @throws IllegalArgumentException for any other character
     */
    public static int eventCodeOf(char digit) {
        int code = DIGITS.indexOf(Character.toUpperCase(digit));
        if (code < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        return code;
    }

    /**
     * The DTMF digit of an event code 0..15.
     *
     * @throws IllegalArgumentException for other codes
     */
    public static char digitOf(int eventCode) {
        if (eventCode < 0 || eventCode >= DIGITS.length()) {
            throw new IllegalArgumentException("event " + eventCode + " is not a DTMF digit");
        }
        return DIGITS.charAt(eventCode);
    }
}
