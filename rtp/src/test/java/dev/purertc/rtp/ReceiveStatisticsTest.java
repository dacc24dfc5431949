package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiveStatisticsTest {
  private static final long MS = 1_000_000L;

  @Test
  void aSourceIsOnProbationUntilTwoPacketsInSequenceAsRfc3550A1Says() {
    ReceiveStatistics s = new ReceiveStatistics(1, 48000);
    assertFalse(s.onPacket(100, 0, 0));
    assertFalse(s.valid());
    assertTrue(s.onPacket(101, 960, 20 * MS));
    assertTrue(s.valid());
    assertEquals(1, s.packetsReceived());
    assertEquals(1, s.expected());
    assertEquals(101, s.extendedHighestSequence());
  }

  @Test
  void countsCumulativeAndFractionalLossPerReportInterval() {
    ReceiveStatistics s = new ReceiveStatistics(1, 48000);
    List<Integer> lost = List.of(1010, 1020, 1030, 1031, 1032, 1050, 1060, 1070, 1080, 1090);
    for (int seq = 1000; seq < 1100; seq++) {
      if (!lost.contains(seq)) {
        s.onPacket(seq, seq * 960L, seq * 20 * MS);
      }
    }
    // Base 1001 after probation: expected 99, received 89.
    assertEquals(99, s.expected());
    assertEquals(10, s.packetsLost());
    ReportBlock first = s.reportBlock(0);
    assertEquals(10 * 256 / 99, first.fractionLost());
    assertEquals(10, first.cumulativeLost());
    assertEquals(1099, first.extendedHighestSequence());
    // A clean interval after it reports no new loss but keeps the cumulative count.
    for (int seq = 1100; seq < 1200; seq++) {
      s.onPacket(seq, seq * 960L, seq * 20 * MS);
    }
    ReportBlock second = s.reportBlock(0);
    assertEquals(0, second.fractionLost());
    assertEquals(10, second.cumulativeLost());
  }

  @Test
  void extendedHighestSequenceCountsCyclesAcrossWrapAround() {
    ReceiveStatistics s = new ReceiveStatistics(1, 48000);
    for (int i = 0; i < 20; i++) {
      int seq = (65530 + i) & 0xFFFF;
      s.onPacket(seq, i * 960L, i * 20 * MS);
    }
    assertEquals(65536 + 13, s.extendedHighestSequence());
    assertEquals(0, s.packetsLost());
    assertEquals(65536 + 13, s.reportBlock(0).extendedHighestSequence());
  }

  @Test
  void duplicatesMakeCumulativeLossNegativeAndLatePacketsDoNotMoveTheHighest() {
    ReceiveStatistics s = new ReceiveStatistics(1, 48000);
    for (int seq = 0; seq < 10; seq++) {
      s.onPacket(seq, seq * 960L, seq * 20 * MS);
    }
    s.onPacket(5, 5 * 960L, 300 * MS);
    s.onPacket(6, 6 * 960L, 301 * MS);
    assertEquals(9, s.extendedHighestSequence());
    assertEquals(-2, s.packetsLost());
    assertEquals(-2, s.reportBlock(0).cumulativeLost());
  }

  @Test
  void aFarJumpIsAStrayOnceAndARestartWhenTheNextPacketFollowsIt() {
    ReceiveStatistics s = new ReceiveStatistics(1, 48000);
    for (int seq = 0; seq < 10; seq++) {
      s.onPacket(seq, seq * 960L, seq * 20 * MS);
    }
    assertFalse(s.onPacket(40000, 0, 300 * MS), "stray");
    assertEquals(9, s.extendedHighestSequence());
    assertTrue(s.onPacket(40001, 960, 320 * MS), "restart");
    assertEquals(40001, s.extendedHighestSequence());
    assertEquals(1, s.packetsReceived());
    assertEquals(0, s.packetsLost());
  }

  @Test
  void jitterIsZeroForConstantTransitEvenAcrossTimestampWrap() {
    ReceiveStatistics s = new ReceiveStatistics(1, 48000);
    long ts0 = 0xFFFF_FFFFL - 960 * 20;
    for (int i = 0; i < 50; i++) {
      s.onPacket(i, (ts0 + 960L * i) & 0xFFFF_FFFFL, 1_000_000_000_000L + i * 20 * MS);
    }
    assertEquals(0, s.jitterTimestampUnits(), 1e-6);
  }

  @Test
  void jitterConvergesToTheMeanAbsoluteTransitDifferenceWithGainOneSixteenth() {
    ReceiveStatistics s = new ReceiveStatistics(1, 48000);
    // Transit alternates 0 and +10 ms: |D| = 10 ms = 480 timestamp units every packet.
    double expected = 0;
    for (int i = 0; i < 400; i++) {
      long arrival = i * 20 * MS + (i % 2 == 1 ? 10 * MS : 0);
      s.onPacket(i, 960L * i, arrival);
      if (i >= 2) { // the first two packets are probation (A.1), the third has no predecessor
        expected += (480 - expected) / 16;
      }
    }
    assertEquals(expected, s.jitterTimestampUnits(), 1e-6);
    assertEquals(480, s.jitterTimestampUnits(), 1.0);
    assertEquals(10.0, s.jitterMillis(), 0.03);
    assertEquals(480, s.reportBlock(0).jitter(), 1);
  }

  @Test
  void reportBlockEchoesTheLastSenderReportWithTheDelaySinceIt() {
    ReceiveStatistics s = new ReceiveStatistics(7, 48000);
    s.onPacket(0, 0, 0);
    s.onPacket(1, 960, 20 * MS);
    s.onSenderReport(new SenderReport(7, 0xE12B3C4D11223344L, 960, 2, 320, List.of()), 100 * MS);
    ReportBlock b = s.reportBlock(1600 * MS);
    assertEquals(0x3C4D1122L, b.lastSenderReport());
    assertEquals(98304, b.delaySinceLastSenderReport(), "1.5 s in 1/65536 s");
  }
}
