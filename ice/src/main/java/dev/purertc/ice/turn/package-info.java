/**
 * A TURN client over UDP (RFC 8656), sans-I/O: Allocate with long-term credentials
 * (RFC 8489 §9.2, 401 and 438 handling), Refresh, CreatePermission, ChannelBind and
 * ChannelData (§12), Send and Data indications (§11), deallocation on close (§7.2).
 *
 * <p>Not here: TURN over TCP/TLS/DTLS, IPv6 relays from IPv4 (REQUESTED-ADDRESS-FAMILY is
 * modelled but not requested), EVEN-PORT reservations, ALTERNATE-SERVER redirects, mobility.
 */
package dev.purertc.ice.turn;
