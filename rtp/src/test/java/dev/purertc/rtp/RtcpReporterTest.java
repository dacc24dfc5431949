package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class RtcpReporterTest {
  private static final long MS = 1_000_000L;
  private static final long START = 1_790_000_000_000_000_000L; // 2026, nanoseconds since 1970

  private final long[] now = {START};

  private RtcpReporter reporter(long ssrc, RandomGenerator random) {
    return new RtcpReporter(ssrc, "peer-" + ssrc, 48000, () -> now[0], random, 64_000,
        RtcpReporter.DEFAULT_MIN_INTERVAL_NANOS);
  }

  /** Moves the clock to each deadline until the reporter sends (reconsideration may defer it). */
  private List<RtcpPacket> pollWhenDue(RtcpReporter r) {
    for (int i = 0; i < 100; i++) {
      now[0] = Math.max(now[0], r.nextReportNanos());
      List<RtcpPacket> compound = r.poll();
      if (!compound.isEmpty()) {
        return compound;
      }
    }
    throw new AssertionError("no report after 100 deadlines");
  }

  @Test
  void firstReportComesAfterHalfTheMinimumIntervalRandomizedAndCompensated() {
    for (long seed = 1; seed <= 50; seed++) {
      now[0] = START;
      RtcpReporter r = reporter(1, new SplittableRandom(seed));
      double seconds = (r.nextReportNanos() - START) / 1e9;
      // RFC 3550 6.3.1: 2.5 s * [0.5, 1.5) / (e - 3/2)
      assertTrue(seconds >= 1.25 / 1.21828 && seconds < 3.75 / 1.21828, "first interval " + seconds);
    }
  }

  @Test
  void regularIntervalsAverageTheMinimumOverTheCompensationFactor() {
    RtcpReporter r = reporter(1, new SplittableRandom(42));
    int reports = 0;
    long first = -1;
    long last = -1;
    for (long t = 0; t < 1000_000 * MS; t += 10 * MS) {
      now[0] = START + t;
      if (!r.poll().isEmpty()) {
        reports++;
        if (first < 0) {
          first = now[0];
        }
        last = now[0];
      }
    }
    double meanSeconds = (last - first) / 1e9 / (reports - 1);
    // RFC 3550 6.3.1: timer reconsideration pulls the mean down, which the division by e - 3/2
    // compensates, so the mean lands at the deterministic interval: the 5 s minimum here.
    assertEquals(5.0, meanSeconds, 0.25, "mean of " + reports + " intervals");
  }

  @Test
  void nothingIsSentBeforeTheTimerAndAReceiverSendsRrWithSdesCname() {
    RtcpReporter r = reporter(9, new SplittableRandom(3));
    now[0] = r.nextReportNanos() - 1;
    assertTrue(r.poll().isEmpty());
    List<RtcpPacket> compound = pollWhenDue(r);
    assertEquals(List.of(new ReceiverReport(9, List.of()), SourceDescription.ofCname(9, "peer-9")), compound);
  }

  @Test
  void aSenderReportCarriesCountsAndTheRtpTimestampOfItsNtpInstant() {
    RtcpReporter r = reporter(5, new SplittableRandom(4));
    for (int i = 0; i < 50; i++) {
      now[0] = START + i * 20 * MS;
      r.onRtpSent(1000 + 960L * i, 80);
    }
    SenderReport sr = assertInstanceOf(SenderReport.class, pollWhenDue(r).get(0));
    assertEquals(50, sr.packetCount());
    assertEquals(4000, sr.octetCount());
    long elapsedNanos = now[0] - (START + 49 * 20 * MS);
    assertEquals(1000 + 960L * 49 + elapsedNanos * 48 / 1_000_000, sr.rtpTimestamp());
    assertEquals(RtcpReporter.ntpTimestamp(now[0]), sr.ntpTimestamp());
    assertEquals(now[0] / 1_000_000_000L + 2_208_988_800L, sr.ntpTimestamp() >>> 32);
  }

  @Test
  void roundTripTimeComesFromLsrAndDlsrOfTheRemoteReport() {
    RtcpReporter a = reporter(1, new SplittableRandom(5));
    RtcpReporter b = reporter(2, new SplittableRandom(6));
    RtpWriter writer = new RtpWriter(1, 111, List.of(), 0);
    ByteBuffer wire = ByteBuffer.allocate(1500);
    long oneWay = 40 * MS;
    List<RtcpPacket> fromA = List.of();
    // A sends 20 s of audio; B receives each packet 40 ms later; RTCP both ways with 40 ms delay.
    for (long t = 0; t < 20_000 * MS; t += 20 * MS) {
      now[0] = START + t;
      int seq = (int) (t / (20 * MS));
      a.onRtpSent(960L * seq, 80);
      List<RtcpPacket> sr = a.poll();
      if (!sr.isEmpty()) {
        fromA = sr;
        now[0] += oneWay;
        b.onRtcpReceived(fromA, 100);
        now[0] -= oneWay;
      }
      now[0] = START + t + oneWay;
      wire.clear();
      writer.write(wire, seq, 960L * seq, false, ByteBuffer.allocate(80));
      b.onRtpReceived(RtpPacket.parse(wire.flip()));
      List<RtcpPacket> rr = b.poll();
      if (!rr.isEmpty()) {
        now[0] += oneWay;
        a.onRtcpReceived(rr, 100);
      }
    }
    assertTrue(a.roundTripTimeMillis().isPresent(), "B's report echoed an SR of A");
    assertEquals(80.0, a.roundTripTimeMillis().getAsDouble(), 0.05);
    ReceiveStatistics fromAStats = b.source(1);
    assertEquals(0, fromAStats.packetsLost());
    assertEquals(0, fromAStats.jitterMillis(), 1e-6);
  }

  @Test
  void aSenderFallsBackToReceiverReportsTwoIntervalsAfterItStopsSendingAndByeRemovesASource() {
    RtcpReporter r = reporter(5, new SplittableRandom(8));
    RtpWriter remote = new RtpWriter(77, 111, List.of(), 0);
    ByteBuffer wire = ByteBuffer.allocate(200);
    for (int i = 0; i < 3; i++) {
      r.onRtpSent(960L * i, 80);
      wire.clear();
      remote.write(wire, i, 960L * i, false, ByteBuffer.allocate(10));
      r.onRtpReceived(RtpPacket.parse(wire.flip()));
    }
    List<RtcpPacket> first = pollWhenDue(r);
    SenderReport sr = assertInstanceOf(SenderReport.class, first.get(0));
    assertEquals(List.of(77L), sr.reportBlocks().stream().map(ReportBlock::ssrc).toList());
    // No RTP sent for more than two intervals: RFC 3550 6.3.8 makes us a receiver again.
    now[0] += 30_000 * MS;
    List<RtcpPacket> later = pollWhenDue(r);
    assertInstanceOf(ReceiverReport.class, later.get(0));
    r.onRtcpReceived(List.of(new Goodbye(List.of(77L), "bye")), 16);
    assertEquals(null, r.source(77));
    ReceiverReport empty = assertInstanceOf(ReceiverReport.class, pollWhenDue(r).get(0));
    assertEquals(List.of(), empty.reportBlocks());
  }
}
