package dev.purertc.audio;

/** Signal measurements for tests. */
final class Signals {
    private Signals() {
    }

    /** One channel of interleaved samples. */
    static short[] channel(short[] interleaved, int channels, int channel) {
        short[] out = new short[interleaved.length / channels];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[i * channels + channel];
        }
        return out;
    }

    /**
     * Frequency from the positive-going zero crossings (linearly interpolated) between the first
     * and the last one; accurate to a small fraction of a hertz for a clean tone over a second.
     */
    static double frequencyHz(short[] x, int rate) {
        double first = -1;
        double last = -1;
        int crossings = 0;
        for (int i = 1; i < x.length; i++) {
            if (x[i - 1] < 0 && x[i] >= 0) {
                double t = (i - 1) + (double) -x[i - 1] / (x[i] - x[i - 1]);
                if (first < 0) {
                    first = t;
                }
                last = t;
                crossings++;
            }
        }
        if (crossings < 2) {
            return 0;
        }
        return (crossings - 1) * rate / (last - first);
    }
}
