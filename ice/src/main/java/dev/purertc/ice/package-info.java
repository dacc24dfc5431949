/**
 * The ICE layer: an ICE agent (RFC 8445) with trickle (RFC 8838) and consent freshness
 * (RFC 7675), and the datagram channel it gives upper layers.
 *
 * <p>{@link dev.purertc.ice.IceAgent} is the sans-I/O core: datagrams and time in, datagrams,
 * events and the next deadline out. {@link dev.purertc.ice.UdpIceTransport} is the thin driver
 * (non-blocking {@code DatagramChannel}s, one {@code purertc-ice-io} thread, an injected clock)
 * and implements {@link dev.purertc.ice.IceTransport}, which carries DTLS/SRTP datagrams over the
 * selected pair while STUN keeps flowing on the same socket (RFC 7983 demultiplexing). Options
 * follow the W3C {@code RTCConfiguration} ({@link dev.purertc.ice.IceServer},
 * {@link dev.purertc.ice.IceTransportPolicy}); states and stats use the W3C and webrtc-stats
 * names. Candidates are exchanged as {@link dev.purertc.sdp.Candidate}.
 *
 * <p>RFC 8445 sections implemented: §5.1 gathering (host, server-reflexive, relayed; priorities
 * §5.1.2, foundations §5.1.1.3, redundancy §5.1.3), §6.1.2 check list (pairing, pair priority,
 * frozen/waiting by foundation, pruning of server-reflexive locals), §6.1.4 pacing with triggered
 * checks, §7.1-7.3 checks with role conflict repair (§7.3.1.1, §7.2.5.1), peer-reflexive
 * candidates (§7.2.5.3.1, §7.3.1.3), §8.1.1 regular nomination, §9 ICE restart, ICE-lite peers.
 *
 * <p>Not implemented: several data streams or components (one component, rtcp-mux), aggressive
 * nomination, ICE-TCP (RFC 6544), acting as an ICE-lite agent, keepalives on pairs other than the
 * selected one, local mDNS obfuscation of host candidates. {@code completed} is reported when a
 * pair is nominated, without waiting for end-of-candidates.
 */
package dev.purertc.ice;
