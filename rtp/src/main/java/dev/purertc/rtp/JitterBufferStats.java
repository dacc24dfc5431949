package dev.purertc.rtp;

/**
 * Counters of a {@link JitterBuffer}, named and in the units of the W3C webrtc-stats
 * {@code RTCInboundRtpStreamStats} members they feed (seconds, samples), plus a few of its own.
 *
 * @param packetsReceived packets handed to {@link JitterBuffer#insert}
 * @param packetsDiscarded packets not played: arrived after their playout time, dropped to reduce
 *     delay, flushed by a reset, a stray far outside the sequence window, or a timestamp outlier
 *     (W3C)
 * @param packetsDuplicated packets that were already buffered or played (not in packetsDiscarded)
 * @param jitterBufferDelay sum over emitted samples of the time from packet arrival to pull, in
 *     seconds (W3C)
 * @param jitterBufferTargetDelay sum over emitted samples of the target delay, in seconds (W3C)
 * @param jitterBufferEmittedCount samples emitted from received packets (W3C)
 * @param concealedSamples samples synthesized for lost or late packets, FEC attempts included (W3C)
 * @param concealmentEvents runs of concealed frames (W3C)
 * @param totalSamplesReceived samples played from packets or synthesized (W3C)
 * @param insertedSamplesForDeceleration samples synthesized to grow the delay (W3C)
 * @param removedSamplesForAcceleration samples skipped to shrink the delay (W3C)
 * @param fecConcealedSamples the part of concealedSamples handed over with a FEC hint
 * @param targetDelayMillis the current target delay
 */
public record JitterBufferStats(long packetsReceived, long packetsDiscarded, long packetsDuplicated,
    double jitterBufferDelay, double jitterBufferTargetDelay, long jitterBufferEmittedCount,
    long concealedSamples, long concealmentEvents, long totalSamplesReceived,
    long insertedSamplesForDeceleration, long removedSamplesForAcceleration, long fecConcealedSamples,
    double targetDelayMillis) {

  /** Mean time a played sample waited in the buffer, in milliseconds (0 before any). */
  public double meanDelayMillis() {
    return jitterBufferEmittedCount == 0 ? 0 : 1000.0 * jitterBufferDelay / jitterBufferEmittedCount;
  }

  /** Mean target delay over played samples, in milliseconds (0 before any). */
  public double meanTargetDelayMillis() {
    return jitterBufferEmittedCount == 0 ? 0 : 1000.0 * jitterBufferTargetDelay / jitterBufferEmittedCount;
  }

  /** concealedSamples / totalSamplesReceived (0 before any). */
  public double concealmentRatio() {
    return totalSamplesReceived == 0 ? 0 : (double) concealedSamples / totalSamplesReceived;
  }
}
