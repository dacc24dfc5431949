package dev.purertc.audio;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pactl}, the sound server's command-line client, as an external process (no native
 * library). It reaches the same server as the JVM's ALSA pulse plugin because it inherits the
 * JVM's environment ({@code XDG_RUNTIME_DIR} / {@code PULSE_SERVER}).
 *
 * <p>Threading: safe for concurrent use (each call is its own process).
 */
final class Pactl {
    private static final long TIMEOUT_MILLIS = 5_000;

    private final String executable;

    private Pactl(String executable) {
        this.executable = executable;
    }

    /** The {@code pactl} found on {@code PATH}, or null when there is none. */
    static Pactl onPath() {
        return findOnPath("pactl").map(p -> new Pactl(p.toString())).orElse(null);
    }

    /** An executable of this name in a directory of {@code PATH}. */
    static Optional<Path> findOnPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return Optional.of(Path.of(dir, command));
            }
        }
        return Optional.empty();
    }

    /** Runs {@code pactl args...} and returns its standard output. */
    String run(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        // Output through a file: a pipe would need a second thread to drain it under a timeout.
        Path out = Files.createTempFile("purertc-pactl", ".out");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            try {
                if (!p.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                    throw new IOException("pactl " + String.join(" ", args) + " did not finish in " + TIMEOUT_MILLIS + " ms");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while running pactl", e);
            }
            if (p.exitValue() != 0) {
                throw new IOException("pactl " + String.join(" ", args) + " exited with " + p.exitValue());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Whether a sound server answers. */
    boolean serverReachable() {
        try {
            run("info");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Sinks (outputs) and sources (inputs) with the defaults marked. */
    List<AudioDevice> listDevices() throws IOException {
        var info = PactlParser.info(run("info"));
        List<AudioDevice> devices = new ArrayList<>();
        devices.addAll(PactlParser.devices(run("list", "sources"), Direction.INPUT, info.get("Default Source")));
        devices.addAll(PactlParser.devices(run("list", "sinks"), Direction.OUTPUT, info.get("Default Sink")));
        return devices;
    }

    /**
     * Moves this process's streams of a direction to a sink or source ({@code move-sink-input} /
     * {@code move-source-output}).
     *
     * @return how many streams were moved (0 while the stream is not yet known to the server)
     */
    int moveOwnStreams(Direction direction, String deviceName) throws IOException {
        boolean output = direction == Direction.OUTPUT;
        String listing = run("list", output ? "sink-inputs" : "source-outputs");
        int moved = 0;
        IOException failure = null;
        for (int index : PactlParser.streamsOf(listing, ProcessHandle.current().pid())) {
            try {
                run(output ? "move-sink-input" : "move-source-output", Integer.toString(index), deviceName);
                moved++;
            } catch (IOException e) {
                // A stream of a line just closed may vanish between the listing and the move; the others still go.
                failure = e;
            }
        }
        if (moved == 0 && failure != null) {
            throw failure;
        }
        return moved;
    }

    /** Starts {@code pactl subscribe}; its standard output carries one line per server event. */
    Process subscribe() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(executable, "subscribe").redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("LC_ALL", "C");
        return pb.start();
    }
}
