package dev.purertc.audio;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.TargetDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capture on thread {@code purertc-audio-capture}: reads 10 ms at a time from a
 * {@link TargetDataLine}, converts to 48 kHz, and pushes whole 20 ms frames to the sink with a
 * timestamp. Muting keeps the line running and sends silence; the input level meter measures
 * the signal before muting (so a UI can say "you are muted").
 */
final class CaptureStream extends LineStream {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureStream.class);

    private final FrameSink sink;
    private volatile boolean muted;
    private FrameConverter converter;
    private byte[] buffer = new byte[0];
    private int chunkBytes;
    private boolean sinkFailureLogged;

    CaptureStream(int channels, FrameSink sink, LineHost host, AudioSessionConfig config) {
        super("purertc-audio-capture", Direction.INPUT, channels, host, config);
        this.sink = sink;
    }

    void setMuted(boolean muted) {
        this.muted = muted;
    }

    boolean isMuted() {
        return muted;
    }

    @Override
    void opened(OpenedLine line) {
        int rate = Math.round(line.format().getSampleRate());
        int deviceChannels = line.format().getChannels();
        converter = FrameConverter.forCapture(rate, deviceChannels, channels);
        chunkBytes = Math.max(1, rate / 100) * deviceChannels * 2;
        if (buffer.length < chunkBytes) {
            buffer = new byte[chunkBytes];
        }
    }

    @Override
    int transfer(OpenedLine line) {
        int n = ((TargetDataLine) line.line()).read(buffer, 0, chunkBytes);
        if (n <= 0) {
            return 0;
        }
        converter.pushDeviceBytes(buffer, n);
        short[] frame;
        while ((frame = converter.pollFrame()) != null) {
            // The frame ended before the samples still waiting in the converter.
            long timestamp = clock.getAsLong() - converter.pendingSamplesPerChannel() * 1_000_000_000L / AudioFrame.SAMPLE_RATE;
            meter.update(frame);
            if (muted) {
                Arrays.fill(frame, (short) 0);
            }
            try {
                sink.accept(new AudioFrame(frame, channels, timestamp));
            } catch (RuntimeException e) {
                if (!sinkFailureLogged) {
                    LOG.warn("capture sink failed; frames keep coming: {}", e.toString());
                    sinkFailureLogged = true;
                }
            }
        }
        return n;
    }

    @Override
    void idle() {
        LockSupport.parkNanos(AudioFrame.FRAME_MILLIS * 1_000_000L);
    }
}
