package dev.purertc.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records frames into a 16-bit PCM WAV file at 48 kHz, bit-exact. The header's lengths are
 * written when the sink is closed; a file cut off before that still reads (its data length says 0
 * and {@link WavHeader#parse} takes the bytes present).
 *
 * <p>Threading: {@link #accept} from one thread (capture); {@link #close} from any, once frames
 * stop. Writes each frame as it comes (1920 bytes per mono frame).
 */
public final class WavFileSink implements FrameSink, AutoCloseable {
    private final FileChannel file;
    private final int channels;
    private final ByteBuffer buffer;
    private long dataBytes;
    private boolean closed;

    /**
     * Creates or truncates the file.
     *
     * @param channels 1 or 2; frames of another channel count are rejected
     */
    public WavFileSink(Path path, int channels) throws IOException {
        this.channels = AudioFrame.checkChannels(channels);
        this.file = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        this.buffer = ByteBuffer.allocate(AudioFrame.SAMPLES_PER_CHANNEL * 2 * 2).order(ByteOrder.LITTLE_ENDIAN);
        writeHeader();
    }

    /**
     * Appends a frame.
     *
     * @throws IllegalArgumentException if the frame's channel count differs from the file's
     * @throws IllegalStateException    after close
     * @throws UncheckedIOException     if writing fails (disk full)
     */
    @Override
    public synchronized void accept(AudioFrame frame) {
        if (closed) {
            throw new IllegalStateException("WAV sink is closed");
        }
        if (frame.channels() != channels) {
            throw new IllegalArgumentException("frame has " + frame.channels() + " channels; the file " + channels);
        }
        buffer.clear();
        buffer.asShortBuffer().put(frame.samples());
        buffer.limit(frame.samples().length * 2);
        try {
            while (buffer.hasRemaining()) {
                // A positional write advances the buffer by what it wrote, so this offset follows it.
                file.write(buffer, WavHeader.CANONICAL_LENGTH + dataBytes + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing WAV data", e);
        }
        dataBytes += frame.samples().length * 2L;
    }

    /** Bytes of samples written so far. */
    public synchronized long dataBytes() {
        return dataBytes;
    }

    private void writeHeader() throws IOException {
        ByteBuffer h = ByteBuffer.allocate(WavHeader.CANONICAL_LENGTH);
        // RIFF sizes are 32-bit: past 4 GiB the header says the most it can and readers take what is there.
        long max = 0xFFFF_FFFFL - 36;
        WavHeader.canonical(AudioFrame.SAMPLE_RATE, channels, Math.min(dataBytes, max - max % (2L * channels))).writeTo(h);
        h.flip();
        while (h.hasRemaining()) {
            file.write(h, h.position());
        }
    }

    /** Writes the final lengths into the header and closes the file. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            writeHeader();
        } finally {
            file.close();
        }
    }
}
