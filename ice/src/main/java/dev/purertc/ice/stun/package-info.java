/**
 * STUN messages and transactions (RFC 8489, compatible with RFC 5389).
 *
 * <p>What it does: {@link dev.purertc.ice.stun.StunMessage} parses and writes messages
 * (§5-6, the attributes of §14, ICE's of RFC 8445 §16.1 and TURN's of RFC 8656 §18; unknown
 * attributes are kept); {@link dev.purertc.ice.stun.StunIntegrity} derives short-term and
 * long-term keys (§9.1, §9.2) and checks MESSAGE-INTEGRITY, MESSAGE-INTEGRITY-SHA256 and
 * FINGERPRINT on received bytes; {@link dev.purertc.ice.stun.StunTransactions} times client
 * transactions over UDP with RTO, Rc and Rm (§6.2.1), sans-I/O.
 *
 * <p>What it does not do: sockets, threads, TCP/TLS framing, SASLprep of passwords,
 * PASSWORD-ALGORITHMS/USERHASH negotiation, or RFC 3489 messages without the magic cookie.
 * {@link dev.purertc.ice.stun.StunParseException} is the only exception malformed input raises.
 */
package dev.purertc.ice.stun;
