package dev.purertc.codec;

/**
 * Decodes RTP payloads into PCM and conceals the ones that never arrived.
 *
 * <p>The RTP layer tells the decoder about each packet slot in one of three ways:
 * <ul>
 *   <li>received: {@link #decode(byte[])};</li>
 *   <li>lost, nothing better known: {@link #conceal()};</li>
 *   <li>lost, but the next packet is already here: {@link #decodeFec(byte[])} with that next
 *       packet, then {@link #decode(byte[])} with the same next packet in its own slot.</li>
 * </ul>
 *
 * <p>Never throws on payload content: a corrupt or truncated payload is concealed and counted
 * in {@link #statistics()}.
 *
 * <p>Threading: keeps state between calls, not thread-safe; one per stream, one thread at a
 * time. Buffers: payload arrays are only read during the call; every returned array is new and
 * belongs to the caller.
 */
public interface AudioDecoder {

    /** Sampling rate of the PCM this decoder produces, in Hz. */
    int sampleRate();

    /** Number of interleaved channels in the PCM this decoder produces (1 or 2). */
    int channels();

    /**
     * Decodes one received payload.
     *
     * @param payload the RTP payload, or {@code null} for a lost packet (same as {@link #conceal()})
     * @return interleaved PCM, {@code samples * channels()} values
     */
    short[] decode(byte[] payload);

    /** Produces one frame (the duration of the last good packet) of concealment for a lost packet. */
    short[] conceal();

    /**
     * Recovers a lost packet from the redundancy carried by the packet after it. Codecs without
     * in-band FEC, or a next packet that carries none, fall back to {@link #conceal()}.
     *
     * @param nextPayload the payload that followed the lost one; it must still be passed to
     *                    {@link #decode(byte[])} afterwards for its own slot
     * @return interleaved PCM for the lost slot
     */
    short[] decodeFec(byte[] nextPayload);

    /** Counters since construction. */
    DecoderStatistics statistics();
}
