package dev.purertc.bench;

import dev.purertc.codec.OpusDecoder;
import dev.purertc.codec.OpusEncoder;
import dev.purertc.codec.OpusEncoderConfig;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Opus encode and decode of 20 ms 48 kHz mono frames at 32 kbit/s through the codec layer
 * (dev.purertc.codec over Concentus). One operation is one frame, so x-realtime on one core is
 * ops/s × 0.020.
 *
 * <p>Defaults mirror {@code opusenc --bitrate 32 --framesize 20 --comp N} (application AUDIO,
 * VBR, no FEC, no DTX) for the side-by-side with libopus; {@code -p application=VOIP},
 * {@code -p signal=VOICE} and {@code -p fec=true} give the stack's own settings. Input: see
 * {@link BenchPcm}. Run:
 * <pre>
 *   bench/scripts/opus-reference.sh            # espeak-ng input + native opusenc/opusdec timings
 *   java -Dpurertc.bench.pcm=/tmp/purertc-opus/speech-125s.raw -jar bench/target/benchmarks.jar \
 *       OpusCodecBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -jvmArgsAppend -Dpurertc.bench.pcm=/tmp/purertc-opus/speech-125s.raw
 * </pre>
 *
 * <p>The machine is shared (2 cores, other builds running), so besides JMH's wall-clock score each
 * iteration also prints the benchmark thread's CPU time per frame ({@code [cpu] ...} lines), the
 * figure to compare with the native reference's user CPU time.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class OpusCodecBenchmark {

    @Param({"5", "10"})
    public int complexity;

    @Param({"AUDIO"})
    public String application;

    @Param({"AUTO"})
    public String signal;

    @Param({"false"})
    public boolean fec;

    @Param({"32000"})
    public int bitrate;

    private short[][] frames;
    private byte[][] packets;
    private OpusEncoder encoder;
    private OpusDecoder decoder;
    private int nextEncode;
    private int nextDecode;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long iterationCpuStartNanos;
    private long iterationFrames;

    @Setup
    public void setUp() throws IOException {
        OpusEncoderConfig config = OpusEncoderConfig.defaults(BenchPcm.RATE, 1, bitrate)
                .withComplexity(complexity)
                .withApplication(OpusEncoderConfig.Application.valueOf(application))
                .withSignal(OpusEncoderConfig.Signal.valueOf(signal))
                .withInbandFec(fec, fec ? OpusEncoderConfig.DEFAULT_EXPECTED_LOSS_PERCENT : 0);
        frames = BenchPcm.frames(BenchPcm.load(), config.frameSamples());
        encoder = new OpusEncoder(config);
        OpusEncoder preEncoder = new OpusEncoder(config);
        packets = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            packets[i] = preEncoder.encode(frames[i]);
        }
        decoder = new OpusDecoder(BenchPcm.RATE, 1);
    }

    @Setup(Level.Iteration)
    public void startCpuClock() {
        iterationFrames = 0;
        iterationCpuStartNanos = threads.getCurrentThreadCpuTime();
    }

    @TearDown(Level.Iteration)
    public void reportCpuPerFrame() {
        double cpuMicrosPerFrame = (threads.getCurrentThreadCpuTime() - iterationCpuStartNanos) / 1000.0
                / Math.max(1, iterationFrames);
        System.out.printf("[cpu] %.1f us CPU per 20 ms frame = %.0f x realtime (%d frames)%n",
                cpuMicrosPerFrame, 20_000.0 / cpuMicrosPerFrame, iterationFrames);
    }

    @Benchmark
    public byte[] encode20ms() {
        iterationFrames++;
        short[] frame = frames[nextEncode];
        nextEncode = nextEncode + 1 == frames.length ? 0 : nextEncode + 1;
        return encoder.encode(frame);
    }

    @Benchmark
    public short[] decode20ms() {
        iterationFrames++;
        byte[] packet = packets[nextDecode];
        nextDecode = nextDecode + 1 == packets.length ? 0 : nextDecode + 1;
        return decoder.decode(packet);
    }
}
