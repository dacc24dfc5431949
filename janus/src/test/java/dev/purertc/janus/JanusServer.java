package dev.purertc.janus;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian {@code janus} on 127.0.0.1 for the tests, started and stopped through the
 * project's script {@code janus/scripts/janus-test-server} (test configuration: AudioBridge only,
 * WebSockets + HTTP, short session_timeout). The script's watchdog also stops it if this JVM dies;
 * {@link #close()} stops it in every other case.
 */
final class JanusServer implements AutoCloseable {
    /** The shared server's session_timeout in seconds: short, so keepalive and timeout tests are quick. */
    static final int SESSION_TIMEOUT_SECONDS = 3;
    /** The shared server's reclaim_session_timeout in seconds. */
    static final int RECLAIM_SECONDS = 5;

    private static JanusServer shared;

    private final Path dir;
    private final int wsPort;
    private final int httpPort;
    private final int sessionTimeoutSeconds;
    private final int reclaimSeconds;
    private boolean running;

    private JanusServer(Path dir, int wsPort, int httpPort, int sessionTimeoutSeconds, int reclaimSeconds) {
        this.dir = dir;
        this.wsPort = wsPort;
        this.httpPort = httpPort;
        this.sessionTimeoutSeconds = sessionTimeoutSeconds;
        this.reclaimSeconds = reclaimSeconds;
    }

    /** The server most tests share: started on first use, stopped when the test JVM ends. */
    static synchronized JanusServer shared() throws IOException {
        if (shared == null) {
            JanusServer server = start("shared", SESSION_TIMEOUT_SECONDS, RECLAIM_SECONDS);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "purertc-janus-test-stop"));
            shared = server;
        }
        return shared;
    }

    /** A server of its own, on free ports, for tests that kill or restart it. */
    static JanusServer start(String name, int sessionTimeoutSeconds, int reclaimSeconds) throws IOException {
        Path base = Path.of(System.getProperty("purertc.janus.workdir", "target/janus-test"));
        Path dir = base.resolve(name + "-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(dir);
        JanusServer server = new JanusServer(dir, freePort(), freePort(), sessionTimeoutSeconds, reclaimSeconds);
        server.startProcess();
        return server;
    }

    void startProcess() throws IOException {
        run("start", dir.toString(), String.valueOf(wsPort), String.valueOf(httpPort),
                String.valueOf(sessionTimeoutSeconds), String.valueOf(reclaimSeconds),
                String.valueOf(ProcessHandle.current().pid()));
        running = true;
    }

    void stopProcess() {
        if (!running) {
            return;
        }
        running = false;
        try {
            run("stop", dir.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    String wsUri() {
        return "ws://127.0.0.1:" + wsPort;
    }

    String httpUri() {
        return "http://127.0.0.1:" + httpPort + "/janus";
    }

    int wsPort() {
        return wsPort;
    }

    Path recordingsDir() {
        return dir.resolve("recordings");
    }

    /** The URI of a transport by name, {@code ws} or {@code http}. */
    String uri(String transport) {
        return transport.equals("ws") ? wsUri() : httpUri();
    }

    /** A client of this server over {@code ws} or {@code http}, keepalive as given, 5 s request timeout. */
    JanusClient connect(String transport, java.time.Duration keepalive) {
        return JanusClient.connect(JanusClientOptions.of(uri(transport))
                .withKeepaliveInterval(keepalive)
                .withRequestTimeout(java.time.Duration.ofSeconds(5))
                .withReclaimWindow(java.time.Duration.ofSeconds(reclaimSeconds)));
    }

    @Override
    public synchronized void close() {
        stopProcess();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void run(String... args) throws IOException {
        String script = System.getProperty("purertc.janus.script", "scripts/janus-test-server");
        List<String> command = new ArrayList<>();
        command.add("bash");
        command.add(script);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("janus-test-server " + args[0] + " did not finish in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException("janus-test-server " + String.join(" ", args) + " failed: " + out);
        }
    }
}
