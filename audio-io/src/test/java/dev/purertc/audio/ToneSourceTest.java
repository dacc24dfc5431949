package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ToneSourceTest {
    private static short[] read(FrameSource source, int frames) {
        int n = AudioFrame.SAMPLES_PER_CHANNEL * source.channels();
        short[] all = new short[n * frames];
        short[] frame = new short[n];
        for (int i = 0; i < frames; i++) {
            assertTrue(source.read(frame));
            System.arraycopy(frame, 0, all, i * n, n);
        }
        return all;
    }

    @ParameterizedTest
    @ValueSource(doubles = {100.0, 440.0, 1000.0, 3151.5, 11025.0})
    void theToneHasTheFrequencyItClaims(double hz) {
        short[] second = read(new ToneSource(hz, -6, 1), 50);
        assertEquals(hz, Signals.frequencyHz(second, 48_000), 0.05);
    }

    @Test
    void stereoCarriesTheSameToneInBothChannelsWithoutJumpsAtFrameEdges() {
        short[] s = read(new ToneSource(1000, 0, 2), 10);
        short[] left = Signals.channel(s, 2, 0);
        assertArrayEquals(left, Signals.channel(s, 2, 1));
        double maxStep = 32767 * 2 * Math.PI * 1000 / 48_000;
        for (int i = 1; i < left.length; i++) {
            assertTrue(Math.abs(left[i] - left[i - 1]) <= maxStep + 1, "jump at sample " + i);
        }
    }

    @Test
    void aToneAtMinusSixDbfsPeakMeasuresMinusNineDbfsRms() {
        short[] frame = Arrays.copyOf(read(new ToneSource(1000, -6, 1), 1), 960);
        assertEquals(-6 - 3.0103, LevelMeter.dbfs(frame, 0, frame.length), 0.02);
    }

    @Test
    void frequenciesOutsideTheBandAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(24_000, -6, 1));
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(0, -6, 1));
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(1000, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ToneSource(1000, -6, 3));
    }
}
