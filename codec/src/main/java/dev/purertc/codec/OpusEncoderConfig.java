package dev.purertc.codec;

/**
 * Settings of an {@link OpusEncoder}; immutable, validated on construction. Start from
 * {@link #defaults(int, int, int)} and change fields with the {@code with...} methods, or map a
 * remote party's SDP fmtp onto it with {@link OpusFmtp#applyTo(OpusEncoderConfig)}.
 *
 * @param sampleRate          input PCM rate in Hz: 8000, 12000, 16000, 24000 or 48000
 * @param channels            interleaved input channels, 1 or 2
 * @param forceMono           code a mono stream even from stereo input (remote said {@code stereo=0})
 * @param application         VOIP (speech, SILK favoured) or AUDIO (music, CELT favoured)
 * @param frameDurationMillis 10, 20, 40 or 60
 * @param bitrate             target bits per second, 6000..510000
 * @param complexity          0..10, encoder effort; see {@link #DEFAULT_COMPLEXITY}
 * @param vbr                 variable bitrate
 * @param constrainedVbr      with {@code vbr}: keep within one frame's CBR budget over a short window
 * @param inbandFec           code LBRR redundancy of each frame into the next (SILK/hybrid modes)
 * @param expectedLossPercent 0..100, the loss the encoder sizes FEC for; 0 turns LBRR off in libopus
 * @param dtx                 discontinuous transmission: tiny packets during silence
 * @param maxBandwidth        widest bandwidth the encoder may choose; with {@code inbandFec} and loss
 *                            expected, below 32 kbit/s per channel the encoder caps it at wideband so
 *                            that FEC is really coded (see {@link OpusEncoder#effectiveMaxBandwidth()})
 * @param signal              what the input is, if known: VOICE steers mode decisions toward SILK/hybrid
 *                            without the encoder's own speech/music analysis (which libopus runs only
 *                            at complexity 7 and above)
 */
public record OpusEncoderConfig(
        int sampleRate,
        int channels,
        boolean forceMono,
        Application application,
        int frameDurationMillis,
        int bitrate,
        int complexity,
        boolean vbr,
        boolean constrainedVbr,
        boolean inbandFec,
        int expectedLossPercent,
        boolean dtx,
        AudioBandwidth maxBandwidth,
        Signal signal) {

    /**
     * The stack's default complexity, 6. Measured on 125 s of espeak-ng speech, 48 kHz mono,
     * 32 kbit/s, VOIP (hybrid mode), codec/docs/opus-performance.md: Concentus's SILK settings
     * change in tiers (0-1, 2-3, 4-5, 6-7, 8-10); going from 5 to 6 cut the log-spectral distance
     * from 7.11 to 6.54 dB (the largest step of any tier) for about 14% more encoder CPU, while
     * 8 and above gained a further 0.23 dB for another ~30-50%. At 6 one encoder costs about
     * 0.4 ms of CPU per 20 ms frame (2% of a core), about 1.7x libopus 1.3.1 doing the same mode.
     */
    public static final int DEFAULT_COMPLEXITY = 6;

    /** Default expected loss for FEC sizing, in percent, until receiver reports say otherwise. */
    public static final int DEFAULT_EXPECTED_LOSS_PERCENT = 10;

    /** Opus encoder application (RFC 6716 §2.1.8 / libopus OPUS_APPLICATION_*). */
    public enum Application {
        /** Best for most VoIP and videoconference applications where listening quality and intelligibility matter most. */
        VOIP,
        /** Best for broadcast/high-fidelity application where the decoded audio should be as close as possible to the input. */
        AUDIO
    }

    /** Signal type hint (libopus OPUS_SET_SIGNAL). */
    public enum Signal {
        /** Let the encoder decide (from its analysis at complexity 7+, else from the application). */
        AUTO,
        /** Speech: favour SILK and hybrid modes. */
        VOICE,
        /** Music: favour CELT. */
        MUSIC
    }

    public OpusEncoderConfig {
        if (sampleRate != 8000 && sampleRate != 12000 && sampleRate != 16000 && sampleRate != 24000
                && sampleRate != 48000) {
            throw new IllegalArgumentException("Opus sample rate must be 8000, 12000, 16000, 24000 or 48000 Hz: " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
        if (application == null || maxBandwidth == null || signal == null) {
            throw new IllegalArgumentException("application, maxBandwidth and signal are required");
        }
        if (frameDurationMillis != 10 && frameDurationMillis != 20 && frameDurationMillis != 40
                && frameDurationMillis != 60) {
            throw new IllegalArgumentException("frame duration must be 10, 20, 40 or 60 ms: " + frameDurationMillis);
        }
        if (bitrate < 6000 || bitrate > 510_000) {
            throw new IllegalArgumentException("bitrate not in 6000..510000 bit/s: " + bitrate);
        }
        if (complexity < 0 || complexity > 10) {
            throw new IllegalArgumentException("complexity not in 0..10: " + complexity);
        }
        if (expectedLossPercent < 0 || expectedLossPercent > 100) {
            throw new IllegalArgumentException("expected loss not in 0..100 %: " + expectedLossPercent);
        }
    }

    /**
     * Speech defaults for WebRTC: VOIP, 20 ms, VBR, in-band FEC for {@value #DEFAULT_EXPECTED_LOSS_PERCENT}%
     * loss, no DTX, fullband, complexity {@value #DEFAULT_COMPLEXITY}.
     */
    public static OpusEncoderConfig defaults(int sampleRate, int channels, int bitrate) {
        return new OpusEncoderConfig(sampleRate, channels, false, Application.VOIP, 20, bitrate,
                DEFAULT_COMPLEXITY, true, false, true, DEFAULT_EXPECTED_LOSS_PERCENT, false,
                AudioBandwidth.FULLBAND, Signal.AUTO);
    }

    /** Samples per channel in one frame. */
    public int frameSamples() {
        return sampleRate / 1000 * frameDurationMillis;
    }

    public OpusEncoderConfig withForceMono(boolean v) {
        return new OpusEncoderConfig(sampleRate, channels, v, application, frameDurationMillis, bitrate,
                complexity, vbr, constrainedVbr, inbandFec, expectedLossPercent, dtx, maxBandwidth, signal);
    }

    public OpusEncoderConfig withApplication(Application v) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, v, frameDurationMillis, bitrate,
                complexity, vbr, constrainedVbr, inbandFec, expectedLossPercent, dtx, maxBandwidth, signal);
    }

    public OpusEncoderConfig withFrameDurationMillis(int v) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, v, bitrate,
                complexity, vbr, constrainedVbr, inbandFec, expectedLossPercent, dtx, maxBandwidth, signal);
    }

    public OpusEncoderConfig withBitrate(int v) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, frameDurationMillis, v,
                complexity, vbr, constrainedVbr, inbandFec, expectedLossPercent, dtx, maxBandwidth, signal);
    }

    public OpusEncoderConfig withComplexity(int v) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, frameDurationMillis, bitrate,
                v, vbr, constrainedVbr, inbandFec, expectedLossPercent, dtx, maxBandwidth, signal);
    }

    /** {@code vbr=false} is CBR; {@code constrained} only matters with {@code vbr}. */
    public OpusEncoderConfig withVbr(boolean v, boolean constrained) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, frameDurationMillis, bitrate,
                complexity, v, constrained, inbandFec, expectedLossPercent, dtx, maxBandwidth, signal);
    }

    public OpusEncoderConfig withInbandFec(boolean v, int lossPercent) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, frameDurationMillis, bitrate,
                complexity, vbr, constrainedVbr, v, lossPercent, dtx, maxBandwidth, signal);
    }

    public OpusEncoderConfig withDtx(boolean v) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, frameDurationMillis, bitrate,
                complexity, vbr, constrainedVbr, inbandFec, expectedLossPercent, v, maxBandwidth, signal);
    }

    public OpusEncoderConfig withSignal(Signal v) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, frameDurationMillis, bitrate,
                complexity, vbr, constrainedVbr, inbandFec, expectedLossPercent, dtx, maxBandwidth, v);
    }

    public OpusEncoderConfig withMaxBandwidth(AudioBandwidth v) {
        return new OpusEncoderConfig(sampleRate, channels, forceMono, application, frameDurationMillis, bitrate,
                complexity, vbr, constrainedVbr, inbandFec, expectedLossPercent, dtx, v, signal);
    }
}
