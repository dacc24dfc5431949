package dev.purertc.audio;

import static dev.purertc.audio.LineWatchdog.Transition.FLOWING;
import static dev.purertc.audio.LineWatchdog.Transition.NONE;
import static dev.purertc.audio.LineWatchdog.Transition.STALLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LineWatchdogTest {
    private static final long MS = 1_000_000;
    private final LineWatchdog watchdog = new LineWatchdog(1000 * MS, 4000 * MS, 0);

    @Test
    void aFreshLineGetsTheStartupGraceBeforeItCountsAsStalled() {
        assertEquals(NONE, watchdog.poll(3999 * MS));
        assertEquals(NONE, watchdog.onTransfer(0, 4000 * MS));
        assertEquals(STALLED, watchdog.poll(4001 * MS));
        assertTrue(watchdog.isStalled());
    }

    @Test
    void theFirstAudioAfterOpeningIsAnnouncedOnce() {
        assertEquals(FLOWING, watchdog.onTransfer(960, 2500 * MS));
        assertEquals(NONE, watchdog.onTransfer(960, 2510 * MS));
    }

    @Test
    void zeroLengthReadsForeverAreAStallAfterTheStallTime() {
        watchdog.onTransfer(960, 10 * MS);
        long t = 10 * MS;
        int stalls = 0;
        // read() returning 0 immediately, every 10 ms, as a line of a dead PulseAudio does.
        for (int i = 0; i < 300; i++) {
            t += 10 * MS;
            if (watchdog.onTransfer(0, t) == STALLED) {
                stalls++;
                assertTrue(t > 1010 * MS && t <= 1020 * MS, "stalled at " + t / MS + " ms");
            }
        }
        assertEquals(1, stalls);
        assertEquals(FLOWING, watchdog.onTransfer(1920, t + MS));
        assertFalse(watchdog.isStalled());
    }

    @Test
    void aTransferBlockedInsideTheLineIsSeenByPolling() {
        watchdog.onTransfer(960, 0);
        assertEquals(NONE, watchdog.poll(999 * MS));
        assertEquals(STALLED, watchdog.poll(1001 * MS));
        assertEquals(NONE, watchdog.poll(5000 * MS));
    }

    @Test
    void resetStartsTheGraceAgainAndAnnouncesTheNextFlow() {
        watchdog.onTransfer(960, 0);
        watchdog.poll(2000 * MS);
        watchdog.reset(2000 * MS);
        assertFalse(watchdog.isStalled());
        assertEquals(NONE, watchdog.poll(5000 * MS));
        assertEquals(FLOWING, watchdog.onTransfer(960, 5500 * MS));
    }
}
