package dev.purertc.ice;

/** The W3C {@code RTCIceTransportPolicy}: which local candidates the agent may use. */
public enum IceTransportPolicy {
  /** Host, server-reflexive and relayed candidates. */
  ALL,
  /** Only relayed candidates (TURN); no host or server-reflexive address is revealed. */
  RELAY
}
