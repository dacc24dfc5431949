/**
 * The SDP layer: a typed model of session descriptions for WebRTC audio, a lossless parser and
 * formatter, and JSEP offer/answer for an audio-only endpoint.
 *
 * <p>What it does:
 * <ul>
 *   <li>RFC 8866 (SDP): {@link dev.purertc.sdp.SessionDescription} and
 *       {@link dev.purertc.sdp.MediaDescription} hold every field; every attribute WebRTC audio
 *       uses has a record ({@link dev.purertc.sdp.Rtpmap}, {@link dev.purertc.sdp.Fmtp},
 *       {@link dev.purertc.sdp.Candidate} of RFC 8839, {@link dev.purertc.sdp.Fingerprint} of
 *       RFC 8122, {@link dev.purertc.sdp.Extmap} of RFC 8285, {@link dev.purertc.sdp.Group} of
 *       RFC 5888/8843, ...); anything else is kept verbatim, so {@code parse(x).format()}
 *       reproduces any valid {@code x} with CRLF line ends.</li>
 *   <li>RFC 8829 (JSEP) subset, with RFC 3264 offer/answer: {@link dev.purertc.sdp.Jsep} builds
 *       an audio offer from {@link dev.purertc.sdp.AudioCapabilities} and answers a remote
 *       offer: codecs intersected in the offerer's order with its payload types, directions per
 *       RFC 3264 §6.1, DTLS {@code setup} per RFC 8842 §5.5, unsupported sections rejected with
 *       port 0 but kept with their mid, BUNDLE answered per RFC 8843 §7.3.</li>
 * </ul>
 *
 * <p>What it does not do: no transport, ICE or DTLS logic (the {@code ice} and
 * {@code dtls-srtp} layers own those; this layer only carries their SDP values), no video or
 * data channel negotiation (such sections are read and rejected), no SDES keying
 * ({@code a=crypto}), no Plan B.
 *
 * <p>Errors: every parser throws only {@link dev.purertc.sdp.SdpParseException}, with the line
 * number and the reason. Values are immutable records, safe to share between threads.
 */
package dev.purertc.sdp;
