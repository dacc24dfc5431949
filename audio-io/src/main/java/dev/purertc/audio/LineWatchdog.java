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
 * that did. Within {@code startupGraceNanos} after {@link #reset} (the line was opened) nothing
 * counts as a stall, because a freshly started line under PulseAudio can take 2-3 s to deliver
 * its first second, and its first playback write can block ~1.8 s after the first few succeed
 * (real-peers.md §3; seen again in PulseAudioSessionTest). Zero-length transfers do not count as
 * progress. Blocked transfers are seen by calling {@link #poll} from another thread.
 *
 * <p>Threading: all methods synchronized; the audio thread reports transfers and a watcher polls.
 */
final class LineWatchdog {
    /** What a report changed. */
    enum Transition { NONE, STALLED, FLOWING }

    private final long stallNanos;
    private final long startupGraceNanos;
    private long lastProgressNanos;
    private long resetNanos;
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
        resetNanos = nowNanos;
        stalled = false;
        announceFlow = true;
    }

    /** A read or write moved {@code bytes} (0 or more) at {@code nowNanos}. */
    synchronized Transition onTransfer(int bytes, long nowNanos) {
        if (bytes > 0) {
            lastProgressNanos = nowNanos;
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
        boolean inGrace = nowNanos - resetNanos <= startupGraceNanos;
        if (!stalled && !inGrace && nowNanos - lastProgressNanos > stallNanos) {
            stalled = true;
            return Transition.STALLED;
        }
        return Transition.NONE;
    }

    /** Whether the line is stalled now. */
    synchronized boolean isStalled() {
        return stalled;
    }

    /** Milliseconds without progress that count as a stall (for messages). */
    long stallMillis() {
        return stallNanos / 1_000_000;
    }
}
