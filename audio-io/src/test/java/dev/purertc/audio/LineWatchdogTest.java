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
    void aLineThatStartsAndThenBlocksWithinTheGraceIsNotStalled() {
        // PulseAudio: the first playback writes succeed, then one blocks ~1.8 s.
        assertEquals(FLOWING, watchdog.onTransfer(960, 10 * MS));
        assertEquals(NONE, watchdog.poll(1900 * MS));
        assertEquals(NONE, watchdog.onTransfer(960, 1900 * MS));
        assertEquals(NONE, watchdog.poll(4000 * MS));
        // Once the grace is over the ordinary rule applies: 2.1 s without progress is a stall.
        assertEquals(STALLED, watchdog.poll(4001 * MS));
    }

    @Test
    void zeroLengthReadsForeverAreAStallAfterTheStallTime() {
        watchdog.onTransfer(960, 5000 * MS);
        long t = 5000 * MS;
        int stalls = 0;
        // read() returning 0 immediately, every 10 ms, as a line of a dead PulseAudio does.
        for (int i = 0; i < 300; i++) {
            t += 10 * MS;
            if (watchdog.onTransfer(0, t) == STALLED) {
                stalls++;
                assertTrue(t > 6000 * MS && t <= 6010 * MS, "stalled at " + t / MS + " ms");
            }
        }
        assertEquals(1, stalls);
        assertEquals(FLOWING, watchdog.onTransfer(1920, t + MS));
        assertFalse(watchdog.isStalled());
    }

    @Test
    void aTransferBlockedInsideTheLineIsSeenByPolling() {
        watchdog.onTransfer(960, 4500 * MS);
        assertEquals(NONE, watchdog.poll(5499 * MS));
        assertEquals(STALLED, watchdog.poll(5501 * MS));
        assertEquals(NONE, watchdog.poll(9000 * MS));
    }

    @Test
    void resetStartsTheGraceAgainAndAnnouncesTheNextFlow() {
        watchdog.onTransfer(960, 0);
        assertEquals(STALLED, watchdog.poll(5000 * MS));
        watchdog.reset(5000 * MS);
        assertFalse(watchdog.isStalled());
        assertEquals(NONE, watchdog.poll(8000 * MS));
        assertEquals(FLOWING, watchdog.onTransfer(960, 8500 * MS));
    }
}
