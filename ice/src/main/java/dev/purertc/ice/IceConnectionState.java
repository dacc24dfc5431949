package dev.purertc.ice;

/** The W3C {@code RTCIceConnectionState} values. */
public enum IceConnectionState {
  /** No checks yet (no remote candidates or credentials). */
  NEW,
  /** Checks are running and no pair works yet. */
  CHECKING,
  /** A pair works (a selected pair exists); nomination may still be pending. */
  CONNECTED,
  /** A pair is nominated and selected. */
  COMPLETED,
  /** Consent lapsed for longer than the disconnect threshold; may recover (RFC 7675). */
  DISCONNECTED,
  /** All pairs failed, or consent expired after 30 s (RFC 7675 §5.1). Data is no longer sent. */
  FAILED,
  /** The agent was closed. */
  CLOSED;

  /** The W3C string, e.g. {@code "connected"}. */
  public String w3cName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
