package dev.purertc.codec;

import io.github.jaredmdobson.concentus.OpusException;

import java.util.Arrays;
import java.util.Optional;

/**
 * Opus decoder (RFC 6716) over Concentus, with packet loss concealment and in-band FEC recovery.
 *
 * <p>Every payload is first checked against RFC 6716 §3.4 (see {@link OpusPacketHeader#parse});
 * a payload that breaks a rule, or that Concentus cannot decode, is counted as corrupt and
 * concealed instead. Nothing a payload contains makes this class throw.
 *
 * <p>Threading: not thread-safe; one per incoming stream. Buffers: payloads are only read;
 * every returned PCM array is new.
 */
public final class OpusDecoder implements AudioDecoder {

    private final int sampleRate;
    private final int channels;
    private final io.github.jaredmdobson.concentus.OpusDecoder decoder;
    /** Room for the longest packet: 120 ms (RFC 6716 §3.4 R5). */
    private final short[] scratch;
    private final int maxFrameSamples;
    private final DecoderCounters counters = new DecoderCounters();
    /** Samples per channel of the last packet decoded, the size of one concealed frame. */
    private int lastFrameSamples;
    private OpusPacketHeader lastHeader;
    private int lastPayloadBytes = -1;

    /**
     * @param sampleRate output rate in Hz: 8000, 12000, 16000, 24000 or 48000 (any Opus stream
     *                   decodes at any of these)
     * @param channels   output channels, 1 or 2 (a stereo stream is downmixed for 1)
     */
    public OpusDecoder(int sampleRate, int channels) {
        if (sampleRate != 8000 && sampleRate != 12000 && sampleRate != 16000 && sampleRate != 24000
                && sampleRate != 48000) {
            throw new IllegalArgumentException("Opus sample rate must be 8000, 12000, 16000, 24000 or 48000 Hz: " + sampleRate);
        }
        if (channels != 1 && channels != 2) {
            throw new IllegalArgumentException("channels must be 1 or 2: " + channels);
        }
        this.sampleRate = sampleRate;
        this.channels = channels;
        try {
            decoder = new io.github.jaredmdobson.concentus.OpusDecoder(sampleRate, channels);
        } catch (OpusException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        maxFrameSamples = sampleRate / 1000 * 120;
        scratch = new short[maxFrameSamples * channels];
        lastFrameSamples = sampleRate / 50; // 20 ms until the first packet says otherwise
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public short[] decode(byte[] payload) {
        if (payload == null) {
            return conceal();
        }
        OpusPacketHeader header;
        try {
            header = OpusPacketHeader.parse(payload);
        } catch (CodecFormatException e) {
            counters.corruptPayloads++;
            return conceal();
        }
        int samples;
        try {
            samples = decoder.decode(payload, 0, payload.length, scratch, 0, maxFrameSamples, false);
        } catch (OpusException | RuntimeException | AssertionError e) {
            // A payload that passes the framing rules can still be garbage inside; Concentus then
            // throws, indexes out of bounds, or fails an internal check (its OpusAssert throws
            // AssertionError unconditionally, -ea or not). Its state is suspect: start it afresh.
            counters.corruptPayloads++;
            decoder.resetState();
            return conceal();
        }
        counters.decodedFrames++;
        lastHeader = header;
        lastPayloadBytes = payload.length;
        lastFrameSamples = samples;
        return output(samples);
    }

    @Override
    public short[] conceal() {
        counters.concealedFrames++;
        int samples;
        try {
            samples = decoder.decode(null, 0, 0, scratch, 0, lastFrameSamples, false);
        } catch (OpusException | RuntimeException | AssertionError e) {
            decoder.resetState();
            Arrays.fill(scratch, 0, lastFrameSamples * channels, (short) 0);
            samples = lastFrameSamples;
        }
        return output(samples);
    }

    @Override
    public short[] decodeFec(byte[] nextPayload) {
        if (nextPayload == null) {
            return conceal();
        }
        OpusPacketHeader next;
        try {
            next = OpusPacketHeader.parse(nextPayload);
        } catch (CodecFormatException e) {
            // Counted as corrupt when it is decoded in its own slot.
            return conceal();
        }
        if (!next.carriesFec() || next.samplesAt(sampleRate) / next.frameCount() > lastFrameSamples) {
            // No LBRR in the next packet, or its frames are longer than the gap: libopus would run PLC.
            return conceal();
        }
        int samples;
        try {
            // libopus opus_decode(..., decode_fec=1): frame_size is the duration of the lost packet.
            samples = decoder.decode(nextPayload, 0, nextPayload.length, scratch, 0, lastFrameSamples, true);
        } catch (OpusException | RuntimeException | AssertionError e) {
            decoder.resetState();
            return conceal();
        }
        counters.fecRecoveredFrames++;
        return output(samples);
    }

    private short[] output(int samples) {
        counters.decodedSamples += samples;
        return Arrays.copyOf(scratch, samples * channels);
    }

    /** Header of the last payload decoded normally; empty before the first. */
    public Optional<OpusPacketHeader> lastPacketHeader() {
        return Optional.ofNullable(lastHeader);
    }

    /**
     * Whether the last payload decoded normally was a DTX packet: at most 2 bytes, a TOC with no
     * coded audio, for which the decoder produced comfort noise/concealment (libopus DTX).
     */
    public boolean lastPacketWasDtx() {
        return lastPayloadBytes >= 0 && lastPayloadBytes <= 2;
    }

    /** Samples per channel of the last decoded packet; the length of one concealed frame. */
    public int lastFrameSamples() {
        return lastFrameSamples;
    }

    @Override
    public DecoderStatistics statistics() {
        return counters.snapshot();
    }
}
