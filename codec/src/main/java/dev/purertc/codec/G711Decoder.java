package dev.purertc.codec;

import java.util.Arrays;

/**
 * G.711 as an {@link AudioDecoder}, with a simple concealment: a lost frame replays the last
 * good frame with a gain that falls linearly to zero over {@value #FADE_FRAMES} lost frames,
 * then silence. (G.711 Appendix I's pitch-based PLC is not implemented.)
 *
 * <p>Every byte is a valid G.711 code, so the only corrupt payload is an empty one.
 * Threading: not thread-safe; one per stream.
 */
public final class G711Decoder implements AudioDecoder {
    /** Number of consecutive lost frames over which the replayed frame fades to silence. */
    static final int FADE_FRAMES = 3;

    private final G711.Law law;
    private final DecoderCounters counters = new DecoderCounters();
    private short[] lastFrame = new short[G711.SAMPLE_RATE / 50];
    private int lostInARow;

    /** @param law µ-law or A-law */
    public G711Decoder(G711.Law law) {
        if (law == null) {
            throw new IllegalArgumentException("law is required");
        }
        this.law = law;
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
    public short[] decode(byte[] payload) {
        if (payload == null) {
            return conceal();
        }
        if (payload.length == 0) {
            counters.corruptPayloads++;
            return conceal();
        }
        short[] pcm = law == G711.Law.ULAW ? G711.ulawDecode(payload) : G711.alawDecode(payload);
        lastFrame = pcm.clone();
        lostInARow = 0;
        counters.decodedFrames++;
        counters.decodedSamples += pcm.length;
        return pcm;
    }

    @Override
    public short[] conceal() {
        counters.concealedFrames++;
        lostInARow++;
        short[] out = new short[lastFrame.length];
        if (lostInARow <= FADE_FRAMES) {
            int n = out.length;
            for (int i = 0; i < n; i++) {
                // The gain falls linearly across the lost frames, so consecutive concealed frames join without a step.
                double position = (lostInARow - 1) + (double) i / n;
                double gain = Math.max(0.0, 1.0 - position / FADE_FRAMES);
                out[i] = (short) Math.round(lastFrame[i] * gain);
            }
        } else {
            Arrays.fill(out, (short) 0);
        }
        counters.decodedSamples += out.length;
        return out;
    }

    /** G.711 carries no redundancy: this conceals. */
    @Override
    public short[] decodeFec(byte[] nextPayload) {
        return conceal();
    }

    @Override
    public DecoderStatistics statistics() {
        return counters.snapshot();
    }
}
