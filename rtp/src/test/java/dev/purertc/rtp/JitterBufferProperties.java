package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class JitterBufferProperties {
  private static final long MS = 1_000_000L;

  /**
   * Whatever arrives (any sequence numbers, timestamps, jumps, duplicates, floods), every
   * received packet is accounted for exactly once: played, discarded, duplicated or still
   * buffered; each pull yields exactly one frame period; no exception escapes.
   */
  @Property(tries = 300)
  void everyPacketIsAccountedForOnceAndEveryPullYieldsOneFrame(
      @ForAll @Size(max = 400) List<@IntRange(min = -40, max = 60) Integer> seqSteps,
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 70) Integer> gapsMillis,
      @ForAll @IntRange(max = 65535) int firstSeq,
      @ForAll boolean farJumps) {
    JitterBuffer buffer = new JitterBuffer(JitterBufferConfig.defaults(48_000, 960));
    int seq = firstSeq;
    long arrival = 0;
    long nextPull = 0;
    long played = 0;
    int n = Math.min(seqSteps.size(), gapsMillis.size());
    for (int i = 0; i < n; i++) {
      int step = seqSteps.get(i);
      if (farJumps && step == 60) {
        step = 20_000;
      }
      seq = (seq + step) & 0xFFFF;
      arrival += gapsMillis.get(i) * MS;
      while (nextPull <= arrival) {
        PlayoutEvent e = buffer.pull(nextPull);
        assertEquals(960, e.durationSamples());
        if (e instanceof PlayoutEvent.Frame) {
          played++;
        }
        nextPull += 20 * MS;
      }
      long ts = 960L * seq + (step < 0 ? 7 : 0);
      buffer.insert(RtpPacket.builder().sequenceNumber(seq).timestamp(ts & 0xFFFF_FFFFL).payload(new byte[3]).build(),
          arrival);
    }
    JitterBufferStats s = buffer.stats();
    assertEquals(n, s.packetsReceived());
    assertEquals(s.packetsReceived(), played + s.packetsDiscarded() + s.packetsDuplicated() + buffer.bufferedPackets());
    assertTrue(s.totalSamplesReceived() >= s.jitterBufferEmittedCount() + s.concealedSamples());
    assertTrue(s.targetDelayMillis() >= 20 && s.targetDelayMillis() <= 2000);
  }
}
