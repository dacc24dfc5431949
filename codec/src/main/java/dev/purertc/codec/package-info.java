/**
 * The codec layer: audio frames to RTP payloads and back.
 *
 * <h2>What it does</h2>
 * <ul>
 *   <li>{@link dev.purertc.codec.AudioEncoder} / {@link dev.purertc.codec.AudioDecoder}: the one
 *       small contract every codec meets — encode one frame; decode a payload, conceal a lost
 *       one, or recover it from the next packet's in-band FEC.</li>
 *   <li>Opus (RFC 6716, RTP payload format RFC 7587) through Concentus, the pure-Java port of
 *       libopus 1.1.2: {@link dev.purertc.codec.OpusEncoder}, {@link dev.purertc.codec.OpusDecoder},
 *       settings in {@link dev.purertc.codec.OpusEncoderConfig}, SDP fmtp mapping in
 *       {@link dev.purertc.codec.OpusFmtp}, and {@link dev.purertc.codec.OpusPacketHeader} which
 *       validates packets against RFC 6716 §3.4 before Concentus sees them and reads the SILK
 *       LBRR flag (§4.2.3) so the decoder knows whether a next packet can repair a loss.</li>
 *   <li>G.711 µ-law/A-law ({@link dev.purertc.codec.G711}, ITU-T G.711; RTP PCMU/PCMA of
 *       RFC 3551 §4.5.14), written here.</li>
 *   <li>RFC 4733 telephone-events (DTMF): {@link dev.purertc.codec.TelephoneEvent} (§2.3 payload),
 *       {@link dev.purertc.codec.TelephoneEventSender} (§2.5.1 packet sequence),
 *       {@link dev.purertc.codec.TelephoneEventReceiver} (§2.5.2).</li>
 *   <li>{@link dev.purertc.codec.Resampler}: rational polyphase FIR between 8/16/44.1/48 kHz with
 *       mono/stereo conversion.</li>
 * </ul>
 *
 * <h2>What it does not do</h2>
 * No RTP headers, sequence numbers, timestamps or jitter buffering (rtp/), no device I/O
 * (audio-io/), no Ogg files, no comfort noise (RFC 3389), no RED (RFC 2198), no G.711 Appendix I
 * PLC, no Opus features newer than libopus 1.1.2 (no DRED, no deep PLC).
 *
 * <h2>Failure model</h2>
 * Decoders never throw on payload content: corrupt or truncated payloads are concealed and
 * counted in {@link dev.purertc.codec.DecoderStatistics}. The explicit parsers throw only
 * {@link dev.purertc.codec.CodecFormatException}.
 *
 * <h2>Threading</h2>
 * Encoders, decoders, resamplers and the telephone-event receiver keep per-stream state and are
 * not thread-safe; use one per stream from one thread at a time. No class here owns a thread,
 * a socket or a clock.
 */
package dev.purertc.codec;
