package dev.purertc.codec;

/** Measurements on decoded audio, for tests. */
final class SignalMetrics {
    private SignalMetrics() {
    }

    /** The lag in 0..maxLag at which {@code y} best matches {@code x} (y[i + lag] ≈ x[i]). */
    static int delay(short[] x, short[] y, int from, int length, int maxLag) {
        double best = Double.NEGATIVE_INFINITY;
        int bestLag = 0;
        for (int lag = 0; lag <= maxLag; lag++) {
            double xy = 0;
            double yy = 0;
            for (int i = from; i < from + length && i + lag < y.length; i++) {
                xy += (double) x[i] * y[i + lag];
                yy += (double) y[i + lag] * y[i + lag];
            }
            double score = yy == 0 ? 0 : xy / Math.sqrt(yy);
            if (score > best) {
                best = score;
                bestLag = lag;
            }
        }
        return bestLag;
    }

    /** SNR in dB of {@code y} (delayed by {@code lag}) against {@code x}, over x[from, to). */
    static double snrDb(short[] x, short[] y, int lag, int from, int to) {
        double signal = 0;
        double noise = 0;
        for (int i = from; i < to && i + lag < y.length; i++) {
            double d = x[i] - y[i + lag];
            signal += (double) x[i] * x[i];
            noise += d * d;
        }
        return 10 * Math.log10(signal / Math.max(noise, 1e-9));
    }

    static double rms(short[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) x[i] * x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    /** Power spectrum (|X|², Hann window) of x[from, from + size), size a power of two. */
    static double[] powerSpectrum(short[] x, int from, int size) {
        double[] re = new double[size];
        double[] im = new double[size];
        for (int i = 0; i < size; i++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
            re[i] = (from + i < x.length ? x[from + i] : 0) * w;
        }
        fft(re, im);
        double[] p = new double[size / 2 + 1];
        for (int k = 0; k <= size / 2; k++) {
            p[k] = re[k] * re[k] + im[k] * im[k];
        }
        return p;
    }

    /**
     * Ratio in dB of the power within ±{@code halfWidthHz} of {@code frequencyHz} to all other
     * power up to Nyquist (SINAD of a tone), over x[from, from + size).
     */
    static double toneToRestDb(short[] x, int from, int size, int sampleRate, double frequencyHz, double halfWidthHz) {
        double[] p = powerSpectrum(x, from, size);
        double tone = 0;
        double rest = 0;
        for (int k = 1; k < p.length; k++) {
            double f = (double) k * sampleRate / size;
            if (Math.abs(f - frequencyHz) <= halfWidthHz) {
                tone += p[k];
            } else {
                rest += p[k];
            }
        }
        return 10 * Math.log10(tone / Math.max(rest, 1e-9));
    }

    /** Frequency in Hz of the strongest spectral peak (parabolic interpolation between bins). */
    static double dominantFrequency(short[] x, int from, int size, int sampleRate) {
        double[] p = powerSpectrum(x, from, size);
        int k = 1;
        for (int i = 1; i < p.length - 1; i++) {
            if (p[i] > p[k]) {
                k = i;
            }
        }
        double a = Math.log(p[k - 1] + 1e-12);
        double b = Math.log(p[k] + 1e-12);
        double c = Math.log(p[k + 1] + 1e-12);
        double offset = 0.5 * (a - c) / (a - 2 * b + c);
        return (k + offset) * sampleRate / size;
    }

    /**
     * Mean log-spectral distance in dB between x and y (delayed by lag) over frames of 1024
     * samples whose reference power is within 40 dB of the loudest, for bins up to maxHz.
     */
    static double logSpectralDistanceDb(short[] x, short[] y, int lag, int from, int to, int sampleRate, int maxHz) {
        int size = 1024;
        int maxBin = maxHz * size / sampleRate;
        double loudest = 0;
        for (int f = from; f + size <= to; f += size) {
            loudest = Math.max(loudest, rms(x, f, f + size));
        }
        double sum = 0;
        int frames = 0;
        for (int f = from; f + size <= to && f + lag + size <= y.length; f += size) {
            if (rms(x, f, f + size) < loudest / 100) {
                continue;
            }
            double[] px = powerSpectrum(x, f, size);
            double[] py = powerSpectrum(y, f + lag, size);
            double acc = 0;
            for (int k = 1; k <= maxBin; k++) {
                double d = 10 * Math.log10((px[k] + 1e3) / (py[k] + 1e3));
                acc += d * d;
            }
            sum += Math.sqrt(acc / maxBin);
            frames++;
        }
        return sum / Math.max(1, frames);
    }

    private static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            for (int i = 0; i < n; i += len) {
                for (int k = 0; k < len / 2; k++) {
                    double wr = Math.cos(angle * k);
                    double wi = Math.sin(angle * k);
                    int a = i + k;
                    int b = a + len / 2;
                    double xr = re[b] * wr - im[b] * wi;
                    double xi = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - xr;
                    im[b] = im[a] - xi;
                    re[a] += xr;
                    im[a] += xi;
                }
            }
        }
    }
}
