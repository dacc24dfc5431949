package dev.purertc.codec;

import io.github.jaredmdobson.concentus.OpusApplication;
import io.github.jaredmdobson.concentus.OpusBandwidth;
import io.github.jaredmdobson.concentus.OpusException;
import io.github.jaredmdobson.concentus.OpusSignal;

import java.util.Arrays;

/**
 * Opus encoder (RFC 6716) over Concentus, the pure-Java port of libopus 1.1.2.
 *
 * <p>Each {@link #encode(short[])} call takes one frame of {@link OpusEncoderConfig#frameDurationMillis()}
 * and returns one packet for one RTP payload (RFC 7587). What the encoder decided is readable
 * afterwards: {@link #lastPacketHeader()} (mode, bandwidth, FEC) and {@link #lastPacketWasDtx()}.
 *
 * <p>Threading: not thread-safe; one per outgoing stream. Buffers: {@code pcm} is only read;
 * the returned packet is new.
 */
public final class OpusEncoder implements AudioEncoder {

    /** RFC 6716 §3.2.1 / libopus recommendation: 1275 bytes per frame, times 3 for 60 ms. */
    private static final int MAX_PACKET_BYTES = 4000;

    private final OpusEncoderConfig config;
    private final io.github.jaredmdobson.concentus.OpusEncoder encoder;
    private final byte[] packetBuffer = new byte[MAX_PACKET_BYTES];
    private OpusPacketHeader lastHeader;
    private int lastPacketBytes = -1;
    private int bitrate;
    private int expectedLossPercent;

    /**
     * Below this many bit/s per coded channel, FEC-on encoding is capped at wideband. libopus 1.1.2
     * gives SILK about half of a fullband hybrid budget and codes LBRR only when that half clears
     * 16 kbit/s × (125 − loss%)/100 (silk_setup_LBRR), so at 24–30 kbit/s fullband it silently
     * sends no FEC at all (measured, codec/docs/opus-performance.md); at 32 kbit/s it always can.
     * libopus 1.2+ makes the same trade itself (decide_fec); 1.1.2 does not.
     */
    static final int FEC_FULLBAND_MIN_BITRATE = 32_000;

    /**
     * An encoder with {@link OpusEncoderConfig#defaults(int, int, int)}: VOIP, 20 ms frames, VBR,
     * in-band FEC, default complexity.
     *
     * @param sampleRate in Hz: 8000, 12000, 16000, 24000 or 48000
     * @param channels   1 or 2
     * @param bitrate    bits per second, 6000..510000
     */
    public OpusEncoder(int sampleRate, int channels, int bitrate) {
        this(OpusEncoderConfig.defaults(sampleRate, channels, bitrate));
    }

    /** An encoder with the given settings. */
    public OpusEncoder(OpusEncoderConfig config) {
        this.config = config;
        try {
            encoder = new io.github.jaredmdobson.concentus.OpusEncoder(config.sampleRate(), config.channels(),
                    config.application() == OpusEncoderConfig.Application.VOIP
                            ? OpusApplication.OPUS_APPLICATION_VOIP : OpusApplication.OPUS_APPLICATION_AUDIO);
        } catch (OpusException e) {
            throw new IllegalArgumentException("Concentus refused " + config + ": " + e.getMessage(), e);
        }
        encoder.setBitrate(config.bitrate());
        encoder.setComplexity(config.complexity());
        encoder.setUseVBR(config.vbr());
        encoder.setUseConstrainedVBR(config.constrainedVbr());
        encoder.setUseInbandFEC(config.inbandFec());
        encoder.setPacketLossPercent(config.expectedLossPercent());
        encoder.setUseDTX(config.dtx());
        bitrate = config.bitrate();
        expectedLossPercent = config.expectedLossPercent();
        applyBandwidthCap();
        encoder.setSignalType(switch (config.signal()) {
            case AUTO -> OpusSignal.OPUS_SIGNAL_AUTO;
            case VOICE -> OpusSignal.OPUS_SIGNAL_VOICE;
            case MUSIC -> OpusSignal.OPUS_SIGNAL_MUSIC;
        });
        if (config.forceMono()) {
            encoder.setForceChannels(1);
        }
    }

    static OpusBandwidth toConcentus(AudioBandwidth bandwidth) {
        return switch (bandwidth) {
            case NARROWBAND -> OpusBandwidth.OPUS_BANDWIDTH_NARROWBAND;
            case MEDIUMBAND -> OpusBandwidth.OPUS_BANDWIDTH_MEDIUMBAND;
            case WIDEBAND -> OpusBandwidth.OPUS_BANDWIDTH_WIDEBAND;
            case SUPERWIDEBAND -> OpusBandwidth.OPUS_BANDWIDTH_SUPERWIDEBAND;
            case FULLBAND -> OpusBandwidth.OPUS_BANDWIDTH_FULLBAND;
        };
    }

    /** The settings this encoder was built with. */
    public OpusEncoderConfig config() {
        return config;
    }

    @Override
    public int sampleRate() {
        return config.sampleRate();
    }

    @Override
    public int channels() {
        return config.channels();
    }

    @Override
    public int frameSamples() {
        return config.frameSamples();
    }

    /** Samples per channel the encoder delays its input by (libopus OPUS_GET_LOOKAHEAD). */
    public int lookaheadSamples() {
        return encoder.getLookahead();
    }

    /**
     * Changes the expected loss (e.g. from RTCP receiver reports) for the following frames.
     *
     * @param percent 0..100
     */
    public void setExpectedLossPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new IllegalArgumentException("expected loss not in 0..100 %: " + percent);
        }
        encoder.setPacketLossPercent(percent);
        expectedLossPercent = percent;
        applyBandwidthCap();
    }

    /**
     * Changes the target bitrate for the following frames (e.g. from congestion control).
     *
     * @param bitrate bits per second, 6000..510000
     */
    public void setBitrate(int bitrate) {
        if (bitrate < 6000 || bitrate > 510_000) {
            throw new IllegalArgumentException("bitrate not in 6000..510000 bit/s: " + bitrate);
        }
        encoder.setBitrate(bitrate);
        this.bitrate = bitrate;
        applyBandwidthCap();
    }

    /**
     * The widest bandwidth the encoder may use now: the configured one, but at most wideband
     * while in-band FEC is on, loss is expected, and the bitrate per coded channel is below
     * {@value #FEC_FULLBAND_MIN_BITRATE} (so that the FEC the caller asked for is really sent).
     */
    public AudioBandwidth effectiveMaxBandwidth() {
        int codedChannels = config.forceMono() ? 1 : config.channels();
        boolean fecNeedsRoom = config.inbandFec() && expectedLossPercent > 0
                && bitrate / codedChannels < FEC_FULLBAND_MIN_BITRATE;
        if (fecNeedsRoom && config.maxBandwidth().compareTo(AudioBandwidth.WIDEBAND) > 0) {
            return AudioBandwidth.WIDEBAND;
        }
        return config.maxBandwidth();
    }

    private void applyBandwidthCap() {
        encoder.setMaxBandwidth(toConcentus(effectiveMaxBandwidth()));
    }

    @Override
    public byte[] encode(short[] pcm) {
        int expected = config.frameSamples() * config.channels();
        if (pcm == null || pcm.length != expected) {
            throw new IllegalArgumentException("one frame is " + expected + " interleaved samples, got "
                    + (pcm == null ? "null" : pcm.length));
        }
        int bytes;
        try {
            bytes = encoder.encode(pcm, 0, config.frameSamples(), packetBuffer, 0, MAX_PACKET_BYTES);
        } catch (OpusException e) {
            // Only reachable through a configuration Concentus rejects; the frame size is checked above.
            throw new IllegalStateException("Concentus failed to encode: " + e.getMessage(), e);
        }
        byte[] packet = Arrays.copyOf(packetBuffer, bytes);
        lastPacketBytes = bytes;
        try {
            lastHeader = OpusPacketHeader.parse(packet);
        } catch (CodecFormatException e) {
            throw new IllegalStateException("Concentus produced an invalid packet: " + e.getMessage(), e);
        }
        return packet;
    }

    /** Header of the packet last returned by {@link #encode}, or {@code null} before the first. */
    public OpusPacketHeader lastPacketHeader() {
        return lastHeader;
    }

    /**
     * Whether the last packet was a DTX packet: libopus sends a TOC byte alone (at most 2 bytes)
     * when DTX is on and the frame is silence, and the receiver conceals/comfort-fills it.
     */
    public boolean lastPacketWasDtx() {
        return lastPacketBytes >= 0 && lastPacketBytes <= 2;
    }
}
