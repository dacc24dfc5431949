package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpusCodecTest {
    static final int RATE = 48000;

    static List<byte[]> encodeAll(OpusEncoder encoder, short[] input) {
        int frame = encoder.frameSamples() * encoder.channels();
        List<byte[]> packets = new ArrayList<>();
        for (int at = 0; at + frame <= input.length; at += frame) {
            short[] pcm = new short[frame];
            System.arraycopy(input, at, pcm, 0, frame);
            packets.add(encoder.encode(pcm));
        }
        return packets;
    }

    static short[] concat(List<short[]> frames) {
        int n = frames.stream().mapToInt(f -> f.length).sum();
        short[] out = new short[n];
        int at = 0;
        for (short[] f : frames) {
            System.arraycopy(f, 0, out, at, f.length);
            at += f.length;
        }
        return out;
    }

    @ParameterizedTest(name = "{0} ms, {1} channel(s), {2}")
    @CsvSource({"10, 1, VOIP", "20, 1, VOIP", "40, 1, AUDIO", "60, 1, VOIP", "20, 2, AUDIO", "60, 2, VOIP"})
    void everyFrameSizeAndChannelCountDecodesToOneFrame(int millis, int channels, OpusEncoderConfig.Application app) {
        OpusEncoderConfig config = OpusEncoderConfig.defaults(RATE, channels, 48000)
                .withFrameDurationMillis(millis).withApplication(app);
        OpusEncoder encoder = new OpusEncoder(config);
        OpusDecoder decoder = new OpusDecoder(RATE, channels);
        short[] mono = TestSignals.speechLike(RATE, 0.5, 7);
        short[] input = new short[mono.length * channels];
        for (int i = 0; i < mono.length; i++) {
            for (int c = 0; c < channels; c++) {
                input[i * channels + c] = mono[i];
            }
        }
        for (byte[] packet : encodeAll(encoder, input)) {
            OpusPacketHeader header = encoder.lastPacketHeader();
            assertEquals(millis * 1000, header.durationMicros());
            assertEquals(config.frameSamples() * channels, decoder.decode(packet).length);
        }
        assertEquals(config.frameSamples(), decoder.lastFrameSamples());
        assertEquals(config.frameSamples() * channels, decoder.conceal().length);
    }

    @Test
    void inbandFecRecoversLostPacketsBetterThanConcealment() {
        OpusEncoderConfig config = OpusEncoderConfig.defaults(RATE, 1, 32000).withInbandFec(true, 20);
        short[] speech = TestSignals.speechLike(RATE, 6.0, 11);
        List<byte[]> packets = encodeAll(new OpusEncoder(config), speech);
        int k = 5; // every 5th packet lost
        OpusDecoder clean = new OpusDecoder(RATE, 1);
        OpusDecoder plc = new OpusDecoder(RATE, 1);
        OpusDecoder fec = new OpusDecoder(RATE, 1);
        List<short[]> cleanOut = new ArrayList<>();
        List<short[]> plcOut = new ArrayList<>();
        List<short[]> fecOut = new ArrayList<>();
        for (int i = 0; i < packets.size(); i++) {
            cleanOut.add(clean.decode(packets.get(i)));
            boolean lost = i % k == k - 1 && i + 1 < packets.size();
            if (lost) {
                plcOut.add(plc.conceal());
                fecOut.add(fec.decodeFec(packets.get(i + 1)));
            } else {
                plcOut.add(plc.decode(packets.get(i)));
                fecOut.add(fec.decode(packets.get(i)));
            }
        }
        short[] reference = concat(cleanOut);
        short[] withPlc = concat(plcOut);
        short[] withFec = concat(fecOut);
        // Against the loss-free decode: what concealment and FEC each get back of the lost frames.
        double plcSnr = SignalMetrics.snrDb(reference, withPlc, 0, RATE / 2, reference.length);
        double fecSnr = SignalMetrics.snrDb(reference, withFec, 0, RATE / 2, reference.length);
        System.out.printf("every %dth packet lost: PLC SNR %.1f dB, FEC SNR %.1f dB%n", k, plcSnr, fecSnr);
        long recoverable = 0;
        for (int i = k - 1; i + 1 < packets.size(); i += k) {
            if (header(packets.get(i + 1)).carriesFec()) {
                recoverable++;
            }
        }
        System.out.printf("lost %d, next packet carried LBRR for %d%n", packets.size() / k, recoverable);
        assertTrue(recoverable > 0);
        assertEquals(recoverable, fec.statistics().fecRecoveredFrames());
        assertEquals(0, plc.statistics().fecRecoveredFrames());
        assertTrue(fecSnr >= plcSnr + 3.0, "FEC " + fecSnr + " dB is not 3 dB better than PLC " + plcSnr + " dB");
    }

    @Test
    void packetsCarryLbrrOnlyWhenFecIsOnAndLossExpected() {
        short[] speech = TestSignals.speechLike(RATE, 1.0, 3);
        long withFec = encodeAll(new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000).withInbandFec(true, 10)), speech)
                .stream().filter(p -> header(p).carriesFec()).count();
        long fecNoLoss = encodeAll(new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000).withInbandFec(true, 0)), speech)
                .stream().filter(p -> header(p).carriesFec()).count();
        long without = encodeAll(new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000).withInbandFec(false, 10)), speech)
                .stream().filter(p -> header(p).carriesFec()).count();
        // libopus 1.1 codes LBRR only for active speech frames and only when the SILK layer's
        // share of the bitrate clears a loss-dependent threshold, so not every packet has it.
        System.out.printf("packets with LBRR: %d of 50%n", withFec);
        assertTrue(withFec >= 5, "only " + withFec + " of 50 packets carry LBRR");
        assertEquals(0, fecNoLoss);
        assertEquals(0, without);
    }

    static OpusPacketHeader header(byte[] packet) {
        try {
            return OpusPacketHeader.parse(packet);
        } catch (CodecFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void dtxSendsTinyPacketsDuringSilenceAndTheEncoderSaysSo() {
        OpusEncoder encoder = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000).withDtx(true));
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        short[] silence = new short[encoder.frameSamples()];
        int dtx = 0;
        for (int i = 0; i < 50; i++) {
            byte[] packet = encoder.encode(silence);
            assertEquals(960, decoder.decode(packet).length);
            assertEquals(encoder.lastPacketWasDtx(), decoder.lastPacketWasDtx());
            if (encoder.lastPacketWasDtx()) {
                assertTrue(packet.length <= 2);
                dtx++;
            }
        }
        assertEquals(0, decoder.statistics().corruptPayloads());
        assertTrue(dtx >= 30, "only " + dtx + " of 50 silent frames were DTX");
        OpusEncoder noDtx = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000));
        for (int i = 0; i < 50; i++) {
            noDtx.encode(silence);
            assertFalse(noDtx.lastPacketWasDtx());
        }
    }

    @Test
    void decoderReportsTheBandwidthTheEncoderWasLimitedTo() {
        OpusEncoder encoder = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000)
                .withMaxBandwidth(AudioBandwidth.WIDEBAND));
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        for (byte[] p : encodeAll(encoder, TestSignals.speechLike(RATE, 0.5, 5))) {
            decoder.decode(p);
            assertTrue(decoder.lastPacketHeader().orElseThrow().bandwidth().compareTo(AudioBandwidth.WIDEBAND) <= 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "03", "0300", "033f", "01aabbcc", "02ff", "0342", "02fc01"})
    void payloadsBreakingRfc6716FramingAreConcealedAndCounted(String hex) {
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        decoder.decode(new OpusEncoder(RATE, 1, 32000).encode(new short[960]));
        short[] out = decoder.decode(java.util.HexFormat.of().parseHex(hex));
        assertEquals(960, out.length);
        assertEquals(new DecoderStatistics(1, 1, 0, 1, 1920), decoder.statistics());
    }

    /**
     * Payloads that pass the RFC 6716 framing rules but make Concentus fail one of its internal
     * checks, which throw java.lang.AssertionError whether or not the JVM runs with -ea (found by
     * fuzzing mutated and random packets into fresh decoders).
     */
    @ParameterizedTest
    @CsvSource({
        "1, 5cf80a9eb0c8a9a48268beb940a68409f538d065fb2a259b5d444712607dd4d2e7b1893733c1c3aa36d51164c61fd8e24dff2c5e019984fa3a7d0296ad82e10ca2f43f362aba9066cf4c1f311c011079f1bf095238229eb28b6ffb1f8ab9995055c06f7b7f111fc842eab268568d5c6b76ac28ea1396f7de0fb1e38962eaf68a936f5ba926064c91863cb625f332903b496ab1b4e8a61598f68a38716289264c",
        "2, 5cee8027db6731dbc90f34c0dcffc0fcdb72759e656b52041a44db5b79acaf785e4ebe6eb60270d0334613175b2956da9ef0e4cbea6c098ecf93c49f52873c3fdca054610e52ba7006f13fc651c3f0eeac4a22279e07c047c0ece405c5c86a71e445b2febf061c4adb410dcaa5db3c2a6d92f8ccc7fa3647a9af5ea28a093ccb5efb0d5fc02427b921a355b9ccae402e41d59df22c8231157b3f181b8aeef8d6f6f490caf6e0c69c2936d54442a6955acd724e1cd71a69cfa7e867eead918f6c4faf15b851fa6e355457174bd7423388c8ce706577909122501c893b19b896cee67a09faf2426c835d908235103726ae39f720"
    })
    void payloadsTrippingConcentusAssertionsAreConcealedAndCountedNotThrown(int channels, String hex) {
        OpusDecoder decoder = new OpusDecoder(RATE, channels);
        short[] out = decoder.decode(java.util.HexFormat.of().parseHex(hex));
        assertEquals(960 * channels, out.length);
        assertEquals(1, decoder.statistics().corruptPayloads());
        assertEquals(960 * channels, decoder.conceal().length);
        // The decoder was reset and keeps working.
        OpusEncoder encoder = new OpusEncoder(RATE, channels, 32000);
        assertEquals(960 * channels, decoder.decode(encoder.encode(new short[960 * channels])).length);
        assertEquals(1, decoder.statistics().decodedFrames());
    }

    @Test
    void aFrameLongerThan1275BytesIsCorrupt() {
        byte[] packet = new byte[1 + 1276];
        assertThrows(CodecFormatException.class, () -> OpusPacketHeader.parse(packet));
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        decoder.decode(packet);
        assertEquals(1, decoder.statistics().corruptPayloads());
    }

    @Test
    void zeroLengthFramesAreLegalAndDecodeAsConcealment() throws CodecFormatException {
        // RFC 6716 §3.2.1: a frame of length 0 means the encoder had nothing to send (DTX).
        OpusPacketHeader header = OpusPacketHeader.parse(new byte[] {(byte) 0xFC});
        assertEquals(OpusPacketHeader.Mode.CELT, header.mode());
        assertEquals(AudioBandwidth.FULLBAND, header.bandwidth());
        assertEquals(20_000, header.frameDurationMicros());
        OpusDecoder decoder = new OpusDecoder(RATE, 1);
        assertEquals(960, decoder.decode(new byte[] {(byte) 0xFC}).length);
        assertEquals(0, decoder.statistics().corruptPayloads());
    }

    @Test
    void cbrPacketsAllHaveTheSameSizeAndVbrOnesDoNot() {
        short[] speech = TestSignals.speechLike(RATE, 1.0, 21);
        List<byte[]> cbr = encodeAll(new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000).withVbr(false, false)), speech);
        List<byte[]> vbr = encodeAll(new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 32000)), speech);
        // 32 kbit/s for 20 ms = 80 bytes per packet.
        assertTrue(cbr.stream().allMatch(p -> p.length == 80), "CBR sizes " + cbr.stream().map(p -> p.length).distinct().toList());
        assertTrue(vbr.stream().map(p -> p.length).distinct().count() > 5);
    }

    @Test
    void forcedMonoCodesAStereoInputAsAMonoStream() {
        OpusEncoder encoder = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 2, 64000).withForceMono(true));
        short[] stereo = new short[960 * 2];
        short[] left = TestSignals.tone(RATE, 440, 0.3, 960);
        for (int i = 0; i < 960; i++) {
            stereo[2 * i] = left[i];
            stereo[2 * i + 1] = (short) -left[i];
        }
        encoder.encode(stereo);
        assertFalse(encoder.lastPacketHeader().stereo());
        OpusEncoder free = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 2, 64000));
        free.encode(stereo);
        assertTrue(free.lastPacketHeader().stereo());
    }

    @Test
    void aDecoderAtAnotherRateGivesThatRatesFrameLength() {
        OpusDecoder decoder = new OpusDecoder(16000, 1);
        byte[] packet = new OpusEncoder(RATE, 1, 32000).encode(TestSignals.tone(RATE, 440, 0.3, 960));
        assertEquals(320, decoder.decode(packet).length);
        assertEquals(320, decoder.conceal().length);
    }

    @Test
    void belowThirtyTwoKilobitsFecCapsTheBandwidthAtWidebandSoLbrrFits() {
        short[] speech = TestSignals.speechLike(RATE, 2.0, 11);
        OpusEncoder fec = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 24000).withInbandFec(true, 10));
        assertEquals(AudioBandwidth.WIDEBAND, fec.effectiveMaxBandwidth());
        List<byte[]> packets = encodeAll(fec, speech);
        assertTrue(packets.stream().allMatch(p -> header(p).bandwidth().compareTo(AudioBandwidth.WIDEBAND) <= 0));
        assertTrue(packets.stream().anyMatch(p -> header(p).carriesFec()), "no LBRR at 24 kbit/s wideband");
        // Without the cap (what Concentus does on its own at 24 kbit/s fullband): no LBRR at all.
        OpusEncoder noLoss = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 1, 24000).withInbandFec(true, 0));
        assertEquals(AudioBandwidth.FULLBAND, noLoss.effectiveMaxBandwidth());
        // The cap follows runtime changes of bitrate and expected loss.
        fec.setBitrate(40000);
        assertEquals(AudioBandwidth.FULLBAND, fec.effectiveMaxBandwidth());
        fec.setBitrate(24000);
        fec.setExpectedLossPercent(0);
        assertEquals(AudioBandwidth.FULLBAND, fec.effectiveMaxBandwidth());
        OpusEncoder stereo = new OpusEncoder(OpusEncoderConfig.defaults(RATE, 2, 48000).withInbandFec(true, 10));
        assertEquals(AudioBandwidth.WIDEBAND, stereo.effectiveMaxBandwidth(), "24 kbit/s per coded channel");
    }

    @Test
    void encoderRejectsAFrameOfTheWrongLength() {
        OpusEncoder encoder = new OpusEncoder(RATE, 1, 32000);
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(new short[959]));
    }
}
