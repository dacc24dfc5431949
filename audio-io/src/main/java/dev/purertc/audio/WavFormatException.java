package dev.purertc.audio;

/**
 * A WAV file this layer cannot read: not RIFF/WAVE, a truncated or inconsistent chunk, or a
 * format other than 16-bit PCM. The message says at which byte offset and why, e.g.
 * {@code byte 20: fmt: format tag 3 is not PCM (1) or extensible PCM (0xFFFE)}. The only
 * exception {@link WavHeader#parse} throws on any input.
 */
public final class WavFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public WavFormatException(long offset, String why) {
        super("byte " + offset + ": " + why);
        this.offset = offset;
    }

    /** Byte offset in the file where the problem is. */
    public long offset() {
        return offset;
    }
}
