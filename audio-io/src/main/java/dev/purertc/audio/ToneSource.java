package dev.purertc.audio;

/**
 * A sine tone at 48 kHz that never ends, the same in every channel. The phase runs on across
 * frames, so the tone has no discontinuity at frame edges.
 */
public final class ToneSource implements FrameSource {
    private final double frequencyHz;
    private final double amplitude;
    private final int channels;
    private final double phaseStep;
    private double phase;

    /**
     * @param frequencyHz  0 &lt; f &lt; 24000
     * @param peakDbfs     peak level, dBFS (0 = full scale), at most 0
     * @param channels     1 or 2
     */
    public ToneSource(double frequencyHz, double peakDbfs, int channels) {
        if (!(frequencyHz > 0 && frequencyHz < AudioFrame.SAMPLE_RATE / 2.0)) {
            throw new IllegalArgumentException("frequency not in (0, 24000) Hz: " + frequencyHz);
        }
        if (!(peakDbfs <= 0)) {
            throw new IllegalArgumentException("peak level above 0 dBFS: " + peakDbfs);
        }
        this.frequencyHz = frequencyHz;
        this.amplitude = 32767 * Math.pow(10, peakDbfs / 20);
        this.channels = AudioFrame.checkChannels(channels);
        this.phaseStep = 2 * Math.PI * frequencyHz / AudioFrame.SAMPLE_RATE;
    }

    /** The frequency it claims, Hz. */
    public double frequencyHz() {
        return frequencyHz;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public boolean read(short[] frame) {
        for (int i = 0; i < AudioFrame.SAMPLES_PER_CHANNEL; i++) {
            short s = (short) Math.round(amplitude * Math.sin(phase));
            for (int c = 0; c < channels; c++) {
                frame[i * channels + c] = s;
            }
            phase += phaseStep;
            if (phase > 2 * Math.PI) {
                phase -= 2 * Math.PI;
            }
        }
        return true;
    }
}
