package dev.purertc.rtp;

import java.nio.ByteBuffer;

/**
 * What the {@link JitterBuffer} hands the decoder stage for one frame period: a frame to decode,
 * a frame to conceal (PLC), a lost frame that the next packet may recover (in-band FEC, e.g. Opus
 * LBRR), or nothing to play.
 *
 * <p>Every event covers {@code durationSamples} samples at the stream's clock rate and is keyed by
 * the extended RTP timestamp of the frame it stands for, so the decoder stage can keep its own
 * timeline without knowing how the buffer decided. The decoder stage is free to ignore the hints
 * it cannot use (a codec without FEC decodes {@link ConcealWithFec} as {@link Conceal}).
 *
 * <p>Payload buffers are read-only views owned by the event; they stay valid after later calls.
 */
public sealed interface PlayoutEvent {

  /** Extended RTP timestamp (no wrap-around) of the frame this event stands for. */
  long rtpTimestamp();

  /** Samples this event covers (the buffer's frame size). */
  int durationSamples();

  /**
   * A received frame to decode.
   *
   * @param rtpTimestamp extended RTP timestamp of the packet
   * @param sequenceNumber extended sequence number of the packet
   * @param payload the RTP payload (read-only)
   * @param durationSamples samples of the frame
   * @param bufferedNanos how long the packet waited in the buffer, arrival to this pull
   */
  record Frame(long rtpTimestamp, long sequenceNumber, ByteBuffer payload, int durationSamples,
      long bufferedNanos) implements PlayoutEvent {}

  /**
   * A frame to synthesize with packet loss concealment.
   *
   * @param rtpTimestamp extended RTP timestamp of the missing frame (or of the next frame, for
   *     {@link Cause#STRETCH} and {@link Cause#LATE}, which do not consume a timestamp)
   * @param durationSamples samples to synthesize
   * @param cause why the frame is synthesized
   */
  record Conceal(long rtpTimestamp, int durationSamples, Cause cause) implements PlayoutEvent {}

  /**
   * A lost frame whose successor is already buffered: decode the redundant copy the successor may
   * carry (Opus in-band FEC, {@code decode_fec=1}), or conceal if it carries none. The successor
   * itself is delivered again, as a {@link Frame}, at the next pull.
   *
   * @param rtpTimestamp extended RTP timestamp of the lost frame
   * @param durationSamples samples to recover
   * @param nextPayload the successor's payload (read-only)
   */
  record ConcealWithFec(long rtpTimestamp, int durationSamples, ByteBuffer nextPayload)
      implements PlayoutEvent {}

  /**
   * Nothing to play: playout has not started, the sender is quiet (discontinuous transmission or a
   * timestamp gap), or the stream stopped. Play silence or comfort noise; not concealment.
   *
   * @param rtpTimestamp extended RTP timestamp the buffer will play next, or -1 before the start
   * @param durationSamples samples of silence
   */
  record Idle(long rtpTimestamp, int durationSamples) implements PlayoutEvent {}

  /** Why a {@link Conceal} event was produced. */
  enum Cause {
    /** The packet is missing and a later one is here (or the wait for it is over): it is lost. */
    LOSS,
    /** The buffer ran dry; the packet is probably late, so the buffer waits one frame for it. */
    LATE,
    /** The target delay grew; one frame is synthesized to add delay (decelerate). */
    STRETCH
  }
}
