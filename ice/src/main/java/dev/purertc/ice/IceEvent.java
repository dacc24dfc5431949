package dev.purertc.ice;

import dev.purertc.sdp.Candidate;
import java.nio.ByteBuffer;

/**
 * What an {@link IceAgent} reports, in order, from {@link IceAgent#pollEvent()}; the
 * {@link UdpIceTransport} driver delivers them to its listener on its I/O thread.
 */
public sealed interface IceEvent {
  /** A local candidate to signal to the peer (trickle, RFC 8838). */
  record LocalCandidate(Candidate candidate) implements IceEvent {}

  /** No more local candidates for this generation (RFC 8838 §4.6: end-of-candidates). */
  record EndOfCandidates() implements IceEvent {}

  /** {@code iceGatheringState} changed. */
  record GatheringStateChanged(IceGatheringState state) implements IceEvent {}

  /** {@code iceConnectionState} changed. */
  record ConnectionStateChanged(IceConnectionState state) implements IceEvent {}

  /** The pair used for data changed. */
  record SelectedPairChanged(CandidatePairStats pair) implements IceEvent {}

  /** The role changed after a role conflict (RFC 8445 §7.3.1.1, §7.2.5.1). */
  record RoleChanged(IceRole role) implements IceEvent {}

  /**
   * A non-STUN datagram (DTLS, SRTP, ...) arrived on a usable pair. The buffer is the
   * receiver's to keep: a fresh copy per event.
   */
  record DatagramReceived(ByteBuffer data) implements IceEvent {}

  /**
   * A STUN or TURN server failed: wrong credentials (code 401), no answer (code 0), or another
   * error; the agent goes on with the candidates it has.
   */
  record ServerError(String url, int code, String reason) implements IceEvent {}
}
