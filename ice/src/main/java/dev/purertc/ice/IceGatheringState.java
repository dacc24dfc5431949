package dev.purertc.ice;

/** The W3C {@code RTCIceGatheringState} values. */
public enum IceGatheringState {
  NEW,
  GATHERING,
  COMPLETE;

  /** The W3C string, e.g. {@code "gathering"}. */
  public String w3cName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
