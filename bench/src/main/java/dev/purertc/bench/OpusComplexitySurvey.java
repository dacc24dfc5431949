package dev.purertc.bench;

import dev.purertc.codec.CodecFormatException;
import dev.purertc.codec.OpusDecoder;
import dev.purertc.codec.OpusEncoder;
import dev.purertc.codec.OpusEncoderConfig;
import dev.purertc.codec.OpusPacketHeader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Opus encoder decides and what it costs in quality, per complexity: for each
 * application/signal setting and complexity 0..10, the mix of coding modes and bandwidths in
 * the packets, the bitrate, and two quality figures of the decoded speech against the input
 * (SNR and a log-spectral distance up to 8 kHz). Timing is left to JMH (OpusCodecBenchmark).
 *
 * <p>Arguments: Ogg Opus files (e.g. from opusenc) whose packet mode mix to print beside ours.
 * Input PCM as {@link BenchPcm}. Run:
 * <pre>
 *   java -Dpurertc.bench.pcm=/tmp/purertc-opus/speech-125s.raw -cp bench/target/benchmarks.jar \
 *       dev.purertc.bench.OpusComplexitySurvey /tmp/purertc-opus/native-cx*.opus
 * </pre>
 */
public final class OpusComplexitySurvey {
    private OpusComplexitySurvey() {
    }

    public static void main(String[] args) throws IOException {
        for (String file : args) {
            List<byte[]> packets = oggPackets(Files.readAllBytes(Path.of(file)));
            System.out.printf("%-40s %s%n", Path.of(file).getFileName(), describe(packets.subList(2, packets.size())));
        }
        short[] pcm = BenchPcm.load();
        String[][] settings = {{"AUDIO", "AUTO"}, {"VOIP", "AUTO"}, {"AUDIO", "VOICE"}};
        for (String[] setting : settings) {
            for (int complexity = 0; complexity <= 10; complexity++) {
                OpusEncoderConfig config = OpusEncoderConfig.defaults(BenchPcm.RATE, 1, 32000)
                        .withApplication(OpusEncoderConfig.Application.valueOf(setting[0]))
                        .withSignal(OpusEncoderConfig.Signal.valueOf(setting[1]))
                        .withInbandFec(false, 0)
                        .withComplexity(complexity);
                OpusEncoder encoder = new OpusEncoder(config);
                OpusDecoder decoder = new OpusDecoder(BenchPcm.RATE, 1);
                short[][] frames = BenchPcm.frames(pcm, config.frameSamples());
                List<byte[]> packets = new ArrayList<>();
                short[] decoded = new short[frames.length * config.frameSamples()];
                for (int i = 0; i < frames.length; i++) {
                    byte[] packet = encoder.encode(frames[i]);
                    packets.add(packet);
                    System.arraycopy(decoder.decode(packet), 0, decoded, i * config.frameSamples(), config.frameSamples());
                }
                int lag = encoder.lookaheadSamples();
                int usable = frames.length * config.frameSamples() - lag;
                System.out.printf("%-5s %-5s cx%-2d SNR %5.2f dB  LSD %5.2f dB  %s%n", setting[0], setting[1], complexity,
                        snrDb(pcm, decoded, lag, usable), logSpectralDistanceDb(pcm, decoded, lag, usable),
                        describe(packets));
            }
        }
    }

    static String describe(List<byte[]> packets) {
        Map<String, Integer> modes = new TreeMap<>();
        long bytes = 0;
        for (byte[] p : packets) {
            bytes += p.length;
            String key;
            try {
                OpusPacketHeader h = OpusPacketHeader.parse(p);
                key = h.mode() + "-" + h.bandwidth().name().replace("SUPERWIDEBAND", "SWB")
                        .replace("WIDEBAND", "WB").replace("NARROWBAND", "NB").replace("FULLBAND", "FB")
                        .replace("MEDIUMBAND", "MB");
            } catch (CodecFormatException e) {
                key = "invalid";
            }
            modes.merge(key, 1, Integer::sum);
        }
        return String.format("%5.1f kbit/s  %s", bytes * 8.0 / packets.size() / 20.0, modes);
    }

    static double snrDb(short[] x, short[] y, int lag, int n) {
        double s = 0;
        double e = 0;
        for (int i = 0; i < n; i++) {
            double d = x[i] - y[i + lag];
            s += (double) x[i] * x[i];
            e += d * d;
        }
        return 10 * Math.log10(s / Math.max(e, 1e-9));
    }

    /** Mean over 1024-sample frames within 40 dB of the loudest of the RMS dB difference of bins up to 8 kHz. */
    static double logSpectralDistanceDb(short[] x, short[] y, int lag, int n) {
        int size = 1024;
        double loudest = 0;
        for (int f = 0; f + size <= n; f += size) {
            loudest = Math.max(loudest, rms(x, f, size));
        }
        double sum = 0;
        int frames = 0;
        int maxBin = 8000 * size / BenchPcm.RATE;
        for (int f = 0; f + size <= n; f += size) {
            if (rms(x, f, size) < loudest / 100) {
                continue;
            }
            double[] px = power(x, f, size);
            double[] py = power(y, f + lag, size);
            double acc = 0;
            for (int k = 1; k <= maxBin; k++) {
                double d = 10 * Math.log10((px[k] + 1e3) / (py[k] + 1e3));
                acc += d * d;
            }
            sum += Math.sqrt(acc / maxBin);
            frames++;
        }
        return sum / Math.max(1, frames);
    }

    private static double rms(short[] x, int from, int size) {
        double s = 0;
        for (int i = from; i < from + size; i++) {
            s += (double) x[i] * x[i];
        }
        return Math.sqrt(s / size);
    }

    private static final int DFT_SIZE = 1024;
    private static final int DFT_BINS = 8000 * DFT_SIZE / BenchPcm.RATE + 1;
    private static final double[][] COS = new double[DFT_BINS][DFT_SIZE];
    private static final double[][] SIN = new double[DFT_BINS][DFT_SIZE];

    static {
        for (int k = 0; k < DFT_BINS; k++) {
            for (int i = 0; i < DFT_SIZE; i++) {
                double a = 2 * Math.PI * k * i / DFT_SIZE;
                COS[k][i] = Math.cos(a);
                SIN[k][i] = Math.sin(a);
            }
        }
    }

    /** Hann-windowed power spectrum by direct DFT up to 8 kHz (only the bins needed). */
    private static double[] power(short[] x, int from, int size) {
        double[] p = new double[DFT_BINS];
        double[] w = new double[size];
        for (int i = 0; i < size; i++) {
            w[i] = (from + i < x.length ? x[from + i] : 0) * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
        }
        for (int k = 0; k < DFT_BINS; k++) {
            double re = 0;
            double im = 0;
            double[] c = COS[k];
            double[] sn = SIN[k];
            for (int i = 0; i < size; i++) {
                re += w[i] * c[i];
                im -= w[i] * sn[i];
            }
            p[k] = re * re + im * im;
        }
        return p;
    }

    /** Packets of an Ogg stream (RFC 3533): page segments joined until a lacing value below 255. */
    static List<byte[]> oggPackets(byte[] data) {
        List<byte[]> packets = new ArrayList<>();
        java.io.ByteArrayOutputStream current = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at + 27 <= data.length) {
            if (data[at] != 'O' || data[at + 1] != 'g' || data[at + 2] != 'g' || data[at + 3] != 'S') {
                throw new IllegalArgumentException("no Ogg page at byte " + at);
            }
            int segments = data[at + 26] & 0xFF;
            int body = at + 27 + segments;
            for (int s = 0; s < segments; s++) {
                int lacing = data[at + 27 + s] & 0xFF;
                current.write(data, body, lacing);
                body += lacing;
                if (lacing < 255) {
                    packets.add(current.toByteArray());
                    current.reset();
                }
            }
            at = body;
        }
        return packets;
    }
}
