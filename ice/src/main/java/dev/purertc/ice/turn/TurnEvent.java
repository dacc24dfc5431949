package dev.purertc.ice.turn;

import java.net.InetSocketAddress;

/** What a {@link TurnClient} reports, in order, from {@link TurnClient#pollEvent()}. */
public sealed interface TurnEvent {
  /** The allocation exists: the relayed address and the client's address as the server saw it. */
  record Allocated(InetSocketAddress relayed, InetSocketAddress mapped, long lifetimeSeconds)
      implements TurnEvent {}

  /** A permission for the peer's IP address is installed (RFC 8656 §9). */
  record PermissionCreated(InetSocketAddress peer) implements TurnEvent {}

  /** A channel is bound to the peer (RFC 8656 §12). */
  record ChannelBound(InetSocketAddress peer, int channel) implements TurnEvent {}

  /**
   * The allocation failed or was lost: wrong credentials (code 401), no response (code 0), or
   * any other error response the client cannot repair. The client is finished after this.
   */
  record Failed(int code, String reason) implements TurnEvent {}
}
