package dev.purertc.audio;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sound.sampled.Mixer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audio session of a JVM program: what a phone's OS gives an app (routes, route changes,
 * interruptions), built on javax.sound.sampled.
 *
 * <p>Devices come from one of two watchers. With a PulseAudio/PipeWire server and {@code pactl}
 * installed, the sinks and sources of the server are the devices (javax.sound sees only ALSA's
 * {@code default} there, real-peers.md §3); lines open on that {@code default} mixer and the
 * session moves its own streams to the chosen sink/source with {@code pactl move-sink-input} /
 * {@code move-source-output}. Otherwise the javax.sound mixers are the devices, re-read every
 * {@link AudioSessionConfig#devicePollMillis()}. Which of the two is decided when the session
 * opens. A line-health watchdog on each running line
 * turns stalled or zero-length transfers into an interruption (the only sign of a dead server).
 * All of it feeds one {@link AudioRouter} and comes out as one stream of {@link AudioEvent}s.
 *
 * <p>Threads: {@code purertc-audio-watch} (mixer list, watchdog polls, stream moves),
 * {@code purertc-audio-pactl} (sound-server watcher), {@code purertc-audio-capture},
 * {@code purertc-audio-playback}, and {@code purertc-audio-events}, on which the listener gets
 * every event, one at a time and in order. All public methods are thread-safe.
 */
public final class AudioSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AudioSession.class);
    private static final long WATCH_TICK_NANOS = 100_000_000;
    /** Moves tried about every 100 ms for this many ticks after a line opens (the stream shows up late). */
    private static final int MOVE_ATTEMPTS = 50;

    private final AudioSessionConfig config;
    private final Consumer<AudioEvent> listener;
    private final Object lock = new Object();
    private final AudioRouter router;
    private final Pactl pactl;
    private final ExecutorService events;
    private final Thread watchThread;
    /** Streams to put on their route; each request numbered, so a move in flight cannot retire a newer one. */
    private final Map<Direction, PendingMove> pendingMoves = new EnumMap<>(Direction.class);
    private long moveRequests;
    private PulseAudioWatcher pulseWatcher;
    private CaptureStream capture;
    private PlaybackStream playback;
    /** The user's mute, kept apart from the stream so a mute set before capture starts holds. */
    private boolean inputMuted;
    private volatile boolean closed;

    private AudioSession(AudioSessionConfig config, Consumer<AudioEvent> listener, Pactl pactl) {
        this.config = config;
        this.listener = listener;
        this.router = new AudioRouter(config.policy());
        this.pactl = pactl;
        this.events = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "purertc-audio-events");
            t.setDaemon(true);
            return t;
        });
        this.watchThread = new Thread(this::watch, "purertc-audio-watch");
        this.watchThread.setDaemon(true);
    }

    /**
     * Lists the devices and starts watching them. The first events (every device added, the
     * initial routes) reach the listener right after.
     *
     * @param listener gets every event on {@code purertc-audio-events}; must not block for long
     */
    public static AudioSession open(AudioSessionConfig config, Consumer<AudioEvent> listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(listener, "listener");
        Pactl pactl = config.soundServerWatcher() ? Pactl.onPath() : null;
        if (pactl != null && !pactl.serverReachable()) {
            pactl = null; // no server now: javax.sound's own mixers are the devices
        }
        AudioSession session = new AudioSession(config, listener, pactl);
        session.start();
        return session;
    }

    private void start() {
        if (pactl != null) {
            // Listed once here as well as by the watcher, so devices() is complete when open() returns.
            List<AudioDevice> initial;
            try {
                initial = pactl.listDevices();
            } catch (java.io.IOException e) {
                initial = List.of();
            }
            feedDevices(initial);
            pulseWatcher = new PulseAudioWatcher(pactl, this::feedDevices, this::streamAppeared, config.stallMillis() / 2);
            pulseWatcher.start();
        } else {
            feedDevices(JavaSoundDevices.list());
        }
        watchThread.start();
    }

    /** Whether devices are the sinks and sources of a PulseAudio/PipeWire server. */
    public boolean isSoundServer() {
        return pactl != null;
    }

    /** The devices now: inputs and outputs, defaults marked. */
    public List<AudioDevice> devices() {
        synchronized (lock) {
            return router.devices();
        }
    }

    /** The device carrying a direction now, if any. */
    public Optional<AudioDevice> route(Direction direction) {
        synchronized (lock) {
            return router.route(direction);
        }
    }

    /**
     * The user chooses the device for a direction (the route picker); it stays chosen while it
     * exists. A running stream moves to it.
     *
     * @throws AudioDeviceException naming the selector when no such device exists
     * @throws IllegalStateException if the session is closed
     */
    public void select(Direction direction, DeviceSelector selector) throws AudioDeviceException {
        synchronized (lock) {
            checkOpen();
            router.select(direction, selector);
            drain();
        }
    }

    /** Drops the user's choice for a direction: the route follows the default again. */
    public void followDefault(Direction direction) {
        synchronized (lock) {
            checkOpen();
            router.followDefault(direction);
            drain();
        }
    }

    /**
     * Starts capturing 20 ms frames at 48 kHz to {@code sink} from the input route (and the next
     * one after every route change or interruption).
     *
     * @param channels 1 or 2
     * @param sink     called on {@code purertc-audio-capture}
     * @throws IllegalStateException if capture already runs or the session is closed
     */
    public void startCapture(int channels, FrameSink sink) {
        Objects.requireNonNull(sink, "sink");
        synchronized (lock) {
            checkOpen();
            if (capture != null) {
                throw new IllegalStateException("capture already runs");
            }
            capture = new CaptureStream(channels, sink, host, config);
            capture.setMuted(inputMuted);
            capture.start();
        }
    }

    /**
     * Starts playing {@code source} to the output route, one frame per 20 ms of the device clock.
     *
     * @throws IllegalStateException if playback already runs or the session is closed
     */
    public void startPlayback(FrameSource source) {
        Objects.requireNonNull(source, "source");
        synchronized (lock) {
            checkOpen();
            if (playback != null) {
                throw new IllegalStateException("playback already runs");
            }
            playback = new PlaybackStream(source, host, config);
            playback.start();
        }
    }

    /**
     * Mutes or unmutes the input: capture keeps running and sends silence while muted. A mute set
     * before {@link #startCapture} holds from the first frame.
     */
    public void setInputMuted(boolean muted) {
        synchronized (lock) {
            inputMuted = muted;
            if (capture != null) {
                capture.setMuted(muted);
            }
        }
    }

    /** Level of the last captured frame before muting, dBFS (−127 when nothing was captured). */
    public double inputLevelDbfs() {
        CaptureStream c;
        synchronized (lock) {
            c = capture;
        }
        return c == null ? LevelMeter.FLOOR_DBFS : c.meter.levelDbfs();
    }

    /** Level of the last frame pulled for playback, dBFS. */
    public double outputLevelDbfs() {
        PlaybackStream p;
        synchronized (lock) {
            p = playback;
        }
        return p == null ? LevelMeter.FLOOR_DBFS : p.meter.levelDbfs();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("audio session is closed");
        }
    }

    private final LineHost host = new LineHost() {
        @Override
        public OpenedLine openLine(Direction direction, int channels) throws AudioDeviceException {
            AudioDevice device;
            Mixer.Info mixer;
            synchronized (lock) {
                device = router.route(direction).orElseThrow(() ->
                        new AudioDeviceException("default " + direction.label(), "is not available: no "
                                + direction.label() + " device is present"));
            }
            if (device.backend() == AudioBackend.PULSE_AUDIO) {
                mixer = JavaSoundDevices.firstFor(direction).orElseThrow(() -> new AudioDeviceException(device.shortName(),
                        "is not reachable: javax.sound sees no mixer for the sound server (ALSA's pulse plugin, "
                                + "Debian package libasound2-plugins, and the server's XDG_RUNTIME_DIR are needed)"));
            } else {
                mixer = JavaSoundDevices.find(device).orElseThrow(() ->
                        new AudioDeviceException(device.shortName(), "is not present"));
            }
            OpenedLine line = OpenedLine.open(mixer, device, direction, channels, config.bufferMillis());
            if (device.backend() == AudioBackend.PULSE_AUDIO) {
                synchronized (lock) {
                    requestMove(direction);
                }
            }
            return line;
        }

        @Override
        public void lineHealth(Direction direction, LineWatchdog.Transition transition, String why) {
            synchronized (lock) {
                if (transition == LineWatchdog.Transition.STALLED) {
                    router.lineStalled(direction, why);
                } else if (transition == LineWatchdog.Transition.FLOWING) {
                    router.lineRecovered(direction);
                }
                drain();
            }
        }
    };

    private void feedDevices(List<AudioDevice> devices) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                router.updateDevices(devices);
            } catch (RuntimeException e) {
                // A caller's route policy failed: keep the routes as they were, report what the
                // router did take in, and keep watching (the watcher threads must not die of it).
                LOG.error("route policy failed on a device change; routes unchanged", e);
            }
            drain();
        }
    }

    /**
     * The server has a new stream: if it is ours (a line just opened), it goes to its route
     * even when it appeared after the move attempts that followed the open ran out.
     */
    private void streamAppeared(Direction direction) {
        synchronized (lock) {
            LineStream stream = direction == Direction.INPUT ? capture : playback;
            if (!closed && stream != null) {
                requestMove(direction);
            }
        }
    }

    /** Hands the router's events to the listener and moves running streams along. Under the lock. */
    private void drain() {
        AudioEvent event;
        while ((event = router.poll()) != null) {
            if (event instanceof AudioEvent.RouteChanged change) {
                LineStream stream = change.direction() == Direction.INPUT ? capture : playback;
                if (stream != null && change.current() == null) {
                    // A running stream has lost its line: its interruption ends when audio flows
                    // again on the next device, not merely when one appears.
                    router.lineStalled(change.direction(), "no " + change.direction().label() + " device left");
                }
                if (stream != null) {
                    boolean serverMove = change.previous() != null && change.current() != null
                            && change.previous().backend() == AudioBackend.PULSE_AUDIO
                            && change.current().backend() == AudioBackend.PULSE_AUDIO && stream.hasLine();
                    if (serverMove) {
                        requestMove(change.direction()); // the server moves the live stream
                    } else {
                        stream.requestReopen();
                    }
                }
            }
            LOG.debug("event {}", event.format());
            AudioEvent e = event;
            events.execute(() -> {
                try {
                    listener.accept(e);
                } catch (RuntimeException ex) {
                    LOG.warn("audio event listener failed on {}: {}", e.format(), ex.toString());
                }
            });
        }
    }

    private void watch() {
        long lastPoll = config.clockNanos().getAsLong();
        while (!closed) {
            LockSupport.parkNanos(WATCH_TICK_NANOS);
            if (closed) {
                break;
            }
            long now = config.clockNanos().getAsLong();
            boolean listDue = pactl == null && now - lastPoll >= config.devicePollMillis() * 1_000_000L;
            if (listDue) {
                lastPoll = now;
            }
            try {
                watchOnce(now, listDue);
            } catch (RuntimeException e) {
                // e.g. a broken MixerProvider: log it and keep watching rather than go deaf.
                LOG.error("audio watcher tick failed", e);
            }
        }
    }

    /** One tick of the watcher: the mixer list when due, line health, stream moves. */
    private void watchOnce(long now, boolean listDue) {
        if (listDue) {
            feedDevices(JavaSoundDevices.list());
        }
        CaptureStream c;
        PlaybackStream p;
        synchronized (lock) {
            c = capture;
            p = playback;
        }
        if (c != null) {
            c.pollHealth(now);
        }
        if (p != null) {
            p.pollHealth(now);
        }
        if (pactl != null) {
            movePending();
        }
    }

    private record PendingMove(long request, int attemptsLeft) {
    }

    /** Under the lock. */
    private void requestMove(Direction direction) {
        pendingMoves.put(direction, new PendingMove(++moveRequests, MOVE_ATTEMPTS));
    }

    /** Puts this process's server streams on their routes (pactl calls, outside the lock). */
    private void movePending() {
        for (Direction direction : Direction.values()) {
            AudioDevice target;
            PendingMove move;
            synchronized (lock) {
                move = pendingMoves.get(direction);
                if (move == null) {
                    continue;
                }
                if (move.attemptsLeft() <= 1) {
                    pendingMoves.remove(direction);
                } else {
                    pendingMoves.put(direction, new PendingMove(move.request(), move.attemptsLeft() - 1));
                }
                target = router.route(direction).filter(d -> d.backend() == AudioBackend.PULSE_AUDIO).orElse(null);
            }
            if (target == null) {
                continue;
            }
            try {
                int moved = pactl.moveOwnStreams(direction, target.nativeName());
                LOG.debug("moved {} {} stream(s) to {}", moved, direction.label(), target.id());
                if (moved > 0) {
                    synchronized (lock) {
                        PendingMove now = pendingMoves.get(direction);
                        if (now != null && now.request() == move.request()) {
                            pendingMoves.remove(direction);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                LOG.debug("moving the {} stream to {} failed: {}", direction.label(), target.id(), e.getMessage());
            }
        }
    }

    /** Stops capture, playback and the watchers, and closes the lines. Idempotent. */
    @Override
    public void close() {
        CaptureStream c;
        PlaybackStream p;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = capture;
            p = playback;
        }
        LockSupport.unpark(watchThread);
        if (pulseWatcher != null) {
            pulseWatcher.close();
        }
        if (c != null) {
            c.close();
        }
        if (p != null) {
            p.close();
        }
        try {
            watchThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        events.shutdown();
        try {
            events.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
