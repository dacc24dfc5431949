package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Step-by-step behaviour of the jitter buffer with the default settings: start target 80 ms, so
 * the first packet is due 60 ms after it arrives (target minus one frame) and playout starts at
 * the first pull no more than 5 ms before that.
 */
class JitterBufferTest {
  private static final long MS = 1_000_000L;

  private final JitterBuffer buffer = new JitterBuffer(JitterBufferConfig.defaults(48_000, 960));

  private static RtpPacket packet(int seq, long timestamp, int marker) {
    return RtpPacket.builder().payloadType(111).sequenceNumber(seq & 0xFFFF).timestamp(timestamp & 0xFFFF_FFFFL)
        .ssrc(1).payload(new byte[] {(byte) seq, (byte) marker}).build();
  }

  /** Packet n of a stream starting at sequence 100 and timestamp 0, sent every 20 ms. */
  private JitterBuffer.InsertResult insert(int n, long arrivalMillis) {
    return buffer.insert(packet(100 + n, 960L * n, 0), arrivalMillis * MS);
  }

  private PlayoutEvent pull(long millis) {
    return buffer.pull(millis * MS);
  }

  private static int payloadSeq(ByteBuffer payload) {
    return payload.get(0) & 0xFF;
  }

  @Test
  void playsNothingBeforeThePacketsTargetDelayHasPassed() {
    assertEquals(new PlayoutEvent.Idle(-1, 960), pull(0));
    insert(0, 0);
    assertEquals(new PlayoutEvent.Idle(-1, 960), pull(20));
    assertEquals(new PlayoutEvent.Idle(-1, 960), pull(40));
    PlayoutEvent.Frame f = assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    assertEquals(0, f.rtpTimestamp() - 0);
    assertEquals(60 * MS, f.bufferedNanos());
    assertEquals(100, payloadSeq(f.payload()));
  }

  @Test
  void packetsArrivingOutOfOrderArePlayedInOrder() {
    insert(2, 45);
    insert(0, 46);
    insert(1, 47);
    assertEquals(100, payloadSeq(assertInstanceOf(PlayoutEvent.Frame.class, pull(60)).payload()));
    assertEquals(101, payloadSeq(assertInstanceOf(PlayoutEvent.Frame.class, pull(80)).payload()));
    assertEquals(102, payloadSeq(assertInstanceOf(PlayoutEvent.Frame.class, pull(100)).payload()));
  }

  @Test
  void duplicatesAreDroppedWhetherStillBufferedOrAlreadyPlayed() {
    assertEquals(JitterBuffer.InsertResult.BUFFERED, insert(0, 0));
    assertEquals(JitterBuffer.InsertResult.DUPLICATE, insert(0, 1));
    pull(60);
    assertEquals(JitterBuffer.InsertResult.DUPLICATE, insert(0, 61));
    assertEquals(2, buffer.stats().packetsDuplicated());
    assertEquals(0, buffer.stats().packetsDiscarded());
  }

  @Test
  void aMissingPacketWithItsSuccessorBufferedIsConcealedWithAFecHintAndDiscardedIfItComesLate() {
    insert(0, 0);
    insert(2, 40);
    assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    PlayoutEvent.ConcealWithFec fec = assertInstanceOf(PlayoutEvent.ConcealWithFec.class, pull(80));
    assertEquals(960, fec.rtpTimestamp() - 0);
    assertEquals(102, payloadSeq(fec.nextPayload()));
    PlayoutEvent.Frame f = assertInstanceOf(PlayoutEvent.Frame.class, pull(100));
    assertEquals(102, payloadSeq(f.payload()), "the successor is played normally after the FEC hint");
    assertEquals(JitterBuffer.InsertResult.LATE, insert(1, 105));
    JitterBufferStats s = buffer.stats();
    assertEquals(1, s.packetsDiscarded());
    assertEquals(960, s.concealedSamples());
    assertEquals(960, s.fecConcealedSamples());
    assertEquals(1, s.concealmentEvents());
  }

  @Test
  void anEmptyBufferConcealsWhileWaitingAndPlaysTheLatePacketWhenItComes() {
    insert(0, 0);
    assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    assertEquals(new PlayoutEvent.Conceal(960, 960, PlayoutEvent.Cause.LATE), pull(80));
    insert(1, 90);
    PlayoutEvent.Frame f = assertInstanceOf(PlayoutEvent.Frame.class, pull(100));
    assertEquals(101, payloadSeq(f.payload()));
    assertEquals(0, buffer.stats().packetsDiscarded());
  }

  @Test
  void aLostPacketCostsOneConcealedFrameAndNoDelayWhenItsSuccessorComesAfterTheWait() {
    insert(0, 0);
    assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    assertEquals(new PlayoutEvent.Conceal(960, 960, PlayoutEvent.Cause.LATE), pull(80));
    insert(2, 40 + 55); // packet 1 is lost; packet 2 comes on time for its slot
    PlayoutEvent.Frame f = assertInstanceOf(PlayoutEvent.Frame.class, pull(100));
    assertEquals(102, payloadSeq(f.payload()));
    assertEquals(960, buffer.stats().concealedSamples());
  }

  @Test
  void aSilentSenderGetsSilenceAfterTheIdleTimeAndItsNextTalkspurtPlaysOnTime() {
    insert(0, 0);
    assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    // DTX: nothing for 1 s, then packet 1 carries timestamp 51 frames later.
    long t = 80;
    int late = 0;
    int idle = 0;
    for (; t < 1060; t += 20) {
      PlayoutEvent e = pull(t);
      if (e instanceof PlayoutEvent.Conceal c && c.cause() == PlayoutEvent.Cause.LATE) {
        late++;
      } else {
        assertInstanceOf(PlayoutEvent.Idle.class, e);
        idle++;
      }
    }
    assertEquals(17, late, "concealed until 400 ms after the last arrival (pulls at 80..400 ms)");
    assertEquals(32, idle);
    buffer.insert(packet(101, 960L * 51, 1), 1020 * MS);
    PlayoutEvent.Frame f = assertInstanceOf(PlayoutEvent.Frame.class, pull(1080));
    assertEquals(960L * 51, f.rtpTimestamp());
    assertEquals(JitterBuffer.InsertResult.BUFFERED, insert(52, 1040));
  }

  @Test
  void aTimestampJumpWithoutASequenceGapIsADtxPauseCountedAsSilenceAndTheRestOfThePauseIsIdle() {
    insert(0, 0);
    assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    // The sender goes quiet. Until something arrives, the packet may just be late: conceal.
    for (long t = 80; t <= 380; t += 20) {
      assertEquals(new PlayoutEvent.Conceal(960, 960, PlayoutEvent.Cause.LATE), pull(t));
    }
    // Its DTX update: the next sequence number, 20 frames later in time. Nothing was sent in
    // between, so the conceals while we waited were no concealment of audio.
    buffer.insert(packet(101, 960L * 20, 0), 400 * MS);
    assertInstanceOf(PlayoutEvent.Idle.class, pull(400));
    JitterBufferStats s = buffer.stats();
    assertEquals(0, s.concealedSamples());
    assertEquals(0, s.concealmentEvents());
    assertEquals(960, s.totalSamplesReceived(), "only the frame played");
    assertInstanceOf(PlayoutEvent.Idle.class, pull(420));
    assertInstanceOf(PlayoutEvent.Idle.class, pull(440));
    assertEquals(960L * 20, assertInstanceOf(PlayoutEvent.Frame.class, pull(460)).rtpTimestamp());
    // Still in DTX: the wait for the next update is silence from the start.
    for (long t = 480; t < 860; t += 20) {
      assertInstanceOf(PlayoutEvent.Idle.class, pull(t), "at " + t);
    }
    // Talk resumes; once a second packet of the spurt has played, an empty buffer is late again.
    // (The first 500 ms window has closed by now: the target is down to 25 ms, so each packet is
    // due 5 ms after it arrives.)
    buffer.insert(packet(102, 960L * 40, 0), 860 * MS);
    assertEquals(960L * 40, assertInstanceOf(PlayoutEvent.Frame.class, pull(860)).rtpTimestamp());
    buffer.insert(packet(103, 960L * 41, 0), 880 * MS);
    assertEquals(960L * 41, assertInstanceOf(PlayoutEvent.Frame.class, pull(880)).rtpTimestamp());
    assertEquals(new PlayoutEvent.Conceal(960L * 42, 960, PlayoutEvent.Cause.LATE), pull(900));
    assertEquals(960, buffer.stats().concealedSamples());
  }

  @Test
  void aPacketLostAfterADtxPauseIsConcealedJustBeforeItsSuccessorAndThePauseStaysSilent() {
    insert(0, 0);
    insert(1, 20);
    assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    assertInstanceOf(PlayoutEvent.Frame.class, pull(80));
    for (long t = 100; t < 400; t += 20) {
      assertInstanceOf(PlayoutEvent.Conceal.class, pull(t)); // it may be late
    }
    // Packet 2 (the first after the pause) is lost; packet 3 comes, 20 frames after packet 0.
    buffer.insert(packet(103, 960L * 20, 0), 400 * MS);
    assertInstanceOf(PlayoutEvent.Idle.class, pull(400));
    assertInstanceOf(PlayoutEvent.Idle.class, pull(420));
    PlayoutEvent.ConcealWithFec fec = assertInstanceOf(PlayoutEvent.ConcealWithFec.class, pull(440));
    assertEquals(960L * 19, fec.rtpTimestamp(), "the lost packet stands just before its successor");
    assertEquals(960L * 20, assertInstanceOf(PlayoutEvent.Frame.class, pull(460)).rtpTimestamp());
    JitterBufferStats s = buffer.stats();
    assertEquals(960, s.concealedSamples(), "the lost frame, not the pause");
    assertEquals(1, s.concealmentEvents());
  }

  @Test
  void oneTimestampThatDisagreesWithItsSequenceNumberIsDiscardedAndTwoInARowStartANewTimeline() {
    insert(0, 0);
    insert(1, 20);
    // +1 h: would be an arrival an hour early. Dropped; its frame is recovered from packet 3.
    assertEquals(JitterBuffer.InsertResult.DISCARDED,
        buffer.insert(packet(102, 960L * 2 + 3600L * 48_000, 0), 40 * MS));
    assertEquals(JitterBuffer.InsertResult.BUFFERED, insert(3, 60));
    assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    assertInstanceOf(PlayoutEvent.Frame.class, pull(80));
    assertInstanceOf(PlayoutEvent.ConcealWithFec.class, pull(100));
    assertEquals(960L * 3, assertInstanceOf(PlayoutEvent.Frame.class, pull(120)).rtpTimestamp());
    // -10 s, twice in a row: the sender's clock jumped back; later packets follow it.
    long back = -10L * 48_000;
    assertEquals(JitterBuffer.InsertResult.DISCARDED, buffer.insert(packet(104, 960L * 4 + back, 0), 80 * MS));
    assertEquals(JitterBuffer.InsertResult.BUFFERED, buffer.insert(packet(105, 960L * 5 + back, 0), 100 * MS));
    assertEquals(JitterBuffer.InsertResult.BUFFERED, buffer.insert(packet(106, 960L * 6 + back, 0), 120 * MS));
    assertInstanceOf(PlayoutEvent.ConcealWithFec.class, pull(140));
    assertEquals(960L * 5, assertInstanceOf(PlayoutEvent.Frame.class, pull(160)).rtpTimestamp(),
        "on the buffer's timeline, continuing the old one");
    assertEquals(960L * 6, assertInstanceOf(PlayoutEvent.Frame.class, pull(180)).rtpTimestamp());
    assertEquals(2, buffer.stats().packetsDiscarded());
    assertEquals(80.0, buffer.targetDelayMillis(), 1e-9, "no window closed yet: still the start target");
  }

  @Test
  void sequenceAndTimestampWrapAroundAreInvisibleToPlayout() {
    long ts0 = 0xFFFF_FFFFL - 960;
    for (int n = 0; n < 5; n++) {
      buffer.insert(packet(65534 + n, ts0 + 960L * n, 0), n * 20 * MS);
    }
    long last = -1;
    for (int n = 0; n < 5; n++) {
      PlayoutEvent.Frame f = assertInstanceOf(PlayoutEvent.Frame.class, pull(60 + 20L * n));
      if (last >= 0) {
        assertEquals(960, f.rtpTimestamp() - last);
      }
      last = f.rtpTimestamp();
    }
  }

  @Test
  void aFarJumpIsAStrayOnceAndRestartsTheBufferWhenTheNextPacketFollowsIt() {
    insert(0, 0);
    insert(1, 20);
    assertEquals(JitterBuffer.InsertResult.DISCARDED, buffer.insert(packet(30_000, 5, 0), 30 * MS));
    assertEquals(JitterBuffer.InsertResult.BUFFERED, buffer.insert(packet(30_001, 965, 0), 50 * MS));
    assertEquals(1, buffer.bufferedPackets());
    assertEquals(3, buffer.stats().packetsDiscarded(), "the stray and the two flushed packets");
  }

  @Test
  void thePayloadIsCopiedSoTheCallerMayReuseItsBuffer() {
    ByteBuffer wire = ByteBuffer.allocate(100);
    new RtpWriter(1, 111, List.of(), 0).write(wire, 7, 0, false, ByteBuffer.wrap(new byte[] {42}));
    buffer.insert(RtpPacket.parse(wire.flip()), 0);
    wire.put(12, (byte) 0);
    PlayoutEvent.Frame f = assertInstanceOf(PlayoutEvent.Frame.class, pull(60));
    assertEquals(42, f.payload().get(0));
  }

  @Test
  void statisticsFollowTheW3cDefinitions() {
    insert(0, 0);
    insert(2, 40);
    pull(60);
    pull(80);
    pull(100);
    JitterBufferStats s = buffer.stats();
    assertEquals(2, s.packetsReceived());
    assertEquals(2 * 960, s.jitterBufferEmittedCount());
    assertEquals(3 * 960, s.totalSamplesReceived(), "played plus concealed");
    // Packet 0 waited 60 ms, packet 2 waited 60 ms: per-sample sum in seconds.
    assertEquals(2 * 960 * 0.060, s.jitterBufferDelay(), 1e-9);
    assertEquals(2 * 960 * 0.080, s.jitterBufferTargetDelay(), 1e-9);
    ReceiveStatistics r = new ReceiveStatistics(1, 48_000);
    r.onPacket(100, 0, 0);
    r.onPacket(102, 1920, 40 * MS);
    InboundAudioStats w3c = InboundAudioStats.of(r, s);
    assertEquals(s.concealedSamples(), w3c.concealedSamples());
    assertEquals(r.packetsLost(), w3c.packetsLost());
    assertEquals(0.060, w3c.jitterBufferDelay() / w3c.jitterBufferEmittedCount(), 1e-9);
  }
}
