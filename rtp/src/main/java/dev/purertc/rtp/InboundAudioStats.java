package dev.purertc.rtp;

/**
 * The W3C webrtc-stats {@code RTCInboundRtpStreamStats} members for one received audio stream,
 * under their W3C names and units (seconds, samples), combined from the RTP layer's two sources:
 * {@link ReceiveStatistics} (RFC 3550 counts and jitter) and the {@link JitterBuffer}.
 *
 * @param packetsReceived RFC 3550 A.1 received count
 * @param packetsLost RFC 3550 A.3 cumulative lost (may be negative with duplicates)
 * @param packetsDiscarded packets the jitter buffer did not play (late, flushed, skipped)
 * @param jitter RFC 3550 A.8 interarrival jitter, in seconds
 * @param jitterBufferDelay sum over emitted samples of their time in the buffer, in seconds
 * @param jitterBufferTargetDelay sum over emitted samples of the target delay, in seconds
 * @param jitterBufferEmittedCount samples emitted from received packets
 * @param concealedSamples samples synthesized for lost or late packets
 * @param concealmentEvents runs of concealed samples
 * @param totalSamplesReceived samples played or synthesized
 * @param insertedSamplesForDeceleration samples synthesized to grow the delay
 * @param removedSamplesForAcceleration samples skipped to shrink the delay
 */
public record InboundAudioStats(long packetsReceived, long packetsLost, long packetsDiscarded,
    double jitter, double jitterBufferDelay, double jitterBufferTargetDelay, long jitterBufferEmittedCount,
    long concealedSamples, long concealmentEvents, long totalSamplesReceived,
    long insertedSamplesForDeceleration, long removedSamplesForAcceleration) {

  /** Combines the two sources; both must describe the same stream. */
  public static InboundAudioStats of(ReceiveStatistics receive, JitterBufferStats buffer) {
    return new InboundAudioStats(receive.packetsReceived(), receive.packetsLost(),
        buffer.packetsDiscarded(), receive.jitterMillis() / 1000.0, buffer.jitterBufferDelay(),
        buffer.jitterBufferTargetDelay(), buffer.jitterBufferEmittedCount(), buffer.concealedSamples(),
        buffer.concealmentEvents(), buffer.totalSamplesReceived(),
        buffer.insertedSamplesForDeceleration(), buffer.removedSamplesForAcceleration());
  }
}
