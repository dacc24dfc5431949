package dev.purertc.audio;

import java.util.Arrays;

/** A source of digital silence that never ends. */
public final class SilenceSource implements FrameSource {
    private final int channels;

    /** @param channels 1 or 2 */
    public SilenceSource(int channels) {
        this.channels = AudioFrame.checkChannels(channels);
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public boolean read(short[] frame) {
        Arrays.fill(frame, (short) 0);
        return true;
    }
}
