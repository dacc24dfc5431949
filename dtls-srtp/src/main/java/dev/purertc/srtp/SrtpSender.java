package dev.purertc.srtp;

import java.util.HashMap;
import java.util.Map;

/**
 * Protects one endpoint's outgoing RTP and RTCP (RFC 3711 §3.3 and §3.4; RFC 7714 §8 and §9)
 * under one master key.
 *
 * <p>Packets are protected in place: the caller passes an array holding the plain packet at
 * {@code [offset, offset + length)} with at least {@link #maxRtpOverhead()} (or
 * {@link #maxRtcpOverhead()}) spare bytes after it, and gets back the protected length.
 *
 * <p>Threading: not thread-safe; one sending thread per instance (the cipher objects are reused
 * across packets, which is what keeps the packet path free of allocation for AES-CM).
 */
public final class SrtpSender {
  private final SrtpProfile profile;
  private final PacketCrypto rtp;
  private final PacketCrypto rtcp;
  private final Map<Integer, RtpStreamState> rtpStreams = new HashMap<>();
  private final Map<Integer, RtcpStreamState> rtcpStreams = new HashMap<>();
  private RtpStreamState lastRtp;
  private RtcpStreamState lastRtcp;
  private final byte[] trailer = new byte[4];

  /** Derives the SRTP and SRTCP session keys from {@code master} (RFC 3711 §4.3). */
  public SrtpSender(SrtpProfile profile, SrtpMasterKey master) {
    this(PacketCrypto.derive(profile, master, false), PacketCrypto.derive(profile, master, true));
  }

  SrtpSender(PacketCrypto rtp, PacketCrypto rtcp) {
    this.profile = rtp.profile;
    this.rtp = rtp;
    this.rtcp = rtcp;
  }

  public SrtpProfile profile() {
    return profile;
  }

  /** Bytes an RTP packet grows by when protected. */
  public int maxRtpOverhead() {
    return profile.rtpTagLength();
  }

  /** Bytes an RTCP packet grows by when protected (tag plus the 4-byte E+index word). */
  public int maxRtcpOverhead() {
    return profile.rtcpTagLength() + 4;
  }

  /**
   * Encrypts the payload and appends the authentication tag of the RTP packet in
   * {@code packet[offset, offset + length)}.
   *
   * @return the length of the SRTP packet, which starts at {@code offset}
   * @throws SrtpException MALFORMED if it is not an RTP packet, NO_ROOM_FOR_TAG if the array
   *     is too short, REPLAYED if this SSRC already sent this packet index (protecting it twice
   *     would reuse keystream)
   */
  public int protectRtp(byte[] packet, int offset, int length) throws SrtpException {
    int header = PacketLayout.rtpHeaderLength(packet, offset, length);
    int tagLength = profile.rtpTagLength();
    if (packet.length - offset - length < tagLength) {
      throw new SrtpException(SrtpException.Reason.NO_ROOM_FOR_TAG, length,
          "need " + tagLength + " bytes after the packet");
    }
    int ssrc = PacketLayout.rtpSsrc(packet, offset);
    int seq = PacketLayout.sequenceNumber(packet, offset);
    RtpStreamState state = rtpStream(ssrc);
    long index = state.estimateIndex(seq);
    if (index < 0 || !state.window.isFresh(index)) {
      throw new SrtpException(SrtpException.Reason.REPLAYED, 2,
          "sequence number " + seq + " of SSRC " + Integer.toUnsignedString(ssrc)
              + " was already protected");
    }
    int roc = (int) (index >>> 16);
    if (profile.aead()) {
      byte[] nonce = rtp.rtpNonce(ssrc, roc, seq);
      rtp.seal(nonce, packet, offset, header, null, offset + header, length - header);
    } else {
      rtp.counterModeXor(ssrc, index, packet, offset + header, length - header);
      rtp.writeTag(packet, offset, length, true, roc, tagLength, packet, offset + length);
    }
    state.update(index);
    return length + tagLength;
  }

  /**
   * Encrypts the RTCP compound packet in {@code packet[offset, offset + length)} after its first
   * 8 bytes, and appends the E+index word and the tag (RFC 3711 §3.4; RFC 7714 §9.2 puts the tag
   * before the index word).
   *
   * @return the length of the SRTCP packet
   */
  public int protectRtcp(byte[] packet, int offset, int length) throws SrtpException {
    PacketLayout.checkRtcp(packet, offset, length, PacketLayout.RTCP_FIXED_HEADER);
    int tagLength = profile.rtcpTagLength();
    if (packet.length - offset - length < tagLength + 4) {
      throw new SrtpException(SrtpException.Reason.NO_ROOM_FOR_TAG, length,
          "need " + (tagLength + 4) + " bytes after the packet");
    }
    int ssrc = PacketLayout.rtcpSsrc(packet, offset);
    RtcpStreamState state = rtcpStream(ssrc);
    if (state.nextIndex > RtcpStreamState.MAX_INDEX) {
      throw new SrtpException(SrtpException.Reason.INDEX_EXHAUSTED, 4,
          "SRTCP index of SSRC " + Integer.toUnsignedString(ssrc) + " is used up; rekey");
    }
    int index = (int) state.nextIndex;
    int eIndex = 0x8000_0000 | index; // E = 1: always encrypted
    int bodyOffset = offset + PacketLayout.RTCP_FIXED_HEADER;
    int bodyLength = length - PacketLayout.RTCP_FIXED_HEADER;
    int total;
    if (profile.aead()) {
      PacketCrypto.putInt(trailer, 0, eIndex);
      byte[] nonce = rtcp.rtcpNonce(ssrc, index);
      int sealed = rtcp.seal(nonce, packet, offset, PacketLayout.RTCP_FIXED_HEADER, trailer,
          bodyOffset, bodyLength);
      PacketCrypto.putInt(packet, bodyOffset + sealed, eIndex);
      total = PacketLayout.RTCP_FIXED_HEADER + sealed + 4;
    } else {
      rtcp.counterModeXor(ssrc, index, packet, bodyOffset, bodyLength);
      PacketCrypto.putInt(packet, offset + length, eIndex);
      rtcp.writeTag(packet, offset, length + 4, false, 0, tagLength, packet, offset + length + 4);
      total = length + 4 + tagLength;
    }
    state.nextIndex++;
    return total;
  }

  private RtpStreamState rtpStream(int ssrc) {
    RtpStreamState s = lastRtp;
    if (s == null || s.ssrc != ssrc) {
      s = rtpStreams.computeIfAbsent(ssrc, RtpStreamState::new);
      lastRtp = s;
    }
    return s;
  }

  private RtcpStreamState rtcpStream(int ssrc) {
    RtcpStreamState s = lastRtcp;
    if (s == null || s.ssrc != ssrc) {
      s = rtcpStreams.computeIfAbsent(ssrc, RtcpStreamState::new);
      lastRtcp = s;
    }
    return s;
  }
}
