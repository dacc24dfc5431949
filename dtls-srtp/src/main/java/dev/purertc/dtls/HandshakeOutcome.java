package dev.purertc.dtls;

import dev.purertc.srtp.SrtpProfile;

/**
 * What the Bouncy Castle peer callbacks learned during one handshake, read by
 * {@link DtlsSession} once the blocking handshake call returns or throws. Written and read on
 * the session thread only.
 */
final class HandshakeOutcome {
  SrtpProfile profile;
  byte[] keyingMaterial;
  DtlsFingerprint remoteFingerprint;
  int cipherSuite = -1;
  /** Set when the peer's certificate failed the fingerprint check. */
  String fingerprintFailure;
  /** Set when no SRTP profile could be agreed. */
  String profileFailure;
  /** Set when the peer closed the connection (close_notify). */
  volatile boolean peerClosed;
}
