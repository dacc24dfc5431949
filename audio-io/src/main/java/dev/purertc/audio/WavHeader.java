package dev.purertc.audio;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The header of a 16-bit PCM WAV file (RIFF/WAVE with a {@code fmt } and a {@code data} chunk).
 *
 * @param sampleRate  Hz, 1..768000
 * @param channels    1..16
 * @param dataOffset  byte offset of the first sample in the file
 * @param dataLength  bytes of samples (a whole number of frames)
 */
public record WavHeader(int sampleRate, int channels, long dataOffset, long dataLength) {
    /** Bytes {@link #writeTo} writes: the canonical 44-byte header. */
    public static final int CANONICAL_LENGTH = 44;
    private static final int PCM = 1;
    private static final int EXTENSIBLE = 0xFFFE;

    public WavHeader {
        if (sampleRate < 1 || sampleRate > 768_000) {
            throw new IllegalArgumentException("sample rate not in 1..768000 Hz: " + sampleRate);
        }
        if (channels < 1 || channels > 16) {
            throw new IllegalArgumentException("channels not in 1..16: " + channels);
        }
        if (dataOffset < 0 || dataLength < 0 || dataLength > 0xFFFF_FFFFL || dataLength % (2L * channels) != 0) {
            throw new IllegalArgumentException("data " + dataLength + " bytes at " + dataOffset
                    + " is not whole 16-bit frames of " + channels + " channels in a 4 GiB file");
        }
    }

    /** Header for {@code dataLength} bytes of samples right after a canonical header. */
    public static WavHeader canonical(int sampleRate, int channels, long dataLength) {
        return new WavHeader(sampleRate, channels, CANONICAL_LENGTH, dataLength);
    }

    /**
     * Reads a header from the start of a file. Chunks other than {@code fmt } and {@code data} are
     * skipped. A {@code data} length beyond the end of {@code file} (streams written without a
     * final length often say 0 or 0xFFFFFFFF) is cut to the bytes present when {@code fileLength}
     * is known.
     *
     * @param file       the file's first bytes (at least up to the {@code data} chunk header);
     *                   read from its position, which is left unspecified
     * @param fileLength the whole file's length in bytes, or -1 if unknown
     * @throws WavFormatException for anything but a 16-bit PCM WAV header
     */
    public static WavHeader parse(ByteBuffer file, long fileLength) throws WavFormatException {
        ByteBuffer b = file.slice().order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (b.remaining() < 12 || b.getInt(0) != fourcc("RIFF") || b.getInt(8) != fourcc("WAVE")) {
                throw new WavFormatException(0, "not a RIFF/WAVE file");
            }
            b.position(12);
            int rate = -1;
            int channels = -1;
            while (true) {
                long chunkAt = b.position();
                if (b.remaining() < 8) {
                    throw new WavFormatException(chunkAt, rate < 0 ? "no fmt chunk before the end" : "no data chunk before the end");
                }
                int id = b.getInt();
                long size = Integer.toUnsignedLong(b.getInt());
                if (id == fourcc("fmt ")) {
                    if (size < 16 || size > b.remaining()) {
                        throw new WavFormatException(chunkAt, "fmt: chunk of " + size + " bytes is not 16.." + b.remaining());
                    }
                    int tag = Short.toUnsignedInt(b.getShort(b.position()));
                    channels = Short.toUnsignedInt(b.getShort(b.position() + 2));
                    rate = b.getInt(b.position() + 4);
                    int blockAlign = Short.toUnsignedInt(b.getShort(b.position() + 12));
                    int bits = Short.toUnsignedInt(b.getShort(b.position() + 14));
                    if (tag == EXTENSIBLE) {
                        if (size < 40) {
                            throw new WavFormatException(chunkAt, "fmt: extensible format in " + size + " bytes, not 40");
                        }
                        tag = Short.toUnsignedInt(b.getShort(b.position() + 24)); // SubFormat GUID's first two bytes
                    }
                    if (tag != PCM) {
                        throw new WavFormatException(chunkAt + 8, "fmt: format tag " + tag
                                + " is not PCM (1) or extensible PCM (0xFFFE)");
                    }
                    if (bits != 16) {
                        throw new WavFormatException(chunkAt + 22, "fmt: " + bits + " bits per sample; only 16-bit PCM is read");
                    }
                    if (channels < 1 || channels > 16) {
                        throw new WavFormatException(chunkAt + 10, "fmt: " + channels + " channels is not 1..16");
                    }
                    if (rate < 1 || rate > 768_000) {
                        throw new WavFormatException(chunkAt + 12, "fmt: sample rate " + Integer.toUnsignedString(rate)
                                + " Hz is not 1..768000");
                    }
                    if (blockAlign != 2 * channels) {
                        throw new WavFormatException(chunkAt + 20, "fmt: block align " + blockAlign + " is not "
                                + 2 * channels + " for " + channels + " 16-bit channels");
                    }
                } else if (id == fourcc("data")) {
                    if (rate < 0) {
                        throw new WavFormatException(chunkAt, "data chunk before the fmt chunk");
                    }
                    long dataOffset = chunkAt + 8;
                    long length = size;
                    if (fileLength >= 0) {
                        length = Math.min(length, Math.max(0, fileLength - dataOffset));
                    }
                    length -= length % (2L * channels);
                    return new WavHeader(rate, channels, dataOffset, length);
                }
                // RIFF chunks are padded to even sizes.
                long skip = size + (size & 1);
                if (skip > b.remaining()) {
                    throw new WavFormatException(chunkAt, "chunk of " + size + " bytes runs past the " + b.limit()
                            + " bytes read before any data chunk");
                }
                b.position((int) (b.position() + skip));
            }
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new WavFormatException(b.position(), "header truncated");
        }
    }

    /** Writes the canonical 44-byte header for this format and data length; returns 44. */
    public int writeTo(ByteBuffer out) {
        ByteBuffer b = out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(fourcc("RIFF")).putInt((int) (36 + dataLength)).putInt(fourcc("WAVE"));
        b.putInt(fourcc("fmt ")).putInt(16).putShort((short) PCM).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
        b.putInt(fourcc("data")).putInt((int) dataLength);
        out.position(out.position() + CANONICAL_LENGTH);
        return CANONICAL_LENGTH;
    }

    private static int fourcc(String s) {
        return (s.charAt(0)) | (s.charAt(1) << 8) | (s.charAt(2) << 16) | (s.charAt(3) << 24);
    }
}
