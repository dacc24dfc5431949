package dev.purertc.audio;

import java.util.Objects;

/**
 * One 20 ms frame of 48 kHz 16-bit PCM, interleaved when stereo: the unit capture pushes and
 * playback pulls. Being a record over an array, two frames are equal only when they share the
 * array; compare {@link #samples()} with {@link java.util.Arrays#equals(short[], short[])}.
 *
 * @param samples         {@link #SAMPLES_PER_CHANNEL} × {@code channels} samples, interleaved;
 *                        the receiver owns the array (capture allocates one per frame)
 * @param channels        1 or 2
 * @param timestampNanos  for captured frames: the session clock's reading when the frame's last
 *                        sample came out of the line (nanoseconds of the injected clock, e.g.
 *                        {@link System#nanoTime()}); 0 where no clock applies
 */
public record AudioFrame(short[] samples, int channels, long timestampNanos) {
    /** Hz. */
    public static final int SAMPLE_RATE = 48_000;
    /** Frame duration. */
    public static final int FRAME_MILLIS = 20;
    /** 960: samples per channel in one frame. */
    public static final int SAMPLES_PER_CHANNEL = SAMPLE_RATE * FRAME_MILLIS / 1000;

    public AudioFrame {
        Objects.requireNonNull(samples, "samples");
        checkChannels(channels);
        if (samples.length != SAMPLES_PER_CHANNEL * channels) {
            throw new IllegalArgumentException("a " + channels + "-channel frame has " + SAMPLES_PER_CHANNEL * channels
                    + " samples, not " + samples.length);
        }
    }

    /** Rejects channel counts other than 1 and 2. */
    static int checkChannels(int channels) {
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
        return channels;
    }
}
