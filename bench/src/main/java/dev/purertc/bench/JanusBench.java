package dev.purertc.bench;

import dev.purertc.janus.AudioBridge;
import dev.purertc.janus.AudioBridgeEvent;
import dev.purertc.janus.AudioBridgeRequest;
import dev.purertc.janus.JanusClient;
import dev.purertc.janus.JanusClientOptions;
import dev.purertc.janus.JanusSession;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Round-trip time of Janus requests on loopback, against a real Debian {@code janus} that the
 * benchmark starts and stops with {@code janus/scripts/janus-test-server} (run from the repository
 * root, or set {@code -Dpurertc.janus.script=...}). One request at a time, so the score is the
 * latency of one request: a synchronous AudioBridge request ({@code exists}, one reply), an
 * asynchronous one ({@code configure}: ack, then event), and a core {@code keepalive}; over
 * WebSocket and over HTTP.
 *
 * <pre>java -jar bench/target/benchmarks.jar JanusBench -f 1 -wi 3 -w 1s -i 5 -r 1s</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class JanusBench {
    private static final long ROOM = 4242;

    private Path dir;
    private String script;
    private JanusClient ws;
    private JanusClient http;
    private JanusSession wsSession;
    private AudioBridge wsBridge;
    private AudioBridge httpBridge;
    private boolean muted;

    @Setup(Level.Trial)
    public void startJanus() throws Exception {
        script = System.getProperty("purertc.janus.script", "janus/scripts/janus-test-server");
        dir = Files.createTempDirectory("purertc-janus-bench");
        int wsPort = freePort();
        int httpPort = freePort();
        run("start", dir.toString(), String.valueOf(wsPort), String.valueOf(httpPort), "60", "0",
                String.valueOf(ProcessHandle.current().pid()));
        ws = JanusClient.connect(JanusClientOptions.of("ws://127.0.0.1:" + wsPort));
        http = JanusClient.connect(JanusClientOptions.of("http://127.0.0.1:" + httpPort + "/janus"));
        wsSession = ws.createSession().join();
        wsBridge = AudioBridge.attach(wsSession).join();
        httpBridge = AudioBridge.attach(http.createSession().join()).join();
        wsBridge.create(AudioBridgeRequest.Create.builder().room(ROOM).build()).join();
        wsBridge.join(AudioBridgeRequest.Join.builder(ROOM).display("bench").build(), null).join();
    }

    @TearDown(Level.Trial)
    public void stopJanus() throws Exception {
        try {
            ws.close();
            http.close();
        } finally {
            run("stop", dir.toString());
            try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Benchmark
    public boolean existsOverWebSocket() {
        return wsBridge.exists(ROOM).join();
    }

    @Benchmark
    public boolean existsOverHttp() {
        return httpBridge.exists(ROOM).join();
    }

    @Benchmark
    public AudioBridgeEvent.Configured configureOverWebSocket() {
        muted = !muted;
        return wsBridge.configure(AudioBridgeRequest.Configure.builder().muted(muted).build(), null).join();
    }

    @Benchmark
    public Void keepaliveOverWebSocket() {
        return wsSession.keepalive().join();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void run(String... args) throws Exception {
        String[] command = new String[args.length + 2];
        command[0] = "bash";
        command[1] = script;
        System.arraycopy(args, 0, command, 2, args.length);
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("janus-test-server " + args[0] + " failed");
        }
    }
}
