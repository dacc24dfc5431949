package dev.purertc.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles PureRTC negotiates through DTLS use_srtp.
 *
 * <p>Identifiers are the two-byte values of the IANA "DTLS-SRTP Protection Profiles" registry
 * (RFC 5764 §4.1.2, RFC 7714 §14.2). Lengths are in bytes.
 */
public enum SrtpProfile {
  /** RFC 5764 §4.1.2: AES-128 counter mode, HMAC-SHA1 with an 80-bit tag on RTP and RTCP. */
  AES128_CM_HMAC_SHA1_80(0x0001, "SRTP_AES128_CM_SHA1_80", 16, 14, 10, 10),
  /** RFC 5764 §4.1.2: as above, but a 32-bit RTP tag; SRTCP still carries an 80-bit tag. */
  AES128_CM_HMAC_SHA1_32(0x0002, "SRTP_AES128_CM_SHA1_32", 16, 14, 4, 10),
  /** RFC 7714 §14.2: AES-128 in GCM, 16-byte tag, 12-byte salt. */
  AEAD_AES_128_GCM(0x0007, "SRTP_AEAD_AES_128_GCM", 16, 12, 16, 16),
  /** RFC 7714 §14.2: AES-256 in GCM, 16-byte tag, 12-byte salt. */
  AEAD_AES_256_GCM(0x0008, "SRTP_AEAD_AES_256_GCM", 32, 12, 16, 16);

  private final int id;
  private final String openSslName;
  private final int masterKeyLength;
  private final int masterSaltLength;
  private final int rtpTagLength;
  private final int rtcpTagLength;

  SrtpProfile(int id, String openSslName, int masterKeyLength, int masterSaltLength,
      int rtpTagLength, int rtcpTagLength) {
    this.id = id;
    this.openSslName = openSslName;
    this.masterKeyLength = masterKeyLength;
    this.masterSaltLength = masterSaltLength;
    this.rtpTagLength = rtpTagLength;
    this.rtcpTagLength = rtcpTagLength;
  }

  /** The use_srtp protection profile identifier (RFC 5764 §4.1.2). */
  public int id() {
    return id;
  }

  /** The name OpenSSL uses for this profile (e.g. in {@code -use_srtp}). */
  public String openSslName() {
    return openSslName;
  }

  /** Master key length in bytes (also the session encryption key length). */
  public int masterKeyLength() {
    return masterKeyLength;
  }

  /** Master salt length in bytes (also the session salt length). */
  public int masterSaltLength() {
    return masterSaltLength;
  }

  /** Bytes an SRTP packet grows by when protected (the authentication tag). */
  public int rtpTagLength() {
    return rtpTagLength;
  }

  /** Authentication tag length of SRTCP in bytes (not counting the 4-byte E+index word). */
  public int rtcpTagLength() {
    return rtcpTagLength;
  }

  /** True for the AEAD (AES-GCM, RFC 7714) profiles. */
  public boolean aead() {
    return masterSaltLength == 12;
  }

  /**
   * Length of the DTLS keying material to export with label {@code EXTRACTOR-dtls_srtp}:
   * two master keys and two master salts (RFC 5764 §4.2).
   */
  public int keyingMaterialLength() {
    return 2 * (masterKeyLength + masterSaltLength);
  }

  /** The profile with this use_srtp identifier, if PureRTC supports it. */
  public static Optional<SrtpProfile> byId(int id) {
    for (SrtpProfile p : values()) {
      if (p.id == id) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** The profile with this OpenSSL name (e.g. {@code SRTP_AEAD_AES_128_GCM}), if supported. */
  public static Optional<SrtpProfile> byOpenSslName(String name) {
    for (SrtpProfile p : values()) {
      if (p.openSslName.equals(name)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
