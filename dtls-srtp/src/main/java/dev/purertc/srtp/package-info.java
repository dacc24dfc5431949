/**
 * SRTP and SRTCP packet protection for PureRTC, on the JDK's JCE only (no native code).
 *
 * <p>What it does: the RFC 3711 key derivation (§4.3, key_derivation_rate 0), SRTP/SRTCP
 * protect and unprotect (§3.3, §3.4) for AES_CM_128_HMAC_SHA1_80/_32 (§4.1.1, §4.2.1; RFC 5764
 * §4.1.2 for the 80-bit SRTCP tag of the _32 profile) and AEAD_AES_128_GCM/AEAD_AES_256_GCM
 * (RFC 7714 §8, §9, §11), rollover-counter estimation (RFC 3711 Appendix A), a 64-packet replay
 * window per SSRC (§3.3.2), and counters of refused packets. Keys come from DTLS-SRTP
 * ({@link dev.purertc.srtp.SrtpKeyingMaterial#split}, RFC 5764 §4.2).
 *
 * <p>What it does not do: MKI, key_derivation_rate other than 0, SDES/inline keys, the NULL or
 * F8 ciphers, encrypted header extensions (RFC 6904) or cryptex, and RTP/RTCP demultiplexing
 * (RFC 5761/7983: the caller passes RTP to the RTP methods and RTCP to the RTCP ones).
 *
 * <p>Threading: a sender and a receiver each belong to one thread. Packets are transformed in
 * place in the caller's array.
 */
package dev.purertc.srtp;
