package dev.purertc.audio;

/**
 * Level of the last frame in dBFS: the RMS of the samples relative to full scale, where a
 * full-scale square wave is 0 dBFS and a full-scale sine about −3 dBFS. Silence reads
 * {@link #FLOOR_DBFS} (−127, the bottom of RFC 6464's audio-level range).
 *
 * <p>Threading: the audio thread calls {@link #update}; any thread may read {@link #levelDbfs()}.
 */
public final class LevelMeter {
    /** The lowest level reported. */
    public static final double FLOOR_DBFS = -127.0;

    private volatile double levelDbfs = FLOOR_DBFS;

    /** Measures a frame (interleaved 16-bit samples) and keeps its level. */
    public void update(short[] samples) {
        levelDbfs = dbfs(samples, 0, samples.length);
    }

    /** The level of the last frame measured, dBFS in [−127, 0]. */
    public double levelDbfs() {
        return levelDbfs;
    }

    /** RMS level of {@code samples[offset .. offset+length)} in dBFS, floored at −127. */
    public static double dbfs(short[] samples, int offset, int length) {
        if (length <= 0) {
            return FLOOR_DBFS;
        }
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            double s = samples[i];
            sum += s * s;
        }
        double rms = Math.sqrt(sum / length) / 32768.0;
        return rms <= 0 ? FLOOR_DBFS : Math.max(FLOOR_DBFS, Math.min(0.0, 20 * Math.log10(rms)));
    }
}
