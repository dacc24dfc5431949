package dev.purertc.ice;

import dev.purertc.ice.stun.StunClass;
import dev.purertc.ice.stun.StunMessage;
import dev.purertc.ice.stun.TransactionId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real coturn on 127.0.0.1 started through {@code src/test/sh/coturn.sh} with a per-run
 * temporary directory and a free port; {@link #close()} stops it in every case.
 */
final class Coturn implements AutoCloseable {
  static final String USER = "purertc";
  static final String PASSWORD = "s3cret";
  static final String REALM = "purertc.test";

  private final Process process;
  private final Path dir;
  private final List<String> log = new ArrayList<>();
  final InetSocketAddress address;

  private Coturn(Process process, Path dir, InetSocketAddress address) {
    this.process = process;
    this.dir = dir;
    this.address = address;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          synchronized (log) {
            log.add(line);
            log.notifyAll();
          }
        }
      } catch (IOException ignored) {
        // The process ended.
      }
    }, "purertc-ice-test-coturn-log");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts coturn and waits until it answers a STUN Binding request. */
  static Coturn start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("purertc-coturn");
    int port = freeUdpPort();
    int min = 20000 + ThreadLocalRandom.current().nextInt(20000);
    Path script = Path.of("src/test/sh/coturn.sh").toAbsolutePath();
    Process p = new ProcessBuilder("bash", script.toString(), dir.toString(),
        Integer.toString(port), Integer.toString(min), Integer.toString(min + 200),
        USER + ":" + PASSWORD, REALM).redirectErrorStream(true).start();
    Coturn c = new Coturn(p, dir, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    try {
      c.awaitStunAnswer();
    } catch (IOException | RuntimeException | Error e) {
      c.close();
      throw e;
    }
    return c;
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitStunAnswer() throws IOException {
    long end = System.nanoTime() + 10_000_000_000L;
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      s.setSoTimeout(200);
      while (System.nanoTime() < end) {
        if (!process.isAlive()) {
          throw new IOException("coturn exited: " + logText());
        }
        byte[] req = StunMessage.of(StunMessage.BINDING, StunClass.REQUEST,
            TransactionId.random(ThreadLocalRandom.current())).toBytes();
        s.send(new DatagramPacket(req, req.length, address));
        try {
          s.receive(new DatagramPacket(new byte[1500], 1500));
          return;
        } catch (SocketTimeoutException notYet) {
          // Not listening yet: ask again (the receive timeout paces the loop).
        }
      }
    }
    throw new IOException("coturn did not answer STUN within 10 s: " + logText());
  }

  String url(String scheme) {
    return scheme + ":127.0.0.1:" + address.getPort();
  }

  /** Waits for a log line matching the predicate; returns it or null on timeout. */
  String awaitLog(Predicate<String> match, long timeoutMillis) throws InterruptedException {
    long end = System.nanoTime() + timeoutMillis * 1_000_000L;
    synchronized (log) {
      while (true) {
        for (String line : log) {
          if (match.test(line)) {
            return line;
          }
        }
        long left = end - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        log.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Sum of one counter ({@code sb}, {@code rb}, ...) over all "peer usage" lines so far. */
  long peerUsage(String counter) {
    Pattern p = Pattern.compile("peer usage: .*\\b" + counter + "=(\\d+)");
    long sum = 0;
    synchronized (log) {
      for (String line : log) {
        Matcher m = p.matcher(line);
        if (m.find()) {
          sum += Long.parseLong(m.group(1));
        }
      }
    }
    return sum;
  }

  long count(String fragment) {
    synchronized (log) {
      return log.stream().filter(l -> l.contains(fragment)).count();
    }
  }

  String logText() {
    synchronized (log) {
      return String.join("\n", log);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException ignored) {
      // Best effort: a temp dir.
    }
  }
}
