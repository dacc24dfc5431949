package dev.purertc.dtls;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code openssl s_server} or {@code s_client} process (shared notes, real-peers.md §1),
 * with its output collected line by line. Always {@link #close()} it: that kills the process
 * if it is still running.
 */
final class OpenSslPeer implements AutoCloseable {
  private static final Pattern PROFILE =
      Pattern.compile("^SRTP Extension negotiated, profile=(\\S+)");
  private static final Pattern KEYING_MATERIAL =
      Pattern.compile("^\\s*Keying material:\\s*([0-9A-F]+)$");

  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private OpenSslPeer(ProcessBuilder builder) throws IOException {
    builder.redirectErrorStream(true);
    process = builder.start();
    reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          synchronized (lines) {
            lines.add(line);
            lines.notifyAll();
          }
        }
      } catch (IOException e) {
        // process gone
      }
    }, "test-openssl-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** A self-signed ECDSA P-256 certificate and key made by openssl in {@code dir}. */
  static Path[] makeCertificate(Path dir, String name) throws Exception {
    Path key = dir.resolve(name + "-key.pem");
    Path cert = dir.resolve(name + "-cert.pem");
    Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out",
        cert.toString(), "-days", "30", "-subj", "/CN=" + name)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IllegalStateException("openssl req failed");
    }
    return new Path[] {cert, key};
  }

  /** DER bytes of a PEM certificate file. */
  static byte[] der(Path pem) throws IOException {
    String text = Files.readString(pem);
    String body = text.substring(text.indexOf("-----BEGIN CERTIFICATE-----") + 27,
        text.indexOf("-----END CERTIFICATE-----"));
    return Base64.getMimeDecoder().decode(body);
  }

  /** s_server for one connection; its stdin stays open (it quits at EOF, real-peers.md). */
  static OpenSslPeer server(int port, Path[] certificate, String profile, int exportLength)
      throws IOException {
    return new OpenSslPeer(new ProcessBuilder("openssl", "s_server", "-dtls1_2", "-accept",
        "127.0.0.1:" + port, "-cert", certificate[0].toString(), "-key",
        certificate[1].toString(), "-verify", "1", "-use_srtp", profile, "-keymatexport",
        "EXTRACTOR-dtls_srtp", "-keymatexportlen", Integer.toString(exportLength),
        "-naccept", "1"));
  }

  /** s_client with stdin at EOF: handshake, print, close_notify, exit. */
  static OpenSslPeer client(int port, Path[] certificate, String profile, int exportLength)
      throws IOException {
    return new OpenSslPeer(new ProcessBuilder("openssl", "s_client", "-dtls1_2", "-connect",
        "127.0.0.1:" + port, "-cert", certificate[0].toString(), "-key",
        certificate[1].toString(), "-use_srtp", profile, "-keymatexport",
        "EXTRACTOR-dtls_srtp", "-keymatexportlen", Integer.toString(exportLength))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))));
  }

  /** Waits for an output line matching {@code pattern}; returns its first group. */
  String await(Pattern pattern, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    int seen = 0;
    synchronized (lines) {
      while (true) {
        for (; seen < lines.size(); seen++) {
          Matcher m = pattern.matcher(lines.get(seen));
          if (m.find()) {
            return m.groupCount() > 0 ? m.group(1) : m.group();
          }
        }
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          throw new AssertionError("openssl never printed " + pattern + "; output:\n" + output());
        }
        lines.wait(left);
      }
    }
  }

  void awaitLine(String regex, long millis) throws InterruptedException {
    await(Pattern.compile(regex), millis);
  }

  String negotiatedProfile(long millis) throws InterruptedException {
    return await(PROFILE, millis);
  }

  byte[] keyingMaterial(long millis) throws InterruptedException {
    return HexFormat.of().parseHex(await(KEYING_MATERIAL, millis));
  }

  /** Waits for the process to exit on its own; returns its exit code, or -1 if it did not. */
  int awaitExit(long millis) throws InterruptedException {
    return process.waitFor(millis, TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        process.destroy();
        if (!process.waitFor(2, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
        }
      }
      reader.join(2000);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
