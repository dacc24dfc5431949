package dev.purertc.bench;

import dev.purertc.audio.AudioFrame;
import dev.purertc.audio.LevelMeter;
import dev.purertc.audio.SpeechLikeSource;
import dev.purertc.audio.ToneSource;
import dev.purertc.audio.WavFileSink;
import dev.purertc.audio.WavFileSource;
import dev.purertc.audio.WavHeader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The audio-io layer's per-frame work, each operation one 20 ms frame at 48 kHz (real time
 * allows 20 ms per frame; these show what share of it the layer takes):
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar AudioIoBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 *
 * <ul>
 *   <li>{@code wavSource48kMono}: one frame from a looping 48 kHz mono WAV file (no conversion:
 *       file read and sample unpacking only).
 *   <li>{@code wavSource44k1StereoToMono}: the same from a 44.1 kHz stereo file, through the
 *       codec layer's resampler — the conversion a capture device without 48 kHz needs.
 *   <li>{@code speechLikeFrame} / {@code toneFrame}: the test-signal sources.
 *   <li>{@code levelMeter}: the dBFS meter on one frame.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AudioIoBenchmark {
    private Path dir;
    private WavFileSource wav48k;
    private WavFileSource wav44k1;
    private final SpeechLikeSource speech = new SpeechLikeSource(1, 1);
    private final ToneSource tone = new ToneSource(1000, -6, 1);
    private final LevelMeter meter = new LevelMeter();
    private final short[] frame = new short[AudioFrame.SAMPLES_PER_CHANNEL];
    private short[] toneFrame;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("purertc-audio-bench");
        Path mono = dir.resolve("48k-mono.wav");
        try (WavFileSink sink = new WavFileSink(mono, 1)) {
            for (int i = 0; i < 50; i++) {
                short[] s = new short[AudioFrame.SAMPLES_PER_CHANNEL];
                tone.read(s);
                sink.accept(new AudioFrame(s, 1, 0));
            }
        }
        // A 44.1 kHz stereo file: header and samples written by hand (the sink writes 48 kHz only).
        Path stereo = dir.resolve("44k1-stereo.wav");
        int frames = 44_100;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        WavHeader.canonical(44_100, 2, frames * 4L).writeTo(b);
        b.position(44);
        for (int i = 0; i < frames; i++) {
            short s = (short) Math.round(16000 * Math.sin(2 * Math.PI * 1000 * i / 44_100.0));
            b.putShort(s).putShort(s);
        }
        Files.write(stereo, b.array());
        wav48k = new WavFileSource(mono, 1, true);
        wav44k1 = new WavFileSource(stereo, 1, true);
        toneFrame = new short[AudioFrame.SAMPLES_PER_CHANNEL];
        tone.read(toneFrame);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        wav48k.close();
        wav44k1.close();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public short[] wavSource48kMono() {
        wav48k.read(frame);
        return frame;
    }

    @Benchmark
    public short[] wavSource44k1StereoToMono() {
        wav44k1.read(frame);
        return frame;
    }

    @Benchmark
    public short[] speechLikeFrame() {
        speech.read(frame);
        return frame;
    }

    @Benchmark
    public short[] toneFrame() {
        tone.read(frame);
        return frame;
    }

    @Benchmark
    public double levelMeter() {
        meter.update(toneFrame);
        return meter.levelDbfs();
    }
}
