package dev.purertc.codec;

/**
 * The codec layer's one parse exception: a payload, packet header or fmtp line that does not
 * follow its format. The message says where (byte offset, or fmtp parameter) and why, e.g.
 * {@code "byte 1: Opus code 3 frame count 0 is not in 1..48"}.
 *
 * <p>Decoders never let this escape: they conceal the frame and count it (see
 * {@link DecoderStatistics#corruptPayloads()}). It is thrown only by the explicit parsers
 * ({@link OpusPacketHeader#parse}, {@link TelephoneEvent#parse}, {@link OpusFmtp#parse}).
 */
public final class CodecFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String where;

    /**
     * @param where the location, e.g. {@code "byte 3"} or {@code "fmtp maxplaybackrate"}
     * @param why   what is wrong there
     */
    public CodecFormatException(String where, String why) {
        super(where + ": " + why);
        this.where = where;
    }

    /** The location of the problem, e.g. {@code "byte 3"} or {@code "fmtp minptime"}. */
    public String where() {
        return where;
    }
}
