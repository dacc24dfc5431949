package dev.purertc.sdp;

import java.util.Locale;

/** The ICE candidate types (RFC 8445 §5.1.1, SDP names from RFC 8839 §5.1). */
public enum CandidateType {
  /** An address of a local interface. */
  HOST,
  /** The address a STUN server saw: server reflexive. */
  SRFLX,
  /** An address learned from a connectivity check: peer reflexive. */
  PRFLX,
  /** An address on a TURN server. */
  RELAY;

  /** The name written after {@code typ}. */
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  static CandidateType parse(String token) {
    for (CandidateType t : values()) {
      if (t.token().equals(token)) {
        return t;
      }
    }
    throw new SdpParseException(
        "candidate: type '" + token + "' is not one of host, srflx, prflx, relay");
  }
}
