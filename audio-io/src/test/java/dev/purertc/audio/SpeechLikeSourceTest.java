package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SpeechLikeSourceTest {
    private static short[][] frames(long seed, int count) {
        SpeechLikeSource s = new SpeechLikeSource(seed, 1);
        short[][] out = new short[count][960];
        for (short[] f : out) {
            s.read(f);
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameSignalAndAnotherSeedAnother() {
        short[][] a = frames(7, 100);
        short[][] b = frames(7, 100);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        assertFalse(Arrays.deepEquals(a, frames(8, 100)));
    }

    @Test
    void itTalksInSpurtsWithPausesAtSpeechLevelsAndLowFrequencies() {
        short[][] f = frames(42, 1000); // 20 s
        int silent = 0;
        int loud = 0;
        double maxLevel = -200;
        long crossings = 0;
        long voicedSamples = 0;
        for (short[] frame : f) {
            double level = LevelMeter.dbfs(frame, 0, frame.length);
            maxLevel = Math.max(maxLevel, level);
            if (level <= -60) {
                silent++;
            }
            if (level > -30) {
                loud++;
                for (int i = 1; i < frame.length; i++) {
                    if ((frame[i - 1] < 0) != (frame[i] < 0)) {
                        crossings++;
                    }
                }
                voicedSamples += frame.length;
            }
        }
        assertTrue(silent > 150 && silent < 600, silent + " silent frames of 1000");
        assertTrue(loud > 300, loud + " frames above -30 dBFS");
        assertTrue(maxLevel > -22 && maxLevel < -12, "loudest frame " + maxLevel + " dBFS");
        // Zero-crossing rate of the active parts: speech-like (formants below 3 kHz), far below noise's 0.5.
        double rate = (double) crossings / voicedSamples;
        assertTrue(rate > 0.005 && rate < 0.12, "zero-crossing rate " + rate);
    }
}
