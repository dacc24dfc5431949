package dev.purertc.dtls;

import dev.purertc.srtp.SrtpProfile;
import java.util.List;

/**
 * What a DTLS-SRTP session needs to know before it starts.
 *
 * @param role client or server (from the SDP setup outcome, {@link DtlsRole#fromLocalSetup})
 * @param certificate this endpoint's certificate, whose fingerprint went into the local SDP
 * @param remoteFingerprint the fingerprint from the remote SDP; the peer's certificate must
 *     match it or the handshake fails (fail-closed)
 * @param srtpProfiles SRTP profiles in order of preference; the client offers them in this
 *     order, the server picks the first it shares with the client (RFC 5764 §4.1.1)
 * @param handshakeTimeoutMillis give up the handshake after this long (wall clock), > 0
 * @param initialRetransmitMillis first DTLS retransmission timer (RFC 6347 §4.2.4.1 suggests
 *     1000 ms; it doubles on every retransmission), > 0
 */
public record DtlsConfig(DtlsRole role, DtlsCertificate certificate,
    DtlsFingerprint remoteFingerprint, List<SrtpProfile> srtpProfiles,
    int handshakeTimeoutMillis, int initialRetransmitMillis) {

  /** All four profiles, AEAD first (strongest and cheapest per byte), then AES-CM. */
  public static final List<SrtpProfile> DEFAULT_PROFILES = List.of(
      SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AEAD_AES_256_GCM,
      SrtpProfile.AES128_CM_HMAC_SHA1_80, SrtpProfile.AES128_CM_HMAC_SHA1_32);

  /** Default handshake timeout: 10 s. */
  public static final int DEFAULT_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  public DtlsConfig {
    if (role == null || certificate == null || remoteFingerprint == null) {
      throw new IllegalArgumentException("role, certificate and remote fingerprint are required");
    }
    if (srtpProfiles == null || srtpProfiles.isEmpty()) {
      throw new IllegalArgumentException("at least one SRTP profile is required");
    }
    srtpProfiles = List.copyOf(srtpProfiles);
    if (srtpProfiles.stream().distinct().count() != srtpProfiles.size()) {
      throw new IllegalArgumentException("SRTP profiles repeat: " + srtpProfiles);
    }
    if (handshakeTimeoutMillis <= 0 || initialRetransmitMillis <= 0) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /** A configuration with the default profiles, a 10 s timeout and a 1 s first retransmit. */
  public static DtlsConfig of(DtlsRole role, DtlsCertificate certificate,
      DtlsFingerprint remoteFingerprint) {
    return new DtlsConfig(role, certificate, remoteFingerprint, DEFAULT_PROFILES,
        DEFAULT_HANDSHAKE_TIMEOUT_MILLIS, 1000);
  }

  public DtlsConfig withSrtpProfiles(List<SrtpProfile> profiles) {
    return new DtlsConfig(role, certificate, remoteFingerprint, profiles,
        handshakeTimeoutMillis, initialRetransmitMillis);
  }

  public DtlsConfig withHandshakeTimeoutMillis(int millis) {
    return new DtlsConfig(role, certificate, remoteFingerprint, srtpProfiles, millis,
        initialRetransmitMillis);
  }

  public DtlsConfig withInitialRetransmitMillis(int millis) {
    return new DtlsConfig(role, certificate, remoteFingerprint, srtpProfiles,
        handshakeTimeoutMillis, millis);
  }
}
