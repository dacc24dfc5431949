package dev.purertc.sdp;

/**
 * The audio track the local endpoint sends: its MediaStream and track ids (RFC 8830 msid),
 * RTP SSRC and RTCP CNAME (RFC 7022).
 *
 * @param streamId MediaStream id
 * @param trackId MediaStreamTrack id
 * @param ssrc RTP synchronization source, 1..2^32-1
 * @param cname RTCP canonical name
 */
public record LocalTrack(String streamId, String trackId, long ssrc, String cname) {
  public LocalTrack {
    Fields.requireWord(streamId, "msid stream id");
    Fields.requireWord(trackId, "msid track id");
    if (ssrc <= 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("ssrc " + ssrc + " is not in 1..4294967295");
    }
    Fields.requireWord(cname, "cname");
  }
}
