package dev.purertc.bench;

import dev.purertc.ice.IceConfig;
import dev.purertc.ice.IceConnectionState;
import dev.purertc.ice.IceEvent;
import dev.purertc.ice.IceServer;
import dev.purertc.ice.IceTransportPolicy;
import dev.purertc.ice.UdpIceTransport;
import dev.purertc.sdp.IceCredentials;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Time from opening two ICE agents in one JVM to both being {@code connected}: candidates and
 * credentials are exchanged in process as they appear (trickle). {@code loopback}: host
 * candidates on 127.0.0.1. {@code coturn}: {@code iceTransportPolicy=relay} through a real coturn
 * on 127.0.0.1 that the benchmark starts (same options as ice/src/test/sh/coturn.sh), so the time
 * includes the 401 exchange, Allocate, CreatePermission and checks through the relay. One
 * single-shot sample per connection; the median is JMH's p(50.0000):
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar IceConnectBenchmark -f 1 -wi 3 -i 20 -bm ss -tu ms
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class IceConnectBenchmark {
  @Param({"loopback", "coturn"})
  public String path;

  private Process coturn;
  private Path coturnDir;
  private int coturnPort;
  private UdpIceTransport a;
  private UdpIceTransport b;
  private long seed;

  @Setup(Level.Trial)
  public void startCoturn() throws IOException, InterruptedException {
    if (!path.equals("coturn")) {
      return;
    }
    coturnDir = Files.createTempDirectory("purertc-bench-coturn");
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      coturnPort = s.getLocalPort();
    }
    coturn = new ProcessBuilder("turnserver", "-n", "--listening-ip=127.0.0.1",
        "--relay-ip=127.0.0.1", "--listening-port=" + coturnPort, "--lt-cred-mech",
        "--user=bench:bench", "--realm=purertc.bench", "--no-tls", "--no-dtls", "--no-cli",
        "--no-tcp-relay", "--allow-loopback-peers", "--fingerprint", "--min-port=45000",
        "--max-port=45999", "--userdb=" + coturnDir.resolve("turndb"),
        "--pidfile=" + coturnDir.resolve("pid"), "--log-file=stdout", "--simple-log")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
    // Wait until it allocates: one warm-up connection must succeed within 10 s.
    long end = System.nanoTime() + 10_000_000_000L;
    while (true) {
      try {
        connect();
        closeAgents();
        return;
      } catch (TimeoutException e) {
        closeAgents();
        if (System.nanoTime() > end || !coturn.isAlive()) {
          throw new IllegalStateException("coturn did not come up", e);
        }
      }
    }
  }

  @Benchmark
  public IceConnectionState connect() throws IOException, InterruptedException, TimeoutException {
    IceConfig controlling = IceConfig.defaults(true);
    IceConfig controlled = IceConfig.defaults(false);
    if (path.equals("coturn")) {
      List<IceServer> servers = List.of(IceServer.turn("turn:127.0.0.1:" + coturnPort, "bench",
          "bench"));
      controlling = controlling.withIceServers(servers).withTransportPolicy(IceTransportPolicy.RELAY);
      controlled = controlled.withIceServers(servers).withTransportPolicy(IceTransportPolicy.RELAY);
    }
    SplittableRandom r = new SplittableRandom(seed++);
    CountDownLatch connected = new CountDownLatch(2);
    AtomicReference<UdpIceTransport> toA = new AtomicReference<>();
    AtomicReference<UdpIceTransport> toB = new AtomicReference<>();
    List<InetAddress> loopback = List.of(InetAddress.getLoopbackAddress());
    a = UdpIceTransport.open(controlling, IceCredentials.random(r), loopback, System::nanoTime,
        r.split(), e -> onEvent(e, toB, connected));
    b = UdpIceTransport.open(controlled, IceCredentials.random(r), loopback, System::nanoTime,
        r.split(), e -> onEvent(e, toA, connected));
    a.setRemoteCredentials(b.localCredentials());
    b.setRemoteCredentials(a.localCredentials());
    toA.set(a);
    toB.set(b);
    // Candidates reported before the peer was known are given now; duplicates are ignored.
    a.localCandidates().forEach(b::addRemoteCandidate);
    b.localCandidates().forEach(a::addRemoteCandidate);
    if (!connected.await(10, TimeUnit.SECONDS)) {
      throw new TimeoutException("not connected in 10 s");
    }
    return a.connectionState();
  }

  private static void onEvent(IceEvent e, AtomicReference<UdpIceTransport> peer,
      CountDownLatch connected) {
    if (e instanceof IceEvent.LocalCandidate c) {
      UdpIceTransport p = peer.get();
      if (p != null) {
        p.addRemoteCandidate(c.candidate());
      }
    } else if (e instanceof IceEvent.ConnectionStateChanged s
        && s.state() == IceConnectionState.CONNECTED) {
      connected.countDown();
    }
  }

  @TearDown(Level.Invocation)
  public void closeAgents() {
    if (a != null) {
      a.close();
    }
    if (b != null) {
      b.close();
    }
    a = null;
    b = null;
  }

  @TearDown(Level.Trial)
  public void stopCoturn() throws InterruptedException, IOException {
    if (coturn != null) {
      coturn.destroy();
      coturn.waitFor(5, TimeUnit.SECONDS);
      coturn.destroyForcibly();
      try (var files = Files.walk(coturnDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }
}
