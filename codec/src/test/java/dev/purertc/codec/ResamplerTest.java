package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measures the resampler's passband ripple and aliasing with sine probes. The measured figures
 * are printed and quoted in the package documentation; the asserted bounds are the design's.
 */
class ResamplerTest {

    /** Gain in dB of a sine of {@code hz} through the resampler, measured on a steady stretch. */
    static double gainDb(int in, int out, double hz) {
        Resampler resampler = new Resampler(in, 1, out, 1);
        short[] x = TestSignals.tone(in, hz, 0.5, in); // one second
        short[] y = resampler.process(x);
        double rmsIn = SignalMetrics.rms(x, in / 4, in * 3 / 4);
        double rmsOut = SignalMetrics.rms(y, out / 4, out * 3 / 4);
        return 20 * Math.log10(rmsOut / rmsIn);
    }

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"48000, 8000", "8000, 48000", "48000, 16000", "16000, 48000", "44100, 48000", "48000, 44100",
        "16000, 8000", "44100, 16000"})
    void passbandIsFlatAndEverythingThatWouldAliasIsSuppressed(int in, int out) {
        int lower = Math.min(in, out);
        double worstRipple = 0;
        for (double f = 100; f <= 0.43 * lower; f += lower / 97.0) {
            worstRipple = Math.max(worstRipple, Math.abs(gainDb(in, out, f)));
        }
        double worstAlias = -200;
        if (in > out) {
            // Input tones above the output Nyquist would fold back into the output band.
            for (double f = 0.5 * out + 50; f < 0.5 * in; f += in / 61.0) {
                worstAlias = Math.max(worstAlias, gainDb(in, out, f));
            }
        } else {
            // Upsampling: a tone's images lie above the input Nyquist; measure output power there.
            Resampler resampler = new Resampler(in, 1, out, 1);
            short[] y = resampler.process(TestSignals.tone(in, 0.3 * in, 0.5, in));
            double[] p = SignalMetrics.powerSpectrum(y, out / 4, 16384);
            double total = 0;
            double images = 0;
            for (int k = 0; k < p.length; k++) {
                total += p[k];
                if ((double) k * out / 16384 > 0.5 * in + 200) {
                    images += p[k];
                }
            }
            worstAlias = 10 * Math.log10(Math.max(images, 1e-3) / total);
        }
        System.out.printf("%d -> %d Hz: %d taps/phase, passband ripple ±%.4f dB, worst alias/image %.1f dB%n",
                in, out, new Resampler(in, 1, out, 1).tapsPerPhase(), worstRipple, worstAlias);
        assertTrue(worstRipple < 0.05, "ripple " + worstRipple + " dB");
        assertTrue(worstAlias < -70, "alias " + worstAlias + " dB");
    }

    @Test
    void chunkingDoesNotChangeTheOutput() {
        short[] x = TestSignals.speechLike(44100, 0.5, 9);
        short[] whole = new Resampler(44100, 1, 48000, 1).process(x);
        Resampler chunked = new Resampler(44100, 1, 48000, 1);
        short[] joined = new short[whole.length];
        int at = 0;
        int written = 0;
        int[] sizes = {1, 7, 441, 100, 3, 1000};
        for (int i = 0; at < x.length; i++) {
            int n = Math.min(sizes[i % sizes.length], x.length - at);
            short[] part = new short[n];
            System.arraycopy(x, at, part, 0, n);
            short[] y = chunked.process(part);
            System.arraycopy(y, 0, joined, written, y.length);
            written += y.length;
            at += n;
        }
        assertEquals(whole.length, written);
        assertArrayEquals(whole, joined);
    }

    @Test
    void stereoToMonoAveragesAndMonoToStereoDuplicates() {
        Resampler down = new Resampler(48000, 2, 48000, 1);
        assertArrayEquals(new short[] {150, -50}, down.process(new short[] {100, 200, -100, 0}));
        Resampler up = new Resampler(48000, 1, 48000, 2);
        assertArrayEquals(new short[] {7, 7, -3, -3}, up.process(new short[] {7, -3}));
        Resampler both = new Resampler(48000, 2, 16000, 2);
        short[] y = both.process(new short[960 * 2]);
        assertEquals(320 * 2, y.length);
    }

    @Test
    void groupDelayIsAboutHalfTheFilter() {
        Resampler resampler = new Resampler(48000, 1, 8000, 1);
        short[] x = TestSignals.speechLike(48000, 1.0, 4);
        short[] y = resampler.process(x);
        short[] reference = new short[y.length];
        for (int i = 0; i < y.length; i++) {
            reference[i] = x[i * 6];
        }
        int lag = SignalMetrics.delay(reference, y, 1000, 4000, 100);
        System.out.printf("48000 -> 8000 group delay: %d output samples%n", lag);
        assertEquals(resampler.tapsPerPhase() / 2 / 6.0, lag, 2.0);
    }
}
