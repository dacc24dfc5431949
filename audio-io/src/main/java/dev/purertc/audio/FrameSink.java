package dev.purertc.audio;

/**
 * Where capture delivers its audio: the encoder of a call, a file, a test.
 *
 * <p>Threading: called on the capture thread ({@code purertc-audio-capture}), one frame at a time;
 * it must return quickly (hand the frame on) or capture falls behind.
 */
@FunctionalInterface
public interface FrameSink {
    /** Takes a captured frame; the sink owns it. */
    void accept(AudioFrame frame);
}
