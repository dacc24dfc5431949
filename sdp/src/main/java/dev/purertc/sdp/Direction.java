package dev.purertc.sdp;

import java.util.Optional;

/**
 * The media direction attributes (RFC 8866 §6.7, offer/answer rules in RFC 3264 §6.1), seen
 * from the side that wrote the description. Absent means {@link #SENDRECV}.
 */
public enum Direction implements Attribute {
  SENDRECV("sendrecv", true, true),
  SENDONLY("sendonly", true, false),
  RECVONLY("recvonly", false, true),
  INACTIVE("inactive", false, false);

  private final String attributeName;
  private final boolean sends;
  private final boolean receives;

  Direction(String attributeName, boolean sends, boolean receives) {
    this.attributeName = attributeName;
    this.sends = sends;
    this.receives = receives;
  }

  /** Whether the writer of the description sends media. */
  public boolean sends() {
    return sends;
  }

  /** Whether the writer of the description receives media. */
  public boolean receives() {
    return receives;
  }

  /** The direction with the given send and receive capabilities. */
  public static Direction of(boolean sends, boolean receives) {
    if (sends) {
      return receives ? SENDRECV : SENDONLY;
    }
    return receives ? RECVONLY : INACTIVE;
  }

  /** The same media flow seen from the other side: sendonly becomes recvonly and back. */
  public Direction reverse() {
    return of(receives, sends);
  }

  @Override
  public String attributeName() {
    return attributeName;
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.empty();
  }

  static Optional<Direction> byName(String name) {
    return EnumAttributes.byName(Direction.class, name);
  }
}
