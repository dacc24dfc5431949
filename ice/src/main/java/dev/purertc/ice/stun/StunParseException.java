package dev.purertc.ice.stun;

/**
 * The one exception the STUN layer throws for malformed input: it says at which byte offset of
 * the datagram, and why, parsing stopped. No other exception escapes {@link StunMessage#parse}.
 */
public final class StunParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int offset;

  /** @param offset byte offset in the datagram where the problem is */
  public StunParseException(int offset, String reason) {
    super("offset " + offset + ": " + reason);
    this.offset = offset;
  }

  /** Byte offset in the datagram where parsing stopped. */
  public int offset() {
    return offset;
  }
}
