package dev.purertc.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The Opus format parameters of an SDP {@code a=fmtp} line (RFC 7587 §6.1), and how the ones a
 * remote party declares bind our encoder.
 *
 * <p>In RFC 7587 each side declares what it wants to <em>receive</em>; so the remote's
 * {@code maxplaybackrate}, {@code maxaveragebitrate}, {@code stereo}, {@code useinbandfec},
 * {@code usedtx} and {@code minptime} constrain what we send ({@link #applyTo}), while
 * {@code sprop-stereo} describes what the remote will send to us ({@link #decoderChannels}).
 * Unknown parameters are ignored (RFC 7587 §6.1: "... MUST be ignored").
 *
 * @param maxPlaybackRate      Hz; 48000 when absent
 * @param spropMaxCaptureRate  Hz; 48000 when absent (informational)
 * @param maxAverageBitrate    bit/s, present only when given within 6000..510000
 * @param stereo               the remote prefers to receive stereo
 * @param spropStereo          the remote will likely send stereo
 * @param useInbandFec         the remote can decode in-band FEC, so we should send it
 * @param useDtx               the remote prefers DTX
 * @param minPtimeMillis       the shortest packet duration the remote accepts, if given
 */
public record OpusFmtp(
        int maxPlaybackRate,
        int spropMaxCaptureRate,
        OptionalInt maxAverageBitrate,
        boolean stereo,
        boolean spropStereo,
        boolean useInbandFec,
        boolean useDtx,
        OptionalInt minPtimeMillis) {

    /** RFC 7587 §6.1 defaults: nothing declared. */
    public static final OpusFmtp DEFAULTS = new OpusFmtp(48000, 48000, OptionalInt.empty(), false, false,
            false, false, OptionalInt.empty());

    public OpusFmtp {
        if (maxPlaybackRate < 8000 || maxPlaybackRate > 48000 || spropMaxCaptureRate < 8000
                || spropMaxCaptureRate > 48000) {
            throw new IllegalArgumentException("rates not in 8000..48000 Hz");
        }
        if (maxAverageBitrate == null || minPtimeMillis == null) {
            throw new IllegalArgumentException("use OptionalInt.empty() for absent values");
        }
        if (maxAverageBitrate.isPresent()
                && (maxAverageBitrate.getAsInt() < 6000 || maxAverageBitrate.getAsInt() > 510_000)) {
            throw new IllegalArgumentException("maxaveragebitrate not in 6000..510000");
        }
        if (minPtimeMillis.isPresent() && (minPtimeMillis.getAsInt() < 3 || minPtimeMillis.getAsInt() > 120)) {
            throw new IllegalArgumentException("minptime not in 3..120 ms");
        }
    }

    /**
     * Parses the parameter list of an fmtp line, the part after {@code "a=fmtp:111 "}, e.g.
     * {@code "minptime=10;useinbandfec=1"}. Names are case-insensitive; spaces around {@code ;} and
     * {@code =} are tolerated. Out-of-range rates and bitrates are clamped or ignored as RFC 7587
     * §6.1 says; a value that is not a number, or a flag that is not 0 or 1, is an error.
     *
     * @throws CodecFormatException naming the parameter and the offending value
     */
    public static OpusFmtp parse(String parameters) throws CodecFormatException {
        int maxPlaybackRate = 48000;
        int spropMaxCaptureRate = 48000;
        OptionalInt maxAverageBitrate = OptionalInt.empty();
        boolean stereo = false;
        boolean spropStereo = false;
        boolean fec = false;
        boolean dtx = false;
        OptionalInt minPtime = OptionalInt.empty();
        if (parameters == null) {
            throw new CodecFormatException("fmtp", "no parameter list");
        }
        for (String item : parameters.split(";")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq < 0) {
                continue; // a bare token carries nothing for Opus; ignored like unknown parameters
            }
            String name = trimmed.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = trimmed.substring(eq + 1).trim();
            switch (name) {
                case "maxplaybackrate" -> maxPlaybackRate = clampRate(number(name, value));
                case "sprop-maxcapturerate" -> spropMaxCaptureRate = clampRate(number(name, value));
                case "maxaveragebitrate" -> {
                    long v = number(name, value);
                    // RFC 7587 §6.1: values outside 6000..510000 SHOULD be ignored.
                    maxAverageBitrate = v >= 6000 && v <= 510_000 ? OptionalInt.of((int) v) : OptionalInt.empty();
                }
                case "stereo" -> stereo = flag(name, value);
                case "sprop-stereo" -> spropStereo = flag(name, value);
                case "useinbandfec" -> fec = flag(name, value);
                case "usedtx" -> dtx = flag(name, value);
                case "minptime" -> {
                    long v = number(name, value);
                    minPtime = v >= 3 && v <= 120 ? OptionalInt.of((int) v) : OptionalInt.empty();
                }
                default -> {
                    // RFC 7587 §6.1 / RFC 8866: unknown parameters are ignored.
                }
            }
        }
        return new OpusFmtp(maxPlaybackRate, spropMaxCaptureRate, maxAverageBitrate, stereo, spropStereo,
                fec, dtx, minPtime);
    }

    private static long number(String name, String value) throws CodecFormatException {
        if (value.isEmpty() || value.length() > 10 || !value.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new CodecFormatException("fmtp " + name, "value '" + value + "' is not a decimal number");
        }
        return Long.parseLong(value);
    }

    private static boolean flag(String name, String value) throws CodecFormatException {
        if (value.equals("0")) {
            return false;
        }
        if (value.equals("1")) {
            return true;
        }
        throw new CodecFormatException("fmtp " + name, "value '" + value + "' is not 0 or 1");
    }

    /** RFC 7587 §6.1: rates are 8000..48000; a value outside means the nearest end. */
    private static int clampRate(long rate) {
        return (int) Math.max(8000, Math.min(48000, rate));
    }

    /** Formats as an fmtp parameter list, only the values that differ from {@link #DEFAULTS}; {@code parse(format())} equals this. */
    public String format() {
        List<String> items = new ArrayList<>();
        if (maxPlaybackRate != 48000) {
            items.add("maxplaybackrate=" + maxPlaybackRate);
        }
        if (spropMaxCaptureRate != 48000) {
            items.add("sprop-maxcapturerate=" + spropMaxCaptureRate);
        }
        maxAverageBitrate.ifPresent(v -> items.add("maxaveragebitrate=" + v));
        if (stereo) {
            items.add("stereo=1");
        }
        if (spropStereo) {
            items.add("sprop-stereo=1");
        }
        if (useInbandFec) {
            items.add("useinbandfec=1");
        }
        if (useDtx) {
            items.add("usedtx=1");
        }
        minPtimeMillis.ifPresent(v -> items.add("minptime=" + v));
        return String.join(";", items);
    }

    /**
     * Our encoder settings as bound by what the remote declared it wants to receive:
     * <ul>
     *   <li>{@code maxplaybackrate} caps the coded bandwidth;</li>
     *   <li>{@code maxaveragebitrate} caps the bitrate;</li>
     *   <li>{@code stereo=0} (the default) codes mono even from stereo input;</li>
     *   <li>{@code useinbandfec} and {@code usedtx} switch FEC and DTX;</li>
     *   <li>{@code minptime} raises the frame duration to the next of 10/20/40/60 ms.</li>
     * </ul>
     */
    public OpusEncoderConfig applyTo(OpusEncoderConfig base) {
        AudioBandwidth cap = AudioBandwidth.forPlaybackRate(maxPlaybackRate);
        AudioBandwidth bandwidth = cap.compareTo(base.maxBandwidth()) < 0 ? cap : base.maxBandwidth();
        int bitrate = maxAverageBitrate.isPresent() ? Math.min(base.bitrate(), maxAverageBitrate.getAsInt())
                : base.bitrate();
        int frame = base.frameDurationMillis();
        if (minPtimeMillis.isPresent()) {
            for (int candidate : new int[] {10, 20, 40, 60}) {
                if (candidate >= minPtimeMillis.getAsInt() && candidate >= frame) {
                    frame = candidate;
                    break;
                }
                if (candidate == 60) {
                    frame = 60;
                }
            }
        }
        return base.withMaxBandwidth(bandwidth)
                .withBitrate(bitrate)
                .withForceMono(!stereo)
                .withInbandFec(useInbandFec, base.expectedLossPercent())
                .withDtx(useDtx)
                .withFrameDurationMillis(frame);
    }

    /**
     * Channels worth decoding the remote's stream to: 2 only if it will send stereo
     * ({@code sprop-stereo=1}) and the playback device is stereo.
     */
    public int decoderChannels(int playbackChannels) {
        return spropStereo && playbackChannels == 2 ? 2 : 1;
    }
}
