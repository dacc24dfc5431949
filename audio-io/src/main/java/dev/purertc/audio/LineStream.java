package dev.purertc.audio;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that keeps one direction's line open and moving: opens it on the current route,
 * transfers 10-20 ms at a time, feeds the {@link LineWatchdog}, and reopens the line when the
 * route changes or the line stalls (the device vanished or the sound server died), retrying while
 * no device can be opened. Capture and playback differ only in the transfer.
 */
abstract class LineStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LineStream.class);
    /** Back-off after a zero-length transfer, so a dead line (read() returning 0 forever) does not spin. */
    private static final long ZERO_TRANSFER_PAUSE_NANOS = 10_000_000;

    final Direction direction;
    final int channels;
    final LongSupplier clock;
    final LevelMeter meter = new LevelMeter();
    private final LineHost host;
    private final LineWatchdog watchdog;
    private final long retryNanos;
    private final int bufferMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile OpenedLine line;
    private volatile boolean reopenRequested;
    private String lastFailure;
    private long openedAtNanos;

    LineStream(String threadName, Direction direction, int channels, LineHost host, AudioSessionConfig config) {
        this.direction = direction;
        this.channels = AudioFrame.checkChannels(channels);
        this.host = host;
        this.clock = config.clockNanos();
        this.retryNanos = config.stallMillis() * 1_000_000L;
        this.bufferMillis = config.bufferMillis();
        this.watchdog = new LineWatchdog(config.stallMillis() * 1_000_000L, config.startupGraceMillis() * 1_000_000L,
                clock.getAsLong());
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** The line was opened at {@code line.format()}: set up conversion. */
    abstract void opened(OpenedLine line);

    /** One read or write on the open line; returns the bytes moved (0 when nothing moved). */
    abstract int transfer(OpenedLine line);

    /** Called about every 20 ms while no line is open (playback keeps pulling its source). */
    abstract void idle();

    int bufferMillis() {
        return bufferMillis;
    }

    long openedAtNanos() {
        return openedAtNanos;
    }

    /**
     * The route changed or the watcher saw the line stall: close the line (which also unblocks a
     * transfer stuck in it) and reopen at once.
     */
    void requestReopen() {
        reopenRequested = true;
        OpenedLine l = line;
        if (l != null) {
            l.closeQuietly();
        }
    }

    /** Whether a line is open now. */
    boolean hasLine() {
        return line != null;
    }

    /** Called by the session's watcher: sees transfers blocked inside the line. */
    void pollHealth(long nowNanos) {
        if (line == null) {
            return;
        }
        LineWatchdog.Transition t = watchdog.poll(nowNanos);
        report(t);
        if (t == LineWatchdog.Transition.STALLED) {
            requestReopen();
        }
    }

    private void report(LineWatchdog.Transition t) {
        if (t != LineWatchdog.Transition.NONE) {
            host.lineHealth(direction, t, "line stalled: no audio for " + watchdog.stallMillis() + " ms");
        }
    }

    private void run() {
        long lastOpenAttempt = Long.MIN_VALUE / 2;
        boolean stalledReopen = false;
        while (running) {
            OpenedLine l = line;
            boolean requested = reopenRequested;
            if (l == null || requested || stalledReopen) {
                if (l != null) {
                    line = null;
                    l.closeQuietly();
                }
                long now = clock.getAsLong();
                // A route change reopens at once; a stalled or unopenable device is retried once per
                // stall time, not in a tight loop (opening re-probes every mixer).
                boolean retrying = stalledReopen || lastFailure != null;
                if (!requested && retrying && now - lastOpenAttempt < retryNanos) {
                    idle();
                    continue;
                }
                reopenRequested = false;
                stalledReopen = false;
                lastOpenAttempt = now;
                try {
                    l = host.openLine(direction, channels);
                } catch (AudioDeviceException e) {
                    if (!e.getMessage().equals(lastFailure)) {
                        LOG.warn("{}: {}", direction.label(), e.getMessage());
                    }
                    lastFailure = e.getMessage();
                    idle();
                    continue;
                }
                lastFailure = null;
                opened(l);
                try {
                    l.line().start();
                } catch (RuntimeException e) {
                    l.closeQuietly();
                    lastFailure = "could not start: " + e.getMessage();
                    idle();
                    continue;
                }
                openedAtNanos = clock.getAsLong();
                watchdog.reset(openedAtNanos);
                line = l;
                if (!running) {
                    break;
                }
            }
            int moved;
            try {
                moved = transfer(l);
            } catch (RuntimeException e) {
                moved = 0; // a line closed under us, or a dead device: the watchdog decides
            }
            long now = clock.getAsLong();
            LineWatchdog.Transition t = watchdog.onTransfer(moved, now);
            report(t);
            if (moved <= 0) {
                stalledReopen = watchdog.isStalled();
                LockSupport.parkNanos(ZERO_TRANSFER_PAUSE_NANOS);
            }
        }
        OpenedLine l = line;
        line = null;
        if (l != null) {
            l.closeQuietly();
        }
    }

    /** Stops the thread and closes the line. Idempotent. */
    @Override
    public void close() {
        running = false;
        OpenedLine l = line;
        if (l != null) {
            l.closeQuietly();
        }
        LockSupport.unpark(thread);
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
