package dev.purertc.srtp;

/**
 * The one exception of the SRTP layer: a packet could not be protected or unprotected. It says
 * why ({@link #reason()}) and, for malformed input, at which byte offset of the packet.
 *
 * <p>It carries no stack trace: it is thrown on the packet path for every forged, replayed or
 * damaged packet, and a stack trace would cost more than the packet.
 */
public final class SrtpException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a packet was refused. */
  public enum Reason {
    /** The packet is too short or its header is not RTP/RTCP version 2. */
    MALFORMED,
    /** The authentication tag does not match (forged or damaged packet). */
    AUTHENTICATION_FAILED,
    /** The packet index was already seen, or is older than the replay window. */
    REPLAYED,
    /** The caller's array has no room for the authentication tag. */
    NO_ROOM_FOR_TAG,
    /** The SRTCP index (2^31) is used up; the session must be rekeyed (RFC 3711 §9.2). */
    INDEX_EXHAUSTED
  }

  private final Reason reason;
  private final int offset;

  SrtpException(Reason reason, int offset, String message) {
    super(reason + " at byte " + offset + ": " + message, null, false, false);
    this.reason = reason;
    this.offset = offset;
  }

  /** Why the packet was refused. */
  public Reason reason() {
    return reason;
  }

  /** Byte offset within the packet where the problem was found (0 if not about one byte). */
  public int offset() {
    return offset;
  }
}
