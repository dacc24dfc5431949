/**
 * The RTP layer: packets, reception statistics, RTCP reporting and the audio jitter buffer.
 *
 * <p>What it does:
 *
 * <ul>
 *   <li>RTP packets (RFC 3550 5.1) as zero-copy views ({@link dev.purertc.rtp.RtpPacket}), with
 *       header extensions in the one-byte and two-byte forms of RFC 8285 and typed access to the
 *       RFC 6464 audio level; an allocation-free send path ({@link dev.purertc.rtp.RtpWriter}).
 *   <li>RTCP compound packets (RFC 3550 6.4-6.7, RFC 4585 6.2.1 generic NACK), reduced-size RTCP
 *       accepted (RFC 5506), unknown types kept opaque ({@link dev.purertc.rtp.RtcpPacket}).
 *   <li>Reception statistics exactly as RFC 3550 appendix A.1, A.3 and A.8 ({@link
 *       dev.purertc.rtp.ReceiveStatistics}); SR/RR generation at the RFC 3550 6.3 / A.7 interval and
 *       RTT from LSR/DLSR ({@link dev.purertc.rtp.RtcpReporter}); W3C webrtc-stats names for
 *       inbound audio ({@link dev.purertc.rtp.InboundAudioStats}).
 *   <li>An adaptive jitter buffer for audio frames ({@link dev.purertc.rtp.JitterBuffer}) whose
 *       output ({@link dev.purertc.rtp.PlayoutEvent}) tells a decoder stage to decode, conceal, or
 *       try FEC, without depending on any codec.
 * </ul>
 *
 * <p>What it does not do: no sockets, threads or timers (sans-I/O; drivers pass times in), no
 * SRTP (the dtls-srtp layer protects these bytes), no RTCP XR/PSFB parsing beyond keeping them
 * opaque, no time-stretching or decoding of audio, no RFC 3550 6.3.7 BYE reconsideration.
 *
 * <p>Errors: every parser throws {@link dev.purertc.rtp.RtpParseException}, with the byte offset
 * and the reason, and nothing else.
 */
package dev.purertc.rtp;
