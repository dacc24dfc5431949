package dev.purertc.codec;

/**
 * Encodes one frame of PCM into one RTP payload.
 *
 * <p>Threading: an encoder keeps state between frames and is not thread-safe; use one per
 * stream from one thread at a time. Buffers: the caller keeps ownership of {@code pcm}; the
 * returned array is new and belongs to the caller.
 */
public interface AudioEncoder {

    /** Sampling rate of the PCM this encoder takes, in Hz. */
    int sampleRate();

    /** Number of interleaved channels in the PCM this encoder takes (1 or 2). */
    int channels();

    /** Samples per channel in one frame; {@code encode} takes exactly {@code frameSamples() * channels()} values. */
    int frameSamples();

    /**
     * Encodes one frame.
     *
     * @param pcm interleaved 16-bit PCM, exactly {@code frameSamples() * channels()} values
     * @return the payload for one RTP packet
     * @throws IllegalArgumentException if {@code pcm} does not hold exactly one frame
     */
    byte[] encode(short[] pcm);
}
