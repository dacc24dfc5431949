package dev.purertc.srtp;

/** Just enough RTP/RTCP header parsing to know what SRTP leaves in clear (RFC 3550 §5.1, §6.4). */
final class PacketLayout {
  static final int RTP_FIXED_HEADER = 12;
  static final int RTCP_FIXED_HEADER = 8;

  private PacketLayout() {}

  /**
   * Length of the RTP header (fixed part, CSRCs, header extension) of the packet in
   * {@code data[offset, +length)}; everything after it is payload, which SRTP encrypts.
   */
  static int rtpHeaderLength(byte[] data, int offset, int length) throws SrtpException {
    if (length < RTP_FIXED_HEADER) {
      throw new SrtpException(SrtpException.Reason.MALFORMED, 0,
          "RTP packet of " + length + " bytes is shorter than the 12-byte header");
    }
    int first = data[offset] & 0xFF;
    if (first >>> 6 != 2) {
      throw new SrtpException(SrtpException.Reason.MALFORMED, 0,
          "RTP version " + (first >>> 6) + ", expected 2");
    }
    int header = RTP_FIXED_HEADER + 4 * (first & 0x0F);
    if ((first & 0x10) != 0) {
      if (header + 4 > length) {
        throw new SrtpException(SrtpException.Reason.MALFORMED, header,
            "header extension does not fit in " + length + " bytes");
      }
      int words = ((data[offset + header + 2] & 0xFF) << 8) | (data[offset + header + 3] & 0xFF);
      header += 4 + 4 * words;
    }
    if (header > length) {
      throw new SrtpException(SrtpException.Reason.MALFORMED, Math.min(header, length),
          "RTP header of " + header + " bytes does not fit in " + length + " bytes");
    }
    return header;
  }

  static void checkRtcp(byte[] data, int offset, int length, int minimum) throws SrtpException {
    if (length < minimum) {
      throw new SrtpException(SrtpException.Reason.MALFORMED, 0,
          "SRTCP packet of " + length + " bytes is shorter than " + minimum);
    }
    int version = (data[offset] & 0xFF) >>> 6;
    if (version != 2) {
      throw new SrtpException(SrtpException.Reason.MALFORMED, 0,
          "RTCP version " + version + ", expected 2");
    }
  }

  static int sequenceNumber(byte[] data, int offset) {
    return ((data[offset + 2] & 0xFF) << 8) | (data[offset + 3] & 0xFF);
  }

  static int rtpSsrc(byte[] data, int offset) {
    return PacketCrypto.getInt(data, offset + 8);
  }

  static int rtcpSsrc(byte[] data, int offset) {
    return PacketCrypto.getInt(data, offset + 4);
  }
}
