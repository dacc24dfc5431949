package dev.purertc.srtp;

import java.util.HashMap;
import java.util.Map;

/**
 * Unprotects the peer's incoming SRTP and SRTCP (RFC 3711 §3.3, §3.4; RFC 7714 §8, §9) under one
 * master key: checks the tag, rejects replays with a 64-packet window per SSRC, estimates the
 * rollover counter (RFC 3711 Appendix A), and decrypts in place.
 *
 * <p>Per-SSRC state is created only for packets that authenticate, so forged packets cannot
 * grow it. Refused packets are counted ({@link #authenticationFailures()},
 * {@link #replayedPackets()}, {@link #malformedPackets()}) and leave the state unchanged.
 *
 * <p>Threading: not thread-safe; one receiving thread per instance. The counters may be read
 * from any thread (they are volatile; a read may lag by the packet in flight).
 */
public final class SrtpReceiver {
  private final SrtpProfile profile;
  private final PacketCrypto rtp;
  private final PacketCrypto rtcp;
  private final Map<Integer, RtpStreamState> rtpStreams = new HashMap<>();
  private final Map<Integer, RtcpStreamState> rtcpStreams = new HashMap<>();
  private RtpStreamState lastRtp;
  private RtcpStreamState lastRtcp;
  private volatile long authenticationFailures;
  private volatile long replayedPackets;
  private volatile long malformedPackets;

  /** Derives the SRTP and SRTCP session keys from {@code master} (RFC 3711 §4.3). */
  public SrtpReceiver(SrtpProfile profile, SrtpMasterKey master) {
    this(PacketCrypto.derive(profile, master, false), PacketCrypto.derive(profile, master, true));
  }

  SrtpReceiver(PacketCrypto rtp, PacketCrypto rtcp) {
    this.profile = rtp.profile;
    this.rtp = rtp;
    this.rtcp = rtcp;
  }

  public SrtpProfile profile() {
    return profile;
  }

  /** Packets refused because their tag did not match. */
  public long authenticationFailures() {
    return authenticationFailures;
  }

  /** Packets refused as replays (already seen, or older than the window). */
  public long replayedPackets() {
    return replayedPackets;
  }

  /** Packets refused because they were too short or not version 2. */
  public long malformedPackets() {
    return malformedPackets;
  }

  /**
   * Authenticates and decrypts the SRTP packet in {@code packet[offset, offset + length)} in
   * place.
   *
   * @return the length of the RTP packet (the tag removed), which starts at {@code offset}
   * @throws SrtpException MALFORMED, AUTHENTICATION_FAILED or REPLAYED; the array content is
   *     then unspecified but the receiver state is unchanged
   */
  public int unprotectRtp(byte[] packet, int offset, int length) throws SrtpException {
    int tagLength = profile.rtpTagLength();
    int header;
    try {
      if (length < PacketLayout.RTP_FIXED_HEADER + tagLength) {
        throw new SrtpException(SrtpException.Reason.MALFORMED, 0,
            "SRTP packet of " + length + " bytes is shorter than header and tag");
      }
      header = PacketLayout.rtpHeaderLength(packet, offset, length - tagLength);
    } catch (SrtpException e) {
      malformedPackets++;
      throw e;
    }
    int ssrc = PacketLayout.rtpSsrc(packet, offset);
    int seq = PacketLayout.sequenceNumber(packet, offset);
    RtpStreamState known = rtpStream(ssrc);
    RtpStreamState state = known != null ? known : new RtpStreamState(ssrc);
    long index = state.estimateIndex(seq);
    if (index < 0 || !state.window.isFresh(index)) {
      replayedPackets++;
      throw new SrtpException(SrtpException.Reason.REPLAYED, 2, "sequence number " + seq
          + " of SSRC " + Integer.toUnsignedString(ssrc) + " replayed or too old");
    }
    int roc = (int) (index >>> 16);
    int plainLength = length - tagLength;
    if (profile.aead()) {
      byte[] nonce = rtp.rtpNonce(ssrc, roc, seq);
      if (rtp.open(nonce, packet, offset, header, 0, 0, offset + header, length - header) < 0) {
        throw authFailure(plainLength);
      }
    } else {
      if (!rtp.verifyTag(packet, offset, plainLength, true, roc, tagLength, packet,
          offset + plainLength)) {
        throw authFailure(plainLength);
      }
      rtp.counterModeXor(ssrc, index, packet, offset + header, plainLength - header);
    }
    state.update(index);
    if (known == null) {
      rtpStreams.put(ssrc, state);
      lastRtp = state;
    }
    return plainLength;
  }

  /**
   * Authenticates and (if its E flag is set) decrypts the SRTCP packet in
   * {@code packet[offset, offset + length)} in place.
   *
   * @return the length of the RTCP compound packet (E+index word and tag removed)
   */
  public int unprotectRtcp(byte[] packet, int offset, int length) throws SrtpException {
    int tagLength = profile.rtcpTagLength();
    try {
      PacketLayout.checkRtcp(packet, offset, length,
          PacketLayout.RTCP_FIXED_HEADER + 4 + tagLength);
    } catch (SrtpException e) {
      malformedPackets++;
      throw e;
    }
    int ssrc = PacketLayout.rtcpSsrc(packet, offset);
    int plainLength = length - tagLength - 4;
    // RFC 3711 §3.4: E+index follows the packet, then the tag; RFC 7714 §9.2: the tag is part
    // of the AEAD output, so the E+index word comes last.
    int trailerAt = profile.aead() ? offset + length - 4 : offset + plainLength;
    int eIndex = PacketCrypto.getInt(packet, trailerAt);
    boolean encrypted = eIndex < 0;
    int index = eIndex & 0x7FFF_FFFF;
    RtcpStreamState known = rtcpStream(ssrc);
    RtcpStreamState state = known != null ? known : new RtcpStreamState(ssrc);
    if (!state.window.isFresh(index)) {
      replayedPackets++;
      throw new SrtpException(SrtpException.Reason.REPLAYED, trailerAt - offset, "SRTCP index "
          + index + " of SSRC " + Integer.toUnsignedString(ssrc) + " replayed or too old");
    }
    int bodyOffset = offset + PacketLayout.RTCP_FIXED_HEADER;
    if (profile.aead()) {
      byte[] nonce = rtcp.rtcpNonce(ssrc, index);
      int opened;
      if (encrypted) {
        opened = rtcp.open(nonce, packet, offset, PacketLayout.RTCP_FIXED_HEADER, trailerAt, 4,
            bodyOffset, length - PacketLayout.RTCP_FIXED_HEADER - 4);
      } else {
        // RFC 7714 §9.3: unencrypted SRTCP authenticates the whole packet as associated data.
        opened = rtcp.open(nonce, packet, offset, plainLength, trailerAt, 4,
            offset + plainLength, tagLength);
      }
      if (opened < 0) {
        throw authFailure(plainLength);
      }
    } else {
      if (!rtcp.verifyTag(packet, offset, plainLength + 4, false, 0, tagLength, packet,
          offset + plainLength + 4)) {
        throw authFailure(plainLength);
      }
      if (encrypted) {
        rtcp.counterModeXor(ssrc, index, packet, bodyOffset,
            plainLength - PacketLayout.RTCP_FIXED_HEADER);
      }
    }
    state.window.accept(index);
    if (known == null) {
      rtcpStreams.put(ssrc, state);
      lastRtcp = state;
    }
    return plainLength;
  }

  private SrtpException authFailure(int at) {
    authenticationFailures++;
    return new SrtpException(SrtpException.Reason.AUTHENTICATION_FAILED, at,
        "authentication tag does not match");
  }

  private RtpStreamState rtpStream(int ssrc) {
    RtpStreamState s = lastRtp;
    if (s == null || s.ssrc != ssrc) {
      s = rtpStreams.get(ssrc);
      if (s != null) {
        lastRtp = s;
      }
    }
    return s;
  }

  private RtcpStreamState rtcpStream(int ssrc) {
    RtcpStreamState s = lastRtcp;
    if (s == null || s.ssrc != ssrc) {
      s = rtcpStreams.get(ssrc);
      if (s != null) {
        lastRtcp = s;
      }
    }
    return s;
  }
}
