package dev.purertc.audio;

/**
 * One PCM format a device offers.
 *
 * @param sampleRate     Hz, or {@link #ANY_RATE} when the device takes any rate (javax.sound's
 *                       {@code NOT_SPECIFIED})
 * @param channels       1 or more
 * @param sampleSizeBits bits per sample, 8..32
 */
public record SupportedFormat(int sampleRate, int channels, int sampleSizeBits) {
    /** The device accepts any sample rate. */
    public static final int ANY_RATE = 0;

    public SupportedFormat {
        if (sampleRate < 0 || sampleRate > 768_000) {
            throw new IllegalArgumentException("sample rate not in 0..768000 Hz: " + sampleRate);
        }
        if (channels < 1 || channels > 64) {
            throw new IllegalArgumentException("channels not in 1..64: " + channels);
        }
        if (sampleSizeBits < 8 || sampleSizeBits > 32) {
            throw new IllegalArgumentException("sample size not in 8..32 bits: " + sampleSizeBits);
        }
    }

    /** {@code 48000 Hz/2 ch/16 bit}, or {@code any rate/2 ch/16 bit}. */
    public String format() {
        return (sampleRate == ANY_RATE ? "any rate" : sampleRate + " Hz") + "/" + channels + " ch/" + sampleSizeBits + " bit";
    }

    @Override
    public String toString() {
        return format();
    }
}
