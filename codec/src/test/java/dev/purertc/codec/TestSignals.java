package dev.purertc.codec;

import java.util.Random;

/** Deterministic test signals. */
final class TestSignals {
    private TestSignals() {
    }

    /** A sine of {@code frequencyHz} at {@code amplitude} (of full scale), {@code samples} long. */
    static short[] tone(int sampleRate, double frequencyHz, double amplitude, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * frequencyHz * i / sampleRate));
        }
        return out;
    }

    /**
     * Speech-like: a glottal pulse train with drifting pitch (90..190 Hz) through three formant
     * resonators that glide between vowels every ~180 ms, a 4 Hz syllable envelope with short
     * pauses, and occasional fricative noise bursts. Seeded; about -20 dBFS RMS while voiced.
     */
    static short[] speechLike(int sampleRate, double seconds, long seed) {
        Random random = new Random(seed);
        int n = (int) (seconds * sampleRate);
        short[] out = new short[n];
        double[][] vowels = {{730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480},
            {570, 840, 2410}, {440, 1020, 2240}};
        double[] formants = vowels[0].clone();
        double[] target = vowels[0].clone();
        double[][] state = new double[3][2];
        double phase = 0;
        double pitch = 130;
        double pitchTarget = 130;
        double glottal = 0;
        double noiseLevel = 0;
        int segment = (int) (0.18 * sampleRate);
        double hp = 0;
        double prevNoise = 0;
        for (int i = 0; i < n; i++) {
            if (i % segment == 0) {
                target = vowels[random.nextInt(vowels.length)];
                pitchTarget = 90 + 100 * random.nextDouble();
                noiseLevel = random.nextDouble() < 0.2 ? 0.25 : 0.0;
            }
            for (int f = 0; f < 3; f++) {
                formants[f] += (target[f] - formants[f]) * 0.002;
            }
            pitch += (pitchTarget - pitch) * 0.0005;
            phase += pitch / sampleRate;
            double pulse = 0;
            if (phase >= 1) {
                phase -= 1;
                pulse = 1;
            }
            // Glottal source: impulse train smoothed by a one-pole low-pass (spectral tilt).
            glottal = 0.97 * glottal + pulse;
            double excitation = glottal - 0.5 / (1 - 0.97) * pitch / sampleRate;
            double noise = random.nextGaussian();
            hp = noise - prevNoise; // first difference: fricative-like high-frequency noise
            prevNoise = noise;
            double x = excitation * 0.6 + hp * noiseLevel;
            for (int f = 0; f < 3; f++) {
                double bandwidth = 80 + 40 * f;
                double r = Math.exp(-Math.PI * bandwidth / sampleRate);
                double a1 = 2 * r * Math.cos(2 * Math.PI * formants[f] / sampleRate);
                double a2 = -r * r;
                double y = (1 - r) * x + a1 * state[f][0] + a2 * state[f][1];
                state[f][1] = state[f][0];
                state[f][0] = y;
                x = y * (f == 0 ? 1.0 : 1.0);
            }
            double t = (double) i / sampleRate;
            // Syllables at 4 Hz, with a pause of ~150 ms every 1.3 s.
            double envelope = 0.55 + 0.45 * Math.sin(2 * Math.PI * 4 * t);
            if ((t % 1.3) > 1.15) {
                envelope = 0;
            }
            out[i] = (short) Math.max(-32768, Math.min(32767, Math.round(x * envelope * 2500)));
        }
        return out;
    }
}
