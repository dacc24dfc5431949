package dev.purertc.audio;

import dev.purertc.codec.Resampler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Plays a 16-bit PCM WAV file as 20 ms frames at 48 kHz. A file at another rate or channel count
 * goes through the codec layer's {@link Resampler}; a 48 kHz file with the source's channel count
 * comes out bit-exact. Optionally loops; otherwise it ends with the file (the last frame padded
 * with silence).
 *
 * <p>Threading: one reader at a time. Reads the file as it plays (10 ms at a time), not at once.
 */
public final class WavFileSource implements FrameSource {
    /** A header (with any chunks before the samples) must lie within the file's first 64 KiB. */
    private static final int HEADER_PROBE_BYTES = 64 * 1024;

    private final FileChannel file;
    private final WavHeader header;
    private final int channels;
    private final boolean loop;
    private final Resampler resampler;
    private final ByteBuffer chunk;
    private long position;
    private short[] pending = new short[0];
    private int pendingStart;
    private boolean ended;
    private boolean closed;

    /**
     * @param path     a 16-bit PCM WAV file, any rate and 1 or 2 channels
     * @param channels channels of the frames produced, 1 or 2
     * @param loop     start again at the end instead of ending
     * @throws IOException        if the file cannot be read
     * @throws WavFormatException if it is not a 16-bit PCM WAV file with 1 or 2 channels
     */
    public WavFileSource(Path path, int channels, boolean loop) throws IOException, WavFormatException {
        this.channels = AudioFrame.checkChannels(channels);
        this.loop = loop;
        FileChannel f = FileChannel.open(path, StandardOpenOption.READ);
        try {
            ByteBuffer probe = ByteBuffer.allocate((int) Math.min(HEADER_PROBE_BYTES, f.size()));
            while (probe.hasRemaining() && f.read(probe, probe.position()) > 0) {
                // positional reads until the probe is full or the file ends
            }
            probe.flip();
            this.header = WavHeader.parse(probe, f.size());
            if (header.channels() > 2) {
                throw new WavFormatException(22, "fmt: " + header.channels() + " channels; only mono and stereo files are played");
            }
        } catch (IOException | WavFormatException | RuntimeException e) {
            f.close();
            throw e;
        }
        this.file = f;
        this.position = header.dataOffset();
        boolean same = header.sampleRate() == AudioFrame.SAMPLE_RATE && header.channels() == channels;
        this.resampler = same ? null
                : new Resampler(header.sampleRate(), header.channels(), AudioFrame.SAMPLE_RATE, channels);
        int bytesPer10Ms = Math.max(1, header.sampleRate() / 100) * 2 * header.channels();
        this.chunk = ByteBuffer.allocate(bytesPer10Ms).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The file's own format. */
    public WavHeader header() {
        return header;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public boolean read(short[] frame) {
        int need = AudioFrame.SAMPLES_PER_CHANNEL * channels;
        int filled = 0;
        while (filled < need) {
            if (pendingStart == pending.length) {
                if (!refill()) {
                    Arrays.fill(frame, filled, need, (short) 0);
                    return filled > 0;
                }
                continue;
            }
            int n = Math.min(need - filled, pending.length - pendingStart);
            System.arraycopy(pending, pendingStart, frame, filled, n);
            pendingStart += n;
            filled += n;
        }
        return true;
    }

    /** Reads the next 10 ms of the file into {@code pending}; false at the end of a non-looping file. */
    private boolean refill() {
        if (ended || closed) {
            return false;
        }
        long end = header.dataOffset() + header.dataLength();
        if (position >= end) {
            if (!loop || header.dataLength() == 0) {
                ended = true;
                return false;
            }
            position = header.dataOffset();
        }
        chunk.clear();
        chunk.limit((int) Math.min(chunk.capacity(), end - position));
        try {
            while (chunk.hasRemaining()) {
                int n = file.read(chunk, position + chunk.position());
                if (n < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading WAV data at byte " + position, e);
        }
        chunk.flip();
        int usable = chunk.remaining() - chunk.remaining() % (2 * header.channels());
        if (usable == 0) {
            ended = true;
            return false;
        }
        position += usable;
        short[] samples = new short[usable / 2];
        chunk.asShortBuffer().get(samples);
        pending = resampler == null ? samples : resampler.process(samples);
        pendingStart = 0;
        return true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                file.close();
            } catch (IOException e) {
                // Nothing is lost when closing a file only read from.
            }
        }
    }
}
