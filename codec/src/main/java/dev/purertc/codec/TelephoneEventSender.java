package dev.purertc.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Plans the RTP packets of an RFC 4733 telephone-event for one key press: a first packet with
 * the marker bit, updates every {@code packetIntervalMillis} with the growing duration, and the
 * final duration sent three times with the E bit (§2.5.1.4). Events longer than 65535 timestamp
 * units are split into segments (§2.5.1.3): each new segment starts at the previous one's
 * timestamp plus 65535, and only the last segment ends with E packets.
 *
 * <p>Sans-I/O: returns the plan, sends nothing. Immutable and thread-safe.
 */
public final class TelephoneEventSender {
    /** RFC 4733 §2.5.1.4: the end packet is sent three times. */
    static final int END_REPETITIONS = 3;
    private static final int MAX_SEGMENT = 0xFFFF;

    private final int clockRate;
    private final int packetIntervalMillis;
    private final int volume;

    /**
     * @param clockRate            the telephone-event clock rate from SDP, Hz (8000, or 48000 beside Opus)
     * @param packetIntervalMillis time between update packets, 10..1000 ms (50 ms is common, RFC 4733 §2.5.1.2)
     * @param volume               0..63 (-dBm0), 10 is a typical key tone level
     */
    public TelephoneEventSender(int clockRate, int packetIntervalMillis, int volume) {
        if (clockRate < 1000 || clockRate > 192_000) {
            throw new IllegalArgumentException("clock rate not in 1000..192000 Hz: " + clockRate);
        }
        if (packetIntervalMillis < 10 || packetIntervalMillis > 1000) {
            throw new IllegalArgumentException("packet interval not in 10..1000 ms: " + packetIntervalMillis);
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume not in 0..63: " + volume);
        }
        this.clockRate = clockRate;
        this.packetIntervalMillis = packetIntervalMillis;
        this.volume = volume;
    }

    /**
     * The packets for pressing {@code digit} for {@code durationMillis}.
     *
     * @param digit          '0'..'9', '*', '#', 'A'..'D'
     * @param durationMillis 10..60000 ms (RFC 4733 §2.5.1.2 mentions a 40 ms minimum for DTMF)
     */
    public List<TelephoneEventPacket> packetsFor(char digit, int durationMillis) {
        return packetsForEvent(TelephoneEvent.eventCodeOf(digit), durationMillis);
    }

    /** As {@link #packetsFor(char, int)}, for any event code 0..255. */
    public List<TelephoneEventPacket> packetsForEvent(int eventCode, int durationMillis) {
        if (durationMillis < 10 || durationMillis > 60_000) {
            throw new IllegalArgumentException("duration not in 10..60000 ms: " + durationMillis);
        }
        long totalSamples = (long) durationMillis * clockRate / 1000;
        long intervalSamples = (long) packetIntervalMillis * clockRate / 1000;
        List<TelephoneEventPacket> packets = new ArrayList<>();
        long elapsed = 0;
        long sendMillis = 0;
        boolean first = true;
        while (true) {
            elapsed = Math.min(elapsed + intervalSamples, totalSamples);
            boolean last = elapsed == totalSamples;
            // RFC 4733 §2.5.1.3: a segment covers at most 0xFFFF units; the next starts where it ends.
            long segmentStart = elapsed == 0 ? 0 : ((elapsed - 1) / MAX_SEGMENT) * MAX_SEGMENT;
            int duration = (int) (elapsed - segmentStart);
            if (last) {
                for (int i = 0; i < END_REPETITIONS; i++) {
                    packets.add(new TelephoneEventPacket(first && i == 0, segmentStart, sendMillis,
                            new TelephoneEvent(eventCode, true, volume, duration)));
                    sendMillis += packetIntervalMillis;
                }
                return List.copyOf(packets);
            }
            packets.add(new TelephoneEventPacket(first, segmentStart, sendMillis,
                    new TelephoneEvent(eventCode, false, volume, duration)));
            first = false;
            sendMillis += packetIntervalMillis;
        }
    }
}
