package dev.purertc.audio;

import dev.purertc.codec.Resampler;
import java.util.Arrays;

/**
 * Converts between a device's 16-bit little-endian PCM and 48 kHz frames, through the codec
 * layer's {@link Resampler} when the rate or channel count differ, and collects device-sized
 * chunks into whole 20 ms frames (capture).
 *
 * <p>Threading: one per stream, used by its audio thread only.
 */
final class FrameConverter {
    private final int deviceChannels;
    private final int frameChannels;
    private final Resampler resampler;
    private short[] pending = new short[AudioFrame.SAMPLES_PER_CHANNEL * 4];
    private int pendingLength;

    /**
     * @param resampler device → frame rate (capture) or frame → device rate (playback); null when
     *                  the device runs at 48 kHz with the frames' channel count
     */
    private FrameConverter(int deviceChannels, int frameChannels, Resampler resampler) {
        this.deviceChannels = deviceChannels;
        this.frameChannels = frameChannels;
        this.resampler = resampler;
    }

    static FrameConverter forCapture(int deviceRate, int deviceChannels, int frameChannels) {
        boolean same = deviceRate == AudioFrame.SAMPLE_RATE && deviceChannels == frameChannels;
        return new FrameConverter(deviceChannels, frameChannels,
                same ? null : new Resampler(deviceRate, deviceChannels, AudioFrame.SAMPLE_RATE, frameChannels));
    }

    static FrameConverter forPlayback(int deviceRate, int deviceChannels, int frameChannels) {
        boolean same = deviceRate == AudioFrame.SAMPLE_RATE && deviceChannels == frameChannels;
        return new FrameConverter(deviceChannels, frameChannels,
                same ? null : new Resampler(AudioFrame.SAMPLE_RATE, frameChannels, deviceRate, deviceChannels));
    }

    /** Capture: takes {@code length} bytes read from the device (whole device frames). */
    void pushDeviceBytes(byte[] bytes, int length) {
        int samples = length / 2;
        short[] in = new short[samples - samples % deviceChannels];
        for (int i = 0; i < in.length; i++) {
            in[i] = (short) ((bytes[2 * i] & 0xFF) | (bytes[2 * i + 1] << 8));
        }
        short[] out = resampler == null ? in : resampler.process(in);
        if (pendingLength + out.length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + out.length));
        }
        System.arraycopy(out, 0, pending, pendingLength, out.length);
        pendingLength += out.length;
    }

    /** Capture: the next whole frame's samples, or null when less than a frame is collected. */
    short[] pollFrame() {
        int need = AudioFrame.SAMPLES_PER_CHANNEL * frameChannels;
        if (pendingLength < need) {
            return null;
        }
        short[] frame = Arrays.copyOf(pending, need);
        System.arraycopy(pending, need, pending, 0, pendingLength - need);
        pendingLength -= need;
        return frame;
    }

    /** Capture: samples per channel collected but not yet in a frame. */
    int pendingSamplesPerChannel() {
        return pendingLength / frameChannels;
    }

    /** Playback: a frame as device bytes (new array). */
    byte[] toDeviceBytes(short[] frame) {
        short[] out = resampler == null ? frame : resampler.process(frame);
        byte[] bytes = new byte[out.length * 2];
        for (int i = 0; i < out.length; i++) {
            bytes[2 * i] = (byte) out[i];
            bytes[2 * i + 1] = (byte) (out[i] >> 8);
        }
        return bytes;
    }
}
