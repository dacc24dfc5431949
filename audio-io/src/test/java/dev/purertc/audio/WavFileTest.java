package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WavFileTest {
    private static final Path SOX_TONE = resource("sox-tone-440hz-44100-stereo-100ms.wav");

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(WavFileTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void framesWrittenToAWavSinkComeBackBitExactFromAWavSource(int channels) throws Exception {
        Random random = new Random(20261128L + channels);
        List<short[]> written = new ArrayList<>();
        Path file = dir.resolve("round-trip.wav");
        WavFileSink sink = new WavFileSink(file, channels);
        try {
            for (int i = 0; i < 25; i++) {
                short[] samples = new short[960 * channels];
                for (int j = 0; j < samples.length; j++) {
                    samples[j] = (short) random.nextInt(65536);
                }
                written.add(samples);
                sink.accept(new AudioFrame(samples.clone(), channels, i));
            }
        } finally {
            sink.close();
        }
        sink.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> sink.accept(new AudioFrame(new short[960 * channels], channels, 0)));
        assertEquals(44 + 25 * 960 * 2 * channels, Files.size(file));
        try (WavFileSource source = new WavFileSource(file, channels, false)) {
            assertEquals(WavHeader.canonical(48_000, channels, 25 * 960 * 2L * channels), source.header());
            short[] frame = new short[960 * channels];
            for (short[] expected : written) {
                assertTrue(source.read(frame));
                assertArrayEquals(expected, frame);
            }
            assertFalse(source.read(frame));
            assertArrayEquals(new short[960 * channels], frame);
        }
    }

    @Test
    void aSoxFileParsesToItsFormatAndPlaysAt48kHzWithItsFrequency() throws Exception {
        WavHeader h = WavHeader.parse(ByteBuffer.wrap(Files.readAllBytes(SOX_TONE)), Files.size(SOX_TONE));
        assertEquals(new WavHeader(44_100, 2, 44, 4410 * 4), h);
        try (WavFileSource source = new WavFileSource(SOX_TONE, 1, false)) {
            short[] all = new short[960 * 5];
            short[] frame = new short[960];
            for (int i = 0; i < 5; i++) {
                assertTrue(source.read(frame), "frame " + i);
                System.arraycopy(frame, 0, all, i * 960, 960);
            }
            assertFalse(source.read(frame));
            // Skip the resampler's ramp-up; 0.1 s of 440 Hz leaves ~40 periods.
            short[] middle = java.util.Arrays.copyOfRange(all, 480, 4300);
            assertEquals(440.0, Signals.frequencyHz(middle, 48_000), 0.5);
        }
    }

    @Test
    void aLoopingSourceStartsAgainAtTheEnd() throws Exception {
        Path file = dir.resolve("short.wav");
        try (WavFileSink sink = new WavFileSink(file, 1)) {
            short[] s = new short[960];
            s[0] = 1234;
            sink.accept(new AudioFrame(s, 1, 0));
        }
        try (WavFileSource source = new WavFileSource(file, 1, true)) {
            short[] frame = new short[960];
            for (int i = 0; i < 3; i++) {
                assertTrue(source.read(frame));
                assertEquals(1234, frame[0]);
            }
        }
    }

    private static ByteBuffer header(int tag, int channels, int rate, int bits, byte[] extraChunk, long dataSize) {
        ByteBuffer b = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes());
        if (extraChunk != null) {
            b.put("LIST".getBytes()).putInt(extraChunk.length).put(extraChunk);
            if (extraChunk.length % 2 == 1) {
                b.put((byte) 0);
            }
        }
        b.put("fmt ".getBytes()).putInt(16).putShort((short) tag).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        b.put("data".getBytes()).putInt((int) dataSize);
        b.flip();
        return b;
    }

    @Test
    void chunksBeforeTheSamplesAreSkippedWithTheirPaddingAndAnOpenEndedLengthIsCutToTheFile() throws Exception {
        ByteBuffer b = header(1, 1, 16_000, 16, new byte[] {1, 2, 3}, 0xFFFF_FFFFL);
        int headerLength = b.remaining();
        WavHeader h = WavHeader.parse(b, headerLength + 1001);
        assertEquals(new WavHeader(16_000, 1, headerLength, 1000), h);
    }

    @Test
    void whatIsNotSixteenBitPcmIsRefusedWithItsOffsetAndReason() {
        assertEquals("byte 0: not a RIFF/WAVE file", assertThrows(WavFormatException.class,
                () -> WavHeader.parse(ByteBuffer.wrap("hello world, not a wav".getBytes()), -1)).getMessage());
        assertEquals("byte 20: fmt: format tag 3 is not PCM (1) or extensible PCM (0xFFFE)", assertThrows(
                WavFormatException.class, () -> WavHeader.parse(header(3, 1, 48_000, 32, null, 0), -1)).getMessage());
        assertEquals("byte 34: fmt: 8 bits per sample; only 16-bit PCM is read", assertThrows(
                WavFormatException.class, () -> WavHeader.parse(header(1, 1, 48_000, 8, null, 0), -1)).getMessage());
        ByteBuffer cut = header(1, 1, 48_000, 16, null, 0);
        cut.limit(30);
        assertTrue(assertThrows(WavFormatException.class, () -> WavHeader.parse(cut, -1)).getMessage()
                .startsWith("byte 12: fmt: chunk of 16 bytes"));
    }

    @Test
    void aMissingFileIsAnIoErrorAndATextFileAFormatError() throws IOException {
        assertThrows(IOException.class, () -> new WavFileSource(dir.resolve("nope.wav"), 1, false));
        Path text = Files.writeString(dir.resolve("text.wav"), "not audio at all");
        assertThrows(WavFormatException.class, () -> new WavFileSource(text, 1, false));
    }
}
