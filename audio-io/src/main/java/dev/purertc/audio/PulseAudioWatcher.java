package dev.purertc.audio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sound-server watcher: follows {@code pactl subscribe} and, on every sink, source or server
 * event, lists the devices again ({@code pactl info}, {@code pactl list sinks|sources}) and hands
 * the whole list on; a new playback or capture stream of any client is handed on too (it may be
 * this process's, to be moved to its route). When the server goes away {@code pactl subscribe} ends; the watcher hands on
 * an empty list and retries every {@code retryMillis} until the server is back.
 *
 * <p>Thread: {@code purertc-audio-pactl}; the consumer is called on it.
 */
final class PulseAudioWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PulseAudioWatcher.class);

    private final Pactl pactl;
    private final Consumer<List<AudioDevice>> onDevices;
    private final Consumer<Direction> onNewStream;
    private final long retryMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Process subscription;

    PulseAudioWatcher(Pactl pactl, Consumer<List<AudioDevice>> onDevices, Consumer<Direction> onNewStream,
                      long retryMillis) {
        this.pactl = pactl;
        this.onDevices = onDevices;
        this.onNewStream = onNewStream;
        this.retryMillis = retryMillis;
        this.thread = new Thread(this::run, "purertc-audio-pactl");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                Process p = pactl.subscribe();
                subscription = p;
                publish();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while (running && (line = r.readLine()) != null) {
                        Direction stream = PactlParser.newStream(line);
                        if (stream != null) {
                            onNewStream.accept(stream);
                            continue;
                        }
                        String facility = PactlParser.eventFacility(line);
                        if ("sink".equals(facility) || "source".equals(facility) || "server".equals(facility)) {
                            // One listing for a burst of events (a new sink brings its monitor source too).
                            while (r.ready() && r.readLine() != null) {
                                // drained
                            }
                            publish();
                        }
                    }
                }
                p.destroy();
            } catch (IOException e) {
                LOG.debug("pactl subscribe failed: {}", e.getMessage());
            }
            if (!running) {
                break;
            }
            // The subscription ended: the server is gone (or pactl failed).
            onDevices.accept(List.of());
            try {
                TimeUnit.MILLISECONDS.sleep(retryMillis);
            } catch (InterruptedException e) {
                break;
            }
        }
    }

    private void publish() {
        List<AudioDevice> devices;
        try {
            devices = pactl.listDevices();
        } catch (IOException e) {
            devices = List.of();
        }
        if (running) {
            onDevices.accept(devices);
        }
    }

    /** Stops the subscription and the thread. Idempotent. */
    @Override
    public void close() {
        running = false;
        Process p = subscription;
        if (p != null) {
            p.destroy();
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
