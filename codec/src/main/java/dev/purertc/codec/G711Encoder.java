package dev.purertc.codec;

/**
 * G.711 as an {@link AudioEncoder}: 8 kHz mono, one code byte per sample. Stateless apart from
 * its settings, so safe to share, though the interface does not promise it.
 */
public final class G711Encoder implements AudioEncoder {
    private final G711.Law law;
    private final int frameSamples;

    /**
     * @param law                 µ-law or A-law
     * @param frameDurationMillis packet duration, 10..120 ms in steps of 10 (20 is the RTP default, RFC 3551 §4.5)
     */
    public G711Encoder(G711.Law law, int frameDurationMillis) {
        if (law == null) {
            throw new IllegalArgumentException("law is required");
        }
        if (frameDurationMillis < 10 || frameDurationMillis > 120 || frameDurationMillis % 10 != 0) {
            throw new IllegalArgumentException("frame duration not in 10..120 ms, step 10: " + frameDurationMillis);
        }
        this.law = law;
        this.frameSamples = G711.SAMPLE_RATE / 1000 * frameDurationMillis;
    }

    /** The law this encoder uses. */
    public G711.Law law() {
        return law;
    }

    @Override
    public int sampleRate() {
        return G711.SAMPLE_RATE;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int frameSamples() {
        return frameSamples;
    }

    @Override
    public byte[] encode(short[] pcm) {
        if (pcm == null || pcm.length != frameSamples) {
            throw new IllegalArgumentException("one frame is " + frameSamples + " samples, got "
                    + (pcm == null ? "null" : pcm.length));
        }
        return law == G711.Law.ULAW ? G711.ulawEncode(pcm) : G711.alawEncode(pcm);
    }
}
