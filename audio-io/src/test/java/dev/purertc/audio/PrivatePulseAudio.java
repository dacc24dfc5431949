package dev.purertc.audio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private PulseAudio daemon for tests, in the runtime directory the surefire configuration
 * gives this JVM as {@code XDG_RUNTIME_DIR} (audio-io/pom.xml): the ALSA pulse plugin inside
 * javax.sound and every {@code pactl} the session starts look there, so they reach this server
 * and no other. Started with {@link #start()}, stopped with {@link #close()} in every case.
 */
final class PrivatePulseAudio implements AutoCloseable {
    private final Path runtimeDir;
    private final Path script;
    private final Path log;

    PrivatePulseAudio() {
        String env = System.getenv("XDG_RUNTIME_DIR");
        String configured = System.getProperty("purertc.audio.pulseRuntime");
        if (configured == null || !configured.equals(env)) {
            throw new IllegalStateException("run through Maven: surefire must set XDG_RUNTIME_DIR to "
                    + "purertc.audio.pulseRuntime (got XDG_RUNTIME_DIR=" + env + ", property=" + configured + ")");
        }
        this.runtimeDir = Path.of(configured);
        this.script = WavFileTest.resource("pulse/test-server.pa");
        this.log = runtimeDir.resolveSibling("pulse-test.log");
        if (Pactl.onPath() == null || Pactl.findOnPath("pulseaudio").isEmpty()) {
            throw new IllegalStateException("pulseaudio and pactl are needed (Debian packages pulseaudio, "
                    + "pulseaudio-utils, libasound2-plugins; scripts/test installs them)");
        }
    }

    /** Starts the daemon (stopping a leftover one first) and waits until it answers. */
    void start() throws IOException, InterruptedException {
        stop();
        Files.createDirectories(runtimeDir);
        Files.setPosixFilePermissions(runtimeDir, PosixFilePermissions.fromString("rwx------"));
        int exit = run(List.of("pulseaudio", "-n", "-F", script.toString(), "-D", "--exit-idle-time=-1",
                "--log-target=file:" + log));
        if (exit != 0) {
            throw new IOException("pulseaudio -D exited with " + exit + "; see " + log);
        }
        EventLog.until(() -> pactl("info") == 0, Duration.ofSeconds(10), "PulseAudio answering in " + runtimeDir);
    }

    /** Stops the daemon if it runs; waits until its process is gone. */
    void stop() throws InterruptedException {
        Path pidFile = runtimeDir.resolve("pulse/pid");
        Optional<ProcessHandle> daemon = Optional.empty();
        try {
            if (Files.exists(pidFile)) {
                daemon = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
            }
        } catch (IOException | NumberFormatException e) {
            // no usable pid file: pulseaudio -k below still asks the server to leave
        }
        run(List.of("pulseaudio", "-k"));
        if (daemon.isPresent() && daemon.get().isAlive()) {
            ProcessHandle p = daemon.get();
            try {
                p.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }

    int pactl(String... args) {
        try {
            return run(concat("pactl", args));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    String pactlOutput(String... args) throws IOException {
        return Pactl.onPath().run(args);
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(List.of(rest));
        return all;
    }

    private int run(List<String> command) throws InterruptedException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
