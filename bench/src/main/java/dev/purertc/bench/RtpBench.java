package dev.purertc.bench;

import dev.purertc.rtp.JitterBuffer;
import dev.purertc.rtp.JitterBufferConfig;
import dev.purertc.rtp.PlayoutEvent;
import dev.purertc.rtp.RtcpPacket;
import dev.purertc.rtp.RtpPacket;
import dev.purertc.rtp.RtpWriter;
import dev.purertc.rtp.SenderReport;
import dev.purertc.rtp.SourceDescription;
import dev.purertc.rtp.AudioLevel;
import dev.purertc.rtp.ReportBlock;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The RTP layer's hot paths on a 20 ms Opus packet (160-byte payload, RFC 6464 audio level in a
 * one-byte RFC 8285 extension: 180 bytes on the wire). Run with {@code -prof gc} for bytes
 * allocated per operation; the write paths must show 0:
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar RtpBench -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 *
 * <ul>
 *   <li>{@code rtpParse}: {@link RtpPacket#parse} plus reading the header fields, the audio level
 *       and the payload length.
 *   <li>{@code rtpWrite}: {@link RtpWriter#write} of the next packet of the stream into the
 *       caller's buffer (the send path).
 *   <li>{@code rtpCopyTo}: {@link RtpPacket#writeTo} of a parsed packet (forwarding).
 *   <li>{@code jitterBufferInsertPull}: per operation one packet is written and parsed (as
 *       received), inserted, and one frame pulled, on a virtual clock advancing 20 ms.
 *   <li>{@code rtcpParseCompound}: an SR with one report block plus an SDES CNAME.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RtpBench {
  private static final int PAYLOAD_BYTES = 160;
  private static final long FRAME_NANOS = 20_000_000L;

  private final ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES);
  private final ByteBuffer out = ByteBuffer.allocate(1500);
  private final ByteBuffer received = ByteBuffer.allocate(1500);
  private final ByteBuffer rtcp = ByteBuffer.allocate(1500);
  private RtpWriter writer;
  private RtpPacket parsed;
  private JitterBuffer jitterBuffer;
  private int seq;
  private long nowNanos;

  @Setup
  public void setUp() {
    for (int i = 0; i < PAYLOAD_BYTES; i++) {
      payload.put(i, (byte) (i * 7));
    }
    writer = new RtpWriter(0x1234_5678L, 111, List.of(), 1);
    writer.write(received, 4711, 960L * 4711, false, true, 42, payload);
    received.flip();
    parsed = RtpPacket.parse(received);
    new SenderReport(0x1234_5678L, 0xE12B_3C4D_1122_3344L, 123_456, 100, 16_000,
        List.of(new ReportBlock(5678, 25, 2, 0x1_0005L, 32, 0x3C4D_1122L, 0x1_8000L))).writeTo(rtcp);
    SourceDescription.ofCname(0x1234_5678L, "purertc-bench@example").writeTo(rtcp);
    rtcp.flip();
    jitterBuffer = new JitterBuffer(JitterBufferConfig.defaults(48_000, 960));
  }

  @Benchmark
  public void rtpParse(Blackhole bh) {
    RtpPacket p = RtpPacket.parse(received);
    bh.consume(p.sequenceNumber());
    bh.consume(p.timestamp());
    bh.consume(p.ssrc());
    bh.consume(p.payloadType());
    bh.consume(p.marker());
    bh.consume(p.payloadLength());
    AudioLevel level = p.audioLevel(1);
    bh.consume(level.levelMinusDbov());
  }

  @Benchmark
  public int rtpWrite() {
    out.clear();
    int s = seq++;
    return writer.write(out, s & 0xFFFF, 960L * s, false, true, 42, payload);
  }

  @Benchmark
  public int rtpCopyTo() {
    out.clear();
    return parsed.writeTo(out);
  }

  @Benchmark
  public void jitterBufferInsertPull(Blackhole bh) {
    int s = seq++;
    out.clear();
    writer.write(out, s & 0xFFFF, 960L * s, false, true, 42, payload);
    out.flip();
    nowNanos += FRAME_NANOS;
    bh.consume(jitterBuffer.insert(RtpPacket.parse(out), nowNanos - 5_000_000L));
    PlayoutEvent e = jitterBuffer.pull(nowNanos);
    bh.consume(e);
  }

  @Benchmark
  public List<RtcpPacket> rtcpParseCompound() {
    return RtcpPacket.parseCompound(rtcp);
  }
}
