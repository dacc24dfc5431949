package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties over arbitrary input: nothing escapes, lengths and energy add up. */
class CodecProperties {

    /** Valid-looking TOC first bytes often, so the fuzz reaches past the framing checks. */
    @Provide
    Arbitrary<byte[]> payloads() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(1600);
        Arbitrary<byte[]> mutatedReal = Combinators.combine(
                Arbitraries.integers().between(0, 9), Arbitraries.integers().between(0, 300),
                Arbitraries.bytes(), Arbitraries.integers().between(0, 400)).as((seed, pos, value, cut) -> {
                    byte[] p = REAL_PACKETS.get(seed).clone();
                    p[pos % p.length] ^= value;
                    return java.util.Arrays.copyOf(p, Math.max(0, p.length - cut % (p.length + 1)));
                });
        return Arbitraries.oneOf(random, mutatedReal);
    }

    /** Ten real packets (mono/stereo, VOIP/AUDIO, 16..88 kbit/s), encoded once. */
    private static final java.util.List<byte[]> REAL_PACKETS =
            java.util.stream.IntStream.range(0, 10).mapToObj(CodecProperties::realPacket).toList();

    static byte[] realPacket(int seed) {
        OpusEncoder encoder = new OpusEncoder(OpusEncoderConfig.defaults(48000, seed % 2 + 1, 16000 + seed * 8000)
                .withApplication(seed % 3 == 0 ? OpusEncoderConfig.Application.AUDIO : OpusEncoderConfig.Application.VOIP));
        short[] speech = TestSignals.speechLike(48000, 0.1, seed);
        short[] frame = new short[960 * encoder.channels()];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = speech[(i / encoder.channels()) + 2000];
        }
        encoder.encode(frame);
        return encoder.encode(frame);
    }

    @Property(tries = 400, seed = "20261128")
    void anyPayloadIntoTheOpusDecoderGivesPcmNeverAnException(@ForAll("payloads") byte[] payload,
                                                              @ForAll @IntRange(min = 1, max = 2) int channels) {
        OpusDecoder decoder = new OpusDecoder(48000, channels);
        short[] a = decoder.decode(payload);
        short[] b = decoder.decodeFec(payload);
        short[] c = decoder.conceal();
        for (short[] pcm : new short[][] {a, b, c}) {
            assertEquals(0, pcm.length % (120 * channels), "whole 2.5 ms frames");
            assertTrue(pcm.length <= 5760 * channels);
        }
        DecoderStatistics s = decoder.statistics();
        // Each call gives exactly one frame of one kind; only decode() can find a payload corrupt.
        assertEquals(3, s.decodedFrames() + s.concealedFrames() + s.fecRecoveredFrames());
        assertTrue(s.corruptPayloads() <= 1);
    }

    @Property(tries = 300, seed = "20261128")
    void theOpusPacketParserThrowsOnlyItsOwnException(@ForAll("payloads") byte[] payload) {
        try {
            OpusPacketHeader header = OpusPacketHeader.parse(payload);
            assertTrue(header.durationMicros() <= 120_000);
        } catch (CodecFormatException expected) {
            assertTrue(expected.where().startsWith("byte "));
        }
    }

    @Property(tries = 300, seed = "20261128")
    void anyPayloadIntoG711AndTelephoneEventDecodersIsHandled(@ForAll @Size(max = 400) byte[] payload,
                                                             @ForAll boolean ulaw, @ForAll long timestamp) {
        G711Decoder g711 = new G711Decoder(ulaw ? G711.Law.ULAW : G711.Law.ALAW);
        short[] pcm = g711.decode(payload);
        assertEquals(payload.length == 0 ? 160 : payload.length, pcm.length);
        TelephoneEventReceiver receiver = new TelephoneEventReceiver();
        receiver.receive(timestamp & 0xFFFF_FFFFL, payload);
        assertEquals(payload.length < 4 ? 1 : 0, receiver.malformedPayloads());
    }

    @Property(tries = 200, seed = "20261128")
    void telephoneEventsRoundTripThroughTheirBytes(@ForAll @IntRange(max = 255) int code, @ForAll boolean end,
                                                  @ForAll @IntRange(max = 63) int volume,
                                                  @ForAll @IntRange(max = 65535) int duration) throws CodecFormatException {
        TelephoneEvent event = new TelephoneEvent(code, end, volume, duration);
        ByteBuffer buffer = ByteBuffer.allocate(4);
        assertEquals(4, event.writeTo(buffer));
        buffer.flip();
        assertEquals(event, TelephoneEvent.parse(buffer));
    }

    @Property(tries = 200, seed = "20261128")
    void fmtpParsesAnythingIntoAValueOrItsOwnException(@ForAll @Size(max = 80) String text) {
        try {
            OpusFmtp fmtp = OpusFmtp.parse(text);
            assertEquals(fmtp, OpusFmtp.parse(fmtp.format()));
        } catch (CodecFormatException expected) {
            assertTrue(expected.where().startsWith("fmtp"));
        }
    }

    @Property(tries = 60, seed = "20261128")
    void anyPcmEncodesToAValidPacketThatDecodesToOneFrame(@ForAll @Size(min = 960, max = 960) short[] frame,
                                                         @ForAll @IntRange(min = 0, max = 10) int complexity,
                                                         @ForAll boolean voip, @ForAll boolean dtx,
                                                         @ForAll @IntRange(min = 6000, max = 128000) int bitrate)
            throws CodecFormatException {
        OpusEncoder encoder = new OpusEncoder(OpusEncoderConfig.defaults(48000, 1, bitrate).withComplexity(complexity)
                .withApplication(voip ? OpusEncoderConfig.Application.VOIP : OpusEncoderConfig.Application.AUDIO)
                .withDtx(dtx));
        OpusDecoder decoder = new OpusDecoder(48000, 1);
        for (int i = 0; i < 3; i++) {
            byte[] packet = encoder.encode(frame);
            assertEquals(20_000, OpusPacketHeader.parse(packet).durationMicros());
            assertEquals(960, decoder.decode(packet).length);
        }
        assertEquals(0, decoder.statistics().corruptPayloads());
    }

    @Provide
    Arbitrary<Integer> rates() {
        return Arbitraries.of(8000, 16000, 44100, 48000);
    }

    @Property(tries = 60, seed = "20261128")
    void resamplerOutputLengthIsExactlyTheRateRatioRoundedUp(@ForAll("rates") int in, @ForAll("rates") int out,
                                                           @ForAll @Size(min = 1, max = 8) java.util.List<@IntRange(max = 3000) Integer> chunks) {
        Resampler resampler = new Resampler(in, 1, out, 1);
        long total = 0;
        long produced = 0;
        for (int n : chunks) {
            produced += resampler.process(new short[n]).length;
            total += n;
            // After n input frames, ceil(n * out / in) output frames.
            assertEquals((total * out + in - 1) / in, produced);
        }
    }

    @Property(tries = 40, seed = "20261128")
    void resamplerKeepsTheEnergyOfAPassbandTone(@ForAll("rates") int in, @ForAll("rates") int out,
                                                @ForAll @IntRange(min = 5, max = 40) int percentOfBand,
                                                @ForAll @IntRange(min = 1, max = 2) int channels) {
        double hz = Math.min(in, out) * 0.43 * percentOfBand / 40.0;
        short[] mono = TestSignals.tone(in, hz, 0.4, in / 2);
        short[] x = new short[mono.length * channels];
        for (int i = 0; i < mono.length; i++) {
            for (int c = 0; c < channels; c++) {
                x[i * channels + c] = mono[i];
            }
        }
        short[] y = new Resampler(in, channels, out, channels).process(x);
        double rmsIn = SignalMetrics.rms(x, x.length / 4, x.length * 3 / 4);
        double rmsOut = SignalMetrics.rms(y, y.length / 4, y.length * 3 / 4);
        assertEquals(0.0, 20 * Math.log10(rmsOut / rmsIn), 0.1, "gain in dB at " + hz + " Hz");
    }
}
