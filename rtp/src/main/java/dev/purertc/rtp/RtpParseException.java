package dev.purertc.rtp;

/**
 * The one exception the RTP layer throws for bytes it cannot read: {@link RtpPacket#parse},
 * {@link RtcpPacket#parseCompound} and every other parser in this package report bad input with
 * this type and nothing else.
 *
 * <p>It says where and why: the byte offset of the offending field, counted from the start of the
 * datagram that was handed to the parser (its {@code position()} at the call), and a reason that
 * names the field, e.g. {@code offset 12: CSRC count 15 needs 60 bytes, 4 remain}.
 */
public final class RtpParseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final String reason;

  /**
   * @param offset byte offset of the offending field from the start of the datagram
   * @param reason what was wrong, naming the field
   */
  public RtpParseException(int offset, String reason) {
    super("offset " + offset + ": " + reason);
    this.offset = offset;
    this.reason = reason;
  }

  /** Byte offset of the offending field, counted from the start of the datagram. */
  public int offset() {
    return offset;
  }

  /** Why the bytes were rejected, without the offset prefix. */
  public String reason() {
    return reason;
  }
}
