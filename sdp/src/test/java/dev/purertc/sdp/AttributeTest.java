package dev.purertc.sdp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each typed attribute reads its RFC form and writes it back unchanged. */
class AttributeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "rtpmap:111 opus/48000/2", "rtpmap:0 PCMU/8000", "rtpmap:9 G722/8000/1",
      "fmtp:111 minptime=10;useinbandfec=1", "fmtp:101 0-15",
      "fmtp:111 maxplaybackrate=48000; stereo=0; sprop-stereo=0; useinbandfec=1",
      "rtcp-fb:111 transport-cc", "rtcp-fb:96 nack pli", "rtcp-fb:* ccm fir",
      "extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
      "extmap:2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level",
      "extmap:3/sendonly urn:x:y some attributes", "extmap:200 urn:two-byte",
      "extmap-allow-mixed", "ice-ufrag:Ez5a", "ice-pwd:8Pr1C2rdT9bDq1yvvQWVAmKW",
      "ice-options:trickle", "ice-options:trickle ice2", "ice-lite", "end-of-candidates",
      "fingerprint:sha-256 7B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8:5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08",
      "fingerprint:SHA-1 4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB",
      "setup:actpass", "setup:active", "setup:passive", "setup:holdconn", "mid:0", "mid:audio",
      "group:BUNDLE 0 1 2", "group:BUNDLE", "group:LS 1 2", "msid:stream track", "msid:- track",
      "msid:stream", "msid-semantic: WMS stream", "msid-semantic:WMS *", "msid-semantic: WMS",
      "ssrc:3735928559 cname:4TOk42mSjXCkVIa6", "ssrc:1 msid:stream track", "ssrc:1 x-flag",
      "ssrc-group:FID 2231627014 632943048", "rtcp:9 IN IP4 0.0.0.0", "rtcp:53020",
      "rtcp-mux", "rtcp-rsize", "rtcp-mux-only", "bundle-only", "ptime:20", "maxptime:120",
      "sendrecv", "sendonly", "recvonly", "inactive", "sctp-port:5000",
      "sctpmap:5000 webrtc-datachannel 1024", "sctpmap:5000 webrtc-datachannel",
      "candidate:1 1 udp 2015363327 198.18.0.2 20312 typ host",
  })
  void knownAttributesAreTypedAndRoundTrip(String text) {
    Attribute a = Attribute.parse(text);
    assertFalse(a instanceof OtherAttribute, () -> text + " was not typed");
    assertEquals("a=" + text, a.format());
  }

  @Test
  void rtpmapFields() {
    Rtpmap r = (Rtpmap) Attribute.parse("rtpmap:111 opus/48000/2");
    assertEquals(new Rtpmap(111, "opus", 48000, OptionalInt.of(2)), r);
    assertEquals(1, Rtpmap.parse("0 PCMU/8000").channelCount());
  }

  @Test
  void fmtpParametersAreReadButTextIsKept() {
    Fmtp f = Fmtp.parse("111 maxplaybackrate=48000; stereo=0; useinbandfec=1");
    assertEquals(Map.of("maxplaybackrate", "48000", "stereo", "0", "useinbandfec", "1"),
        f.parameters());
    assertEquals(Optional.of("1"), f.parameter("UseInbandFec"));
    assertEquals(Map.of("0-15", ""), Fmtp.parse("101 0-15").parameters());
    Map<String, String> ordered = new java.util.LinkedHashMap<>();
    ordered.put("minptime", "10");
    ordered.put("useinbandfec", "1");
    assertEquals("minptime=10;useinbandfec=1", Fmtp.of(111, ordered).formatParameters());
  }

  @Test
  void fingerprintDigestAndMatching() {
    Fingerprint upper = Fingerprint.parse("sha-256 0A:FF:10");
    Fingerprint lower = Fingerprint.parse("SHA-256 0a:ff:10");
    assertArrayEquals(new byte[] {0x0A, (byte) 0xFF, 0x10}, upper.digest());
    assertTrue(upper.matches(lower));
    assertFalse(upper.matches(Fingerprint.parse("sha-1 0A:FF:10")));
    assertEquals(upper.value(), Fingerprint.of("sha-256", new byte[] {0x0A, (byte) 0xFF, 0x10})
        .value());
  }

  @Test
  void extmapDirectionIsTyped() {
    Extmap e = Extmap.parse("2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level");
    assertEquals(Optional.of(Direction.RECVONLY), e.direction());
    assertEquals(2, e.id());
  }

  @Test
  void directionReverseAndCombination() {
    assertEquals(Direction.RECVONLY, Direction.SENDONLY.reverse());
    assertEquals(Direction.SENDRECV, Direction.SENDRECV.reverse());
    assertEquals(Direction.INACTIVE, Direction.of(false, false));
  }

  @Test
  void ssrcAttributeValueMayHoldSpaces() {
    Ssrc s = Ssrc.parse("1 msid:stream track");
    assertEquals(1L, s.ssrc());
    assertEquals("msid", s.attribute());
    assertEquals(Optional.of("stream track"), s.value());
  }

  @Test
  void unknownAttributeStaysVerbatim() {
    Attribute a = Attribute.parse("max-message-size:262144");
    assertInstanceOf(OtherAttribute.class, a);
    assertEquals("a=max-message-size:262144", a.format());
  }

  @Test
  void groupAndIceOptionsHelpers() {
    assertTrue(Group.parse("BUNDLE 0 1").isBundle());
    assertEquals(List.of("0", "1"), Group.parse("BUNDLE 0 1").mids());
    assertTrue(IceOptions.parse("trickle ice2").ice2());
  }

  @Test
  void icePasswordStaysOutOfToString() {
    assertFalse(new IcePwd("8Pr1C2rdT9bDq1yvvQWVAmKW").toString().contains("8Pr1"));
    assertFalse(new IceCredentials("abcd", "8Pr1C2rdT9bDq1yvvQWVAmKW").toString().contains("8Pr1"));
  }
}
