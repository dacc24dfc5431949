/**
 * DTLS-SRTP key agreement for PureRTC (RFC 5763, RFC 5764, RFC 8842): a DTLS 1.2 client or
 * server on Bouncy Castle's TLS API that checks the peer's certificate against the SDP
 * fingerprint (RFC 8122 §5, fail-closed), negotiates an SRTP protection profile through
 * use_srtp (RFC 5764 §4.1) and exports the SRTP master keys with the {@code EXTRACTOR-dtls_srtp}
 * label (RFC 5764 §4.2, RFC 5705).
 *
 * <p>It runs over any {@link dev.purertc.dtls.DatagramTransport}; in WebRTC the ICE layer
 * provides one that carries the DTLS records of the selected pair (RFC 7983 demultiplexing is
 * the ICE layer's job). Self-signed certificates are generated here
 * ({@link dev.purertc.dtls.DtlsCertificate}).
 *
 * <p>What it does not do: DTLS 1.3, application data (SCTP data channels), renegotiation,
 * HelloVerifyRequest cookies on the server side (the ICE connectivity check has already proved
 * the peer's address), session resumption, certificate chains or CA validation (WebRTC trusts
 * fingerprints only).
 *
 * <p>Threading: see {@link dev.purertc.dtls.DtlsSession}: one named thread per session, because
 * Bouncy Castle's DTLS protocol classes block.
 */
package dev.purertc.dtls;
