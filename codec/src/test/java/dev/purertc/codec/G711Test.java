package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class G711Test {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = G711Test.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static short[] everySixteenBitValue() {
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (i - 32768);
        }
        return all;
    }

    static short[] littleEndianShorts(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(out);
        return out;
    }

    static byte[] everyCode() {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        return codes;
    }

    @Test
    void ulawEncodingMatchesTheReferenceForAll65536Inputs() throws IOException {
        byte[] sun = resource("g711-ulaw-encode-all-16bit-inputs.bin");
        byte[] ours = G711.ulawEncode(everySixteenBitValue());
        for (int x = -32768; x < 32768; x++) {
            // The reference (Sun g711.c) takes the magnitude of a negative sample as -(x >> 2);
            // G.191 takes the one's complement, (~x) >> 2, which is Sun's magnitude of x + 4.
            // Inputs -4..-1 have magnitude 0 in G.191: negative zero, code 0x7F.
            int expected;
            if (x >= 0) {
                expected = sun[x + 32768] & 0xFF;
            } else if (x >= -4) {
                expected = 0x7F;
            } else {
                expected = sun[x + 4 + 32768] & 0xFF;
            }
            assertEquals(expected, ours[x + 32768] & 0xFF, "µ-law code of " + x);
        }
    }

    @Test
    void alawEncodingMatchesTheReferenceForAll65536Inputs() throws IOException {
        assertArrayEquals(resource("g711-alaw-encode-all-16bit-inputs.bin"), G711.alawEncode(everySixteenBitValue()));
    }

    @Test
    void ulawDecodingMatchesTheReferenceForAll256Codes() throws IOException {
        assertArrayEquals(littleEndianShorts(resource("g711-ulaw-decode-all-codes-s16le.bin")), G711.ulawDecode(everyCode()));
    }

    @Test
    void alawDecodingMatchesTheReferenceForAll256Codes() throws IOException {
        assertArrayEquals(littleEndianShorts(resource("g711-alaw-decode-all-codes-s16le.bin")), G711.alawDecode(everyCode()));
    }

    @Test
    void reconstructionValuesAreThoseOfTheG711Tables() {
        // G.711 Table 2a (µ-law): code 0x80 (segment 8 top) reconstructs to 8031 on the 14-bit
        // scale, 0xFF and 0x7F to zero; Table 1a (A-law): 0xAA to 4032 on the 13-bit scale and
        // 0xD5 to 1 (here 16-bit: ×4 and ×8).
        short[] ulaw = G711.ulawDecode(new byte[] {(byte) 0x80, (byte) 0xFF, 0x7F, 0x00, (byte) 0xFE});
        assertArrayEquals(new short[] {8031 * 4, 0, 0, -8031 * 4, 2 * 4}, ulaw);
        short[] alaw = G711.alawDecode(new byte[] {(byte) 0xAA, (byte) 0xD5, 0x55, 0x2A});
        assertArrayEquals(new short[] {4032 * 8, 8, -8, -4032 * 8}, alaw);
    }

    @Test
    void decodingAndReencodingAnyCodeGivesTheSameCode() {
        byte[] codes = everyCode();
        byte[] ulaw = G711.ulawEncode(G711.ulawDecode(codes));
        byte[] alaw = G711.alawEncode(G711.alawDecode(codes));
        for (int c = 0; c < 256; c++) {
            // µ-law 0x7F (negative zero) decodes to 0, which encodes as positive zero 0xFF.
            int expected = c == 0x7F ? 0xFF : c;
            assertEquals(expected, ulaw[c] & 0xFF, "µ-law code " + c);
            assertEquals(c, alaw[c] & 0xFF, "A-law code " + c);
        }
    }

    @Test
    void quantisationErrorStaysWithinHalfASegmentStep() {
        for (short x : everySixteenBitValue()) {
            int u = G711.ulawDecode(G711.ulawEncode(new short[] {x}))[0];
            int a = G711.alawDecode(G711.alawEncode(new short[] {x}))[0];
            // Largest steps: µ-law segment 8 is 1024 (16-bit scale), A-law segment 7 is 1024.
            assertTrue(Math.abs(u - x) <= 1024, "µ-law error at " + x);
            assertTrue(Math.abs(a - x) <= 1024, "A-law error at " + x);
        }
    }

    @Test
    void decoderConcealsAMissingFrameByFadingTheLastOneAndCountsIt() {
        G711Decoder decoder = new G711Decoder(G711.Law.ULAW);
        G711Encoder encoder = new G711Encoder(G711.Law.ULAW, 20);
        short[] tone = TestSignals.tone(8000, 440, 0.5, 160);
        short[] good = decoder.decode(encoder.encode(tone));
        short[] first = decoder.conceal();
        short[] second = decoder.conceal();
        decoder.conceal();
        short[] fourth = decoder.conceal();
        assertEquals(160, first.length);
        assertTrue(SignalMetrics.rms(first, 0, 160) < SignalMetrics.rms(good, 0, 160));
        assertTrue(SignalMetrics.rms(second, 0, 160) < SignalMetrics.rms(first, 0, 160));
        assertEquals(0.0, SignalMetrics.rms(fourth, 0, 160));
        assertEquals(new DecoderStatistics(1, 4, 0, 0, 800), decoder.statistics());
        decoder.decode(new byte[0]);
        assertEquals(1, decoder.statistics().corruptPayloads());
    }
}
