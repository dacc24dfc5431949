package dev.purertc.dtls;

/**
 * Which side of the DTLS handshake this endpoint takes. In WebRTC it follows from the SDP
 * {@code a=setup} negotiation (RFC 5763 §5, RFC 8842 §5): the endpoint whose setup is
 * {@code active} is the DTLS client, {@code passive} the server.
 */
public enum DtlsRole {
  CLIENT,
  SERVER;

  /**
   * The role for this endpoint's own negotiated {@code a=setup} value ({@code active} or
   * {@code passive}; {@code actpass} is an offer, not an outcome).
   *
   * @throws IllegalArgumentException for any other value
   */
  public static DtlsRole fromLocalSetup(String setup) {
    if ("active".equals(setup)) {
      return CLIENT;
    }
    if ("passive".equals(setup)) {
      return SERVER;
    }
    throw new IllegalArgumentException(
        "a=setup:" + setup + " is not a negotiated outcome (need active or passive)");
  }
}
