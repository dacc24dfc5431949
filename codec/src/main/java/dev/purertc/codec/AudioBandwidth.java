package dev.purertc.codec;

/**
 * Audio bandwidths Opus codes (RFC 6716 §2, Table 1), by their upper edge.
 */
public enum AudioBandwidth {
    /** 4 kHz audio bandwidth, 8 kHz effective sample rate. */
    NARROWBAND(4000),
    /** 6 kHz audio bandwidth, 12 kHz effective sample rate. */
    MEDIUMBAND(6000),
    /** 8 kHz audio bandwidth, 16 kHz effective sample rate. */
    WIDEBAND(8000),
    /** 12 kHz audio bandwidth, 24 kHz effective sample rate. */
    SUPERWIDEBAND(12000),
    /** 20 kHz audio bandwidth, 48 kHz effective sample rate. */
    FULLBAND(20000);

    private final int upperEdgeHz;

    AudioBandwidth(int upperEdgeHz) {
        this.upperEdgeHz = upperEdgeHz;
    }

    /** The highest audio frequency this bandwidth carries, in Hz. */
    public int upperEdgeHz() {
        return upperEdgeHz;
    }

    /**
     * The widest bandwidth a receiver that plays back at {@code playbackRate} can use
     * (RFC 7587 §6.1 maxplaybackrate: 8000 → narrowband, ... , above 24000 → fullband).
     *
     * @param playbackRate in Hz, positive
     */
    public static AudioBandwidth forPlaybackRate(int playbackRate) {
        if (playbackRate <= 0) {
            throw new IllegalArgumentException("playback rate must be positive: " + playbackRate);
        }
        if (playbackRate <= 8000) {
            return NARROWBAND;
        } else if (playbackRate <= 12000) {
            return MEDIUMBAND;
        } else if (playbackRate <= 16000) {
            return WIDEBAND;
        } else if (playbackRate <= 24000) {
            return SUPERWIDEBAND;
        }
        return FULLBAND;
    }
}
