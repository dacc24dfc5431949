package dev.purertc.dtls;

import dev.purertc.srtp.SrtpKeyingMaterial;

/**
 * What a completed DTLS-SRTP handshake produced.
 *
 * @param role this endpoint's role
 * @param keyingMaterial the negotiated SRTP profile and both directions' master keys; use
 *     {@code keyingMaterial.newSender(role == CLIENT)} and {@code newReceiver(role == CLIENT)}
 * @param remoteFingerprint the peer certificate's sha-256 fingerprint
 * @param cipherSuite the negotiated TLS cipher suite number (IANA registry)
 * @param handshakeNanos time from starting the handshake to its completion, in nanoseconds
 */
public record DtlsResult(DtlsRole role, SrtpKeyingMaterial keyingMaterial,
    DtlsFingerprint remoteFingerprint, int cipherSuite, long handshakeNanos) {

  public DtlsResult {
    if (role == null || keyingMaterial == null || remoteFingerprint == null) {
      throw new IllegalArgumentException("role, keying material and fingerprint are required");
    }
  }
}
