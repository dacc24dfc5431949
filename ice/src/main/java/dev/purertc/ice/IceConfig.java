package dev.purertc.ice;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Options of an {@link IceAgent}, shaped like the W3C {@code RTCConfiguration}.
 *
 * @param iceServers STUN and TURN servers ({@code iceServers})
 * @param transportPolicy {@code iceTransportPolicy}
 * @param controlling the initial role (the offerer is controlling, RFC 8445 §6.1.1)
 * @param taMillis pacing interval Ta between checks (RFC 8445 §14.2: 50 ms by default)
 * @param consentIntervalMillis mean interval of consent checks (RFC 7675 §5.1: 5000 ms,
 *     randomised by ±20%)
 * @param disconnectedAfterMillis report {@code disconnected} when no consent response came for
 *     this long (10000 ms: two missed consent checks)
 * @param consentTimeoutMillis consent expires, {@code failed} (RFC 7675 §5.1: 30000 ms)
 * @param keepRedundantCandidates emit a server-reflexive candidate even when it equals its host
 *     candidate (RFC 8445 §5.1.3 says drop it; on loopback every one is redundant, so tests that
 *     want to see a STUN server's answer turn this on)
 * @param mdnsResolver resolves a remote {@code .local} name, or returns empty; may block, so the
 *     driver calls it off the agent lock. Default: none, and mDNS candidates are skipped with a
 *     log line.
 */
public record IceConfig(
    List<IceServer> iceServers,
    IceTransportPolicy transportPolicy,
    boolean controlling,
    long taMillis,
    long consentIntervalMillis,
    long disconnectedAfterMillis,
    long consentTimeoutMillis,
    boolean keepRedundantCandidates,
    Function<String, Optional<InetAddress>> mdnsResolver) {

  public IceConfig {
    iceServers = List.copyOf(iceServers);
    if (transportPolicy == null) {
      throw new IllegalArgumentException("transportPolicy is null");
    }
    if (taMillis < 5 || consentIntervalMillis < 100 || disconnectedAfterMillis < 1
        || consentTimeoutMillis < disconnectedAfterMillis) {
      throw new IllegalArgumentException("timers out of range");
    }
    if (mdnsResolver == null) {
      mdnsResolver = name -> Optional.empty();
    }
  }

  /**
   * A resolver for remote {@code .local} names through the system resolver (it resolves mDNS
   * only where the host has an mDNS resolver such as nss-mdns). Blocks the calling thread.
   */
  public static Optional<InetAddress> systemMdnsResolver(String name) {
    try {
      return Optional.of(InetAddress.getByName(name));
    } catch (java.net.UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Defaults: no servers, policy {@code all}, RFC timers, no mDNS resolver. */
  public static IceConfig defaults(boolean controlling) {
    return new IceConfig(List.of(), IceTransportPolicy.ALL, controlling, 50, 5000, 10_000, 30_000,
        false, null);
  }

  /** A copy with these servers. */
  public IceConfig withIceServers(List<IceServer> servers) {
    return new IceConfig(servers, transportPolicy, controlling, taMillis, consentIntervalMillis,
        disconnectedAfterMillis, consentTimeoutMillis, keepRedundantCandidates, mdnsResolver);
  }

  /** A copy with this policy. */
  public IceConfig withTransportPolicy(IceTransportPolicy policy) {
    return new IceConfig(iceServers, policy, controlling, taMillis, consentIntervalMillis,
        disconnectedAfterMillis, consentTimeoutMillis, keepRedundantCandidates, mdnsResolver);
  }

  /** A copy that keeps redundant server-reflexive candidates. */
  public IceConfig withKeepRedundantCandidates(boolean keep) {
    return new IceConfig(iceServers, transportPolicy, controlling, taMillis, consentIntervalMillis,
        disconnectedAfterMillis, consentTimeoutMillis, keep, mdnsResolver);
  }

  /** A copy with this mDNS resolver. */
  public IceConfig withMdnsResolver(Function<String, Optional<InetAddress>> resolver) {
    return new IceConfig(iceServers, transportPolicy, controlling, taMillis, consentIntervalMillis,
        disconnectedAfterMillis, consentTimeoutMillis, keepRedundantCandidates, resolver);
  }
}
