package dev.purertc.ice;

import java.nio.ByteBuffer;

/**
 * The one bidirectional datagram channel ICE gives upper layers (DTLS, SRTP): datagrams go over
 * the selected candidate pair on the same socket that STUN uses; received non-STUN datagrams
 * (RFC 7983) arrive as {@link IceEvent.DatagramReceived} events together with the state events.
 */
public interface IceTransport extends AutoCloseable {

  /**
   * Sends one datagram over the selected pair. Thread-safe. The buffer is read from position to
   * limit during the call and not kept.
   *
   * @return false if no pair is usable (not connected yet, consent expired, or closed)
   */
  boolean send(ByteBuffer datagram);

  /** The current {@code iceConnectionState}. Thread-safe. */
  IceConnectionState connectionState();

  /** Releases every socket and thread, in any state. Idempotent. */
  @Override
  void close();
}
