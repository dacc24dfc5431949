package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LevelMeterTest {
    @Test
    void silenceReadsTheFloorAndAFullScaleSquareReadsZero() {
        LevelMeter meter = new LevelMeter();
        assertEquals(LevelMeter.FLOOR_DBFS, meter.levelDbfs());
        meter.update(new short[960]);
        assertEquals(-127.0, meter.levelDbfs());
        short[] square = new short[960];
        for (int i = 0; i < square.length; i++) {
            square[i] = (short) (i % 2 == 0 ? 32767 : -32768);
        }
        meter.update(square);
        assertEquals(0.0, meter.levelDbfs(), 0.001);
    }

    @Test
    void halvingTheAmplitudeLowersTheLevelBySixDb() {
        short[] a = new short[960];
        Arrays.fill(a, (short) 8000);
        short[] b = new short[960];
        Arrays.fill(b, (short) 4000);
        assertEquals(-6.0206, LevelMeter.dbfs(b, 0, 960) - LevelMeter.dbfs(a, 0, 960), 0.001);
        assertEquals(LevelMeter.FLOOR_DBFS, LevelMeter.dbfs(a, 0, 0));
    }
}
