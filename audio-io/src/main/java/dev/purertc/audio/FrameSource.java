package dev.purertc.audio;

/**
 * Where playback gets its audio: the jitter buffer of a call, a file, a test signal. Playback
 * pulls one frame per 20 ms of its device's clock.
 *
 * <p>Threading: {@link #read} is called from one thread at a time (the playback thread).
 */
public interface FrameSource extends AutoCloseable {
    /** 1 or 2. */
    int channels();

    /**
     * Fills {@code frame} with the next 20 ms: {@link AudioFrame#SAMPLES_PER_CHANNEL} ×
     * {@link #channels()} interleaved samples. The caller owns the array.
     *
     * @return false once the source has ended; the frame is then silence
     */
    boolean read(short[] frame);

    /** Releases what the source holds (files). Idempotent. */
    @Override
    default void close() {
    }
}
