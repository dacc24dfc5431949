package dev.purertc.audio;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.SourceDataLine;

/**
 * Playback on thread {@code purertc-audio-playback}: pulls one 20 ms frame from the source,
 * converts it to the device format and writes it to a {@link SourceDataLine}. The write blocks
 * while the line's buffer is full, so the device's clock paces the pulls. While no line is open
 * (no device, sound server down) it keeps pulling one frame per 20 ms of wall time and drops it,
 * so the source (a jitter buffer) keeps draining instead of piling up.
 */
final class PlaybackStream extends LineStream {
    private final FrameSource source;
    private final short[] frame;
    private FrameConverter converter;
    private long framesSinceOpen;

    PlaybackStream(FrameSource source, LineHost host, AudioSessionConfig config) {
        super("purertc-audio-playback", Direction.OUTPUT, source.channels(), host, config);
        this.source = source;
        this.frame = new short[AudioFrame.SAMPLES_PER_CHANNEL * source.channels()];
    }

    @Override
    void opened(OpenedLine line) {
        converter = FrameConverter.forPlayback(Math.round(line.format().getSampleRate()), line.format().getChannels(),
                channels);
        framesSinceOpen = 0;
    }

    @Override
    int transfer(OpenedLine line) {
        pull();
        byte[] bytes = converter.toDeviceBytes(frame);
        int written = ((SourceDataLine) line.line()).write(bytes, 0, bytes.length);
        framesSinceOpen++;
        // A dead device may swallow writes without blocking: never run ahead of real time by more
        // than the line buffer, so the source is not drained at CPU speed.
        long aheadNanos = framesSinceOpen * AudioFrame.FRAME_MILLIS * 1_000_000L
                - (clock.getAsLong() - openedAtNanos()) - (bufferMillis() + 100) * 1_000_000L;
        if (aheadNanos > 0) {
            LockSupport.parkNanos(aheadNanos);
        }
        return written;
    }

    private void pull() {
        try {
            source.read(frame);
        } catch (RuntimeException e) {
            Arrays.fill(frame, (short) 0);
        }
        meter.update(frame);
    }

    @Override
    void idle() {
        pull();
        LockSupport.parkNanos(AudioFrame.FRAME_MILLIS * 1_000_000L);
    }
}
