package dev.purertc.audio;

/**
 * Stall detection for one line, sans I/O: fed the size of every read or write and the time, it
 * says when the line stopped moving audio and when it moved again.
 *
 * <p>Why it exists: under PulseAudio a line whose server died keeps {@code isOpen()} and
 * {@code isActive()} true and {@code read()} returns 0 immediately forever, with no exception and
 * no LineEvent (real-peers.md §3). So "no bytes for a while" is the only sign of a lost device.
 *
 * <p>Rule: a line is stalled when no transfer moved a byte for {@code stallNanos} since the last
 * that did — or for {@code startupGraceNanos} after {@link #reset} before the first one, because
 * a freshly started line under PulseAudio can take 2-3 s to deliver its first second.
 * Zero-length transfers do not count as progress. Blocked transfers are seen by calling
 * {@link #poll} from another thread.
 *
 * <p>Threading: all methods synchronized; the audio thread reports transfers and a watcher polls.
 */
final class LineWatchdog {
    /** What a report changed. */
    enum Transition { NONE, STALLED, FLOWING }

    private final long stallNanos;
    private final long startupGraceNanos;
    private long lastProgressNanos;
    private boolean sawData;
    private boolean stalled;
    /** Report FLOWING on the first progress after a reset, so a reopened line announces itself. */
    private boolean announceFlow;

    LineWatchdog(long stallNanos, long startupGraceNanos, long nowNanos) {
        if (stallNanos <= 0 || startupGraceNanos <= 0) {
            throw new IllegalArgumentException("stall and grace times must be positive");
        }
        this.stallNanos = stallNanos;
        this.startupGraceNanos = startupGraceNanos;
        reset(nowNanos);
    }

    /** A line was (re)opened now: the start-up grace begins again. */
    synchronized void reset(long nowNanos) {
        lastProgressNanos = nowNanos;
        sawData = false;
        stalled = false;
        announceFlow = true;
    }

    /** A read or write moved {@code bytes} (0 or more) at {@code nowNanos}. */
    synchronized Transition onTransfer(int bytes, long nowNanos) {
        if (bytes > 0) {
            lastProgressNanos = nowNanos;
            sawData = true;
            if (stalled || announceFlow) {
                stalled = false;
                announceFlow = false;
                return Transition.FLOWING;
            }
            return Transition.NONE;
        }
        return poll(nowNanos);
    }

    /** Checks the time since the last progress. */
    synchronized Transition poll(long nowNanos) {
        long limit = sawData ? stallNanos : startupGraceNanos;
        if (!stalled && nowNanos - lastProgressNanos > limit) {
            stalled = true;
            return Transition.STALLED;
        }
        return Transition.NONE;
    }

    /** Whether the line is stalled now. */
    synchronized boolean isStalled() {
        return stalled;
    }

    /** Milliseconds without progress that count as a stall now (for messages). */
    synchronized long limitMillis() {
        return (sawData ? stallNanos : startupGraceNanos) / 1_000_000;
    }
}
