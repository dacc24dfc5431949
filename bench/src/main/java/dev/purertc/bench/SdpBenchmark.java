package dev.purertc.bench;

import dev.purertc.sdp.AudioCapabilities;
import dev.purertc.sdp.Fingerprint;
import dev.purertc.sdp.Jsep;
import dev.purertc.sdp.SessionDescription;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SDP: parse, format and answer a Chrome offer with audio, video and a data channel (86 lines,
 * the sdp module's test corpus). Signalling cost per call, not per packet.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SdpBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SdpBenchmark {
  private String chromeOffer;
  private SessionDescription parsed;
  private AudioCapabilities local;

  @Setup
  public void load() throws IOException {
    try (InputStream in = SdpBenchmark.class.getResourceAsStream(
        "/sdp/chrome-offer-audio-video-data.sdp")) {
      chromeOffer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    parsed = SessionDescription.parse(chromeOffer);
    local = AudioCapabilities.defaults(Fingerprint.of("sha-256", new byte[32]),
        new SplittableRandom(7));
  }

  @Benchmark
  public SessionDescription parse() {
    return SessionDescription.parse(chromeOffer);
  }

  @Benchmark
  public String format() {
    return parsed.format();
  }

  @Benchmark
  public SessionDescription answer() {
    return Jsep.createAnswer(parsed, local);
  }
}
