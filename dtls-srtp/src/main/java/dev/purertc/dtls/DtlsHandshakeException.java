package dev.purertc.dtls;

/**
 * A DTLS-SRTP handshake that did not complete, with the reason as a type-safe value and, for
 * alerts, the TLS alert description (RFC 5246 §7.2).
 */
public final class DtlsHandshakeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the handshake failed. */
  public enum Reason {
    /** The peer's certificate does not match the fingerprint from its SDP (or it sent none). */
    FINGERPRINT_MISMATCH,
    /** The peer offered, or chose, no SRTP profile this endpoint accepts. */
    NO_COMMON_SRTP_PROFILE,
    /** No complete handshake within {@link DtlsConfig#handshakeTimeoutMillis()}. */
    TIMEOUT,
    /** The peer sent a fatal alert ({@link #alertDescription()} says which). */
    ALERT_RECEIVED,
    /** This endpoint aborted with a fatal alert for another protocol error. */
    ALERT_SENT,
    /** The datagram transport failed. */
    TRANSPORT_FAILED,
    /** The session was closed locally before the handshake completed. */
    CLOSED
  }

  private final Reason reason;
  private final int alertDescription;

  DtlsHandshakeException(Reason reason, int alertDescription, String message, Throwable cause) {
    super(reason + (alertDescription >= 0 ? " (alert " + alertDescription + ")" : "") + ": "
        + message, cause);
    this.reason = reason;
    this.alertDescription = alertDescription;
  }

  public Reason reason() {
    return reason;
  }

  /** The TLS AlertDescription code sent or received, or -1 if no alert was involved. */
  public int alertDescription() {
    return alertDescription;
  }
}
