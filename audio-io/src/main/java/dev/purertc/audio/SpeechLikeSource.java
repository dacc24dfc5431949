package dev.purertc.audio;

import java.util.SplittableRandom;

/**
 * A deterministic speech-like test signal: voiced "syllables" of 80-300 ms with a varying pitch
 * (90-220 Hz) shaped by vowel formants, separated by short gaps and by pauses of 0.4-0.8 s every
 * few syllables, so that talk-spurt logic (VAD, DTX, comfort noise) and codecs see something with
 * the rhythm and spectrum of speech rather than a steady tone. Not a standard signal (it is not
 * ITU-T P.50); it is meant for tests and headless calls where a microphone is missing.
 *
 * <p>The same seed gives the same samples. Active syllables are around −20 dBFS RMS; pauses
 * are digital silence. Energy lies below 4 kHz.
 */
public final class SpeechLikeSource implements FrameSource {
    /** F1, F2, F3 of a few vowels (Hz), after Peterson and Barney's averages for male voices. */
    private static final double[][] VOWELS = {
        {730, 1090, 2440}, {270, 2290, 3010}, {300, 870, 2240}, {530, 1840, 2480}, {570, 840, 2410}, {660, 1720, 2410},
    };
    private static final double BANDWIDTH_HZ = 90;
    private static final int MAX_HARMONICS = 44;

    private final int channels;
    private final SplittableRandom random;
    private final double[] harmonicPhase = new double[MAX_HARMONICS];
    private final double[] harmonicGain = new double[MAX_HARMONICS];
    private int segmentLeft;
    private int segmentLength;
    private boolean voiced;
    private int syllablesUntilPause;
    private double pitchStartHz;
    private double pitchEndHz;

    /**
     * @param seed     the same seed gives the same signal
     * @param channels 1 or 2 (the same signal in both)
     */
    public SpeechLikeSource(long seed, int channels) {
        this.channels = AudioFrame.checkChannels(channels);
        this.random = new SplittableRandom(seed);
        this.syllablesUntilPause = 3 + random.nextInt(4);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public boolean read(short[] frame) {
        for (int i = 0; i < AudioFrame.SAMPLES_PER_CHANNEL; i++) {
            if (segmentLeft == 0) {
                nextSegment();
            }
            short s = voiced ? voicedSample() : 0;
            segmentLeft--;
            for (int c = 0; c < channels; c++) {
                frame[i * channels + c] = s;
            }
        }
        return true;
    }

    private void nextSegment() {
        if (voiced) {
            voiced = false;
            boolean pause = --syllablesUntilPause == 0;
            if (pause) {
                syllablesUntilPause = 3 + random.nextInt(4);
            }
            segmentLength = ms(pause ? 400 + random.nextInt(400) : 30 + random.nextInt(90));
        } else {
            voiced = true;
            segmentLength = ms(80 + random.nextInt(220));
            pitchStartHz = 90 + random.nextInt(130);
            pitchEndHz = pitchStartHz * (0.8 + 0.4 * random.nextDouble());
            double[] formants = VOWELS[random.nextInt(VOWELS.length)];
            double pitch = (pitchStartHz + pitchEndHz) / 2;
            double total = 0;
            for (int k = 0; k < MAX_HARMONICS; k++) {
                double f = (k + 1) * pitch;
                double g = 0;
                if (f < 4000) {
                    for (int j = 0; j < formants.length; j++) {
                        double x = (f - formants[j]) / BANDWIDTH_HZ;
                        g += (1.0 / (j + 1)) / (1 + x * x);
                    }
                    g /= (k + 1); // glottal source rolls off about 6 dB per octave
                }
                harmonicGain[k] = g;
                total += g * g / 2;
            }
            // Scale to about -20 dBFS RMS at the envelope's peak.
            double target = 32768 * Math.pow(10, -17.0 / 20);
            double scale = total > 0 ? target / Math.sqrt(total) : 0;
            for (int k = 0; k < MAX_HARMONICS; k++) {
                harmonicGain[k] *= scale;
            }
        }
        segmentLeft = segmentLength;
    }

    private short voicedSample() {
        double progress = 1.0 - (double) segmentLeft / segmentLength;
        double pitch = pitchStartHz + (pitchEndHz - pitchStartHz) * progress;
        double envelope = Math.sin(Math.PI * progress); // rises and falls like a syllable
        double sum = 0;
        for (int k = 0; k < MAX_HARMONICS; k++) {
            if (harmonicGain[k] == 0) {
                continue;
            }
            harmonicPhase[k] += 2 * Math.PI * (k + 1) * pitch / AudioFrame.SAMPLE_RATE;
            if (harmonicPhase[k] > 2 * Math.PI) {
                harmonicPhase[k] -= 2 * Math.PI;
            }
            sum += harmonicGain[k] * Math.sin(harmonicPhase[k]);
        }
        long v = Math.round(sum * envelope);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
    }

    private static int ms(int millis) {
        return AudioFrame.SAMPLE_RATE / 1000 * millis;
    }
}
