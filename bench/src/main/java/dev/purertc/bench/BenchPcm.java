package dev.purertc.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Benchmark input: 48 kHz mono 16-bit PCM. From the raw little-endian file named by the system
 * property {@code purertc.bench.pcm} (bench/scripts/opus-reference.sh makes the espeak-ng one the
 * native reference uses); without it, a deterministic synthetic speech-like signal.
 */
final class BenchPcm {
    static final int RATE = 48000;

    private BenchPcm() {
    }

    static short[] load() throws IOException {
        String path = System.getProperty("purertc.bench.pcm");
        if (path == null || path.isEmpty()) {
            return synthetic(20.0);
        }
        byte[] bytes = Files.readAllBytes(Path.of(path));
        short[] pcm = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(pcm);
        return pcm;
    }

    /** Whole 20 ms frames of {@code pcm}. */
    static short[][] frames(short[] pcm, int frameSamples) {
        short[][] frames = new short[pcm.length / frameSamples][frameSamples];
        for (int i = 0; i < frames.length; i++) {
            System.arraycopy(pcm, i * frameSamples, frames[i], 0, frameSamples);
        }
        return frames;
    }

    /** Pulse train with drifting pitch through gliding formants, syllable envelope, pauses. */
    static short[] synthetic(double seconds) {
        Random random = new Random(1);
        int n = (int) (seconds * RATE);
        short[] out = new short[n];
        double[][] vowels = {{730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}};
        double[] formants = vowels[0].clone();
        double[] target = vowels[0];
        double[][] state = new double[3][2];
        double phase = 0;
        double pitch = 130;
        double pitchTarget = 130;
        double glottal = 0;
        for (int i = 0; i < n; i++) {
            if (i % 8640 == 0) {
                target = vowels[random.nextInt(vowels.length)];
                pitchTarget = 90 + 100 * random.nextDouble();
            }
            for (int f = 0; f < 3; f++) {
                formants[f] += (target[f] - formants[f]) * 0.002;
            }
            pitch += (pitchTarget - pitch) * 0.0005;
            phase += pitch / RATE;
            double pulse = 0;
            if (phase >= 1) {
                phase -= 1;
                pulse = 1;
            }
            glottal = 0.97 * glottal + pulse;
            double x = glottal - 0.5 / 0.03 * pitch / RATE + 0.02 * random.nextGaussian();
            for (int f = 0; f < 3; f++) {
                double r = Math.exp(-Math.PI * (80 + 40 * f) / RATE);
                double y = (1 - r) * x + 2 * r * Math.cos(2 * Math.PI * formants[f] / RATE) * state[f][0]
                        - r * r * state[f][1];
                state[f][1] = state[f][0];
                state[f][0] = y;
                x = y;
            }
            double t = (double) i / RATE;
            double envelope = (t % 1.3) > 1.15 ? 0 : 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
            out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x * envelope * 2500)));
        }
        return out;
    }
}
