package dev.purertc.bench;

import dev.purertc.codec.Resampler;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

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
 * The codec layer's resampler on 10 ms mono chunks (the audio-io callback size); one operation
 * is one chunk, so x-realtime is ops/s × 0.010. Prints CPU time per chunk like
 * {@link OpusCodecBenchmark}. Run:
 * <pre>
 *   java -jar bench/target/benchmarks.jar ResamplerBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class ResamplerBenchmark {

    @Param({"48000:8000", "8000:48000", "48000:16000", "44100:48000"})
    public String conversion;

    private Resampler resampler;
    private short[][] chunks;
    private int next;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long iterationCpuStartNanos;
    private long iterationChunks;

    @Setup
    public void setUp() {
        int in = Integer.parseInt(conversion.substring(0, conversion.indexOf(':')));
        int out = Integer.parseInt(conversion.substring(conversion.indexOf(':') + 1));
        resampler = new Resampler(in, 1, out, 1);
        short[] pcm = BenchPcm.synthetic(2.0);
        // The synthetic signal is 48 kHz; its samples serve as input at any rate for timing.
        chunks = BenchPcm.frames(pcm, in / 100);
    }

    @Setup(Level.Iteration)
    public void startCpuClock() {
        iterationChunks = 0;
        iterationCpuStartNanos = threads.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void reportCpuPerChunk() {
        double micros = (threads.getCurrentThreadCpuTime() - iterationCpuStartNanos) / 1000.0 / Math.max(1, iterationChunks);
        System.out.printf("[cpu] %.2f us CPU per 10 ms chunk = %.0f x realtime%n", micros, 10_000.0 / micros);
    }

    @Benchmark
    public short[] resample10ms() {
        iterationChunks++;
        short[] chunk = chunks[next];
        next = next + 1 == chunks.length ? 0 : next + 1;
        return resampler.process(chunk);
    }
}
