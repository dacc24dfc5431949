package dev.purertc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What real peers get wrong, and what the parser forgives without losing meaning. */
class LenientParseTest {

  private static final String CLEAN = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
      + "a=group:BUNDLE 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\nc=IN IP4 0.0.0.0\r\n"
      + "a=mid:0\r\na=rtpmap:111 opus/48000/2\r\n";

  @Test
  void lfOnlyLineEndsAndTrailingSpacesAndBlankLinesAreAccepted() {
    String sloppy = "v=0 \no=- 1 2 IN IP4 127.0.0.1\t\ns=-\n\nt=0 0\na=group:BUNDLE 0  \n"
        + "m=audio 9 UDP/TLS/RTP/SAVPF 111\nc=IN IP4 0.0.0.0\na=mid:0\n"
        + "a=rtpmap:111 opus/48000/2";
    assertEquals(CLEAN, SessionDescription.parse(sloppy).format());
  }

  @Test
  void emptySessionNameKeepsTheRecommendedSingleSpace() {
    SessionDescription sd = SessionDescription.parse("v=0\r\no=- 1 2 IN IP4 h\r\ns= \r\nt=0 0\r\n");
    assertEquals(" ", sd.sessionName());
    assertEquals("v=0\r\no=- 1 2 IN IP4 h\r\ns= \r\nt=0 0\r\n", sd.format());
  }

  @Test
  void sessionFieldsOutOfOrderAreReadAndWrittenInOrder() {
    SessionDescription sd = SessionDescription.parse(
        "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\nc=IN IP4 10.0.0.1\r\nb=AS:64\r\n");
    assertEquals("v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nc=IN IP4 10.0.0.1\r\nb=AS:64\r\nt=0 0\r\n",
        sd.format());
  }

  @Test
  void everySessionFieldRoundTrips() {
    String full = "v=0\r\no=jdoe 3724394400 3724394405 IN IP4 198.51.100.1\r\ns=Call to John Smith\r\n"
        + "i=SDP Offer #1\r\nu=http://www.jdoe.example.com/home.html\r\n"
        + "e=Jane Doe <jane@jdoe.example.com>\r\np=+1 617 555-6011\r\n"
        + "c=IN IP4 198.51.100.1\r\nb=CT:128\r\nt=3724394400 3724398000\r\nr=604800 3600 0 90000\r\n"
        + "t=0 0\r\nz=2882844526 -1h 2898848070 0\r\nk=prompt\r\nx=an unknown field\r\n"
        + "a=recvonly\r\nm=audio 49170/2 RTP/AVP 0\r\ni=the audio\r\nc=IN IP4 198.51.100.1\r\n"
        + "c=IN IP6 2001:db8::1\r\nb=AS:64\r\nb=TIAS:64000\r\nk=clear:secret\r\ny=kept too\r\n"
        + "a=ptime:20\r\na=maxptime:40\r\n";
    SessionDescription sd = SessionDescription.parse(full);
    assertEquals(full, sd.format());
    assertEquals(2, sd.timings().size());
    assertEquals(List.of("604800 3600 0 90000"), sd.timings().get(0).repeats());
    assertEquals(List.of(new Field('x', "an unknown field")), sd.otherFields());
    MediaDescription m = sd.media().get(0);
    assertEquals(2, m.portCount().getAsInt());
    assertEquals(2, m.connections().size());
    assertEquals(new Bandwidth("TIAS", 64000), m.bandwidths().get(1));
    assertEquals(Optional.of(new Ptime(20)), m.attribute(Ptime.class));
    assertEquals(Optional.of(new Maxptime(40)), m.attribute(Maxptime.class));
    assertEquals(Direction.RECVONLY, sd.direction(m));
  }

  @Test
  void unknownAttributesKeepTheirExactText() {
    String sdp = "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\na=x-foo\r\na=x-bar:\r\n"
        + "a=x-baz: spaced value\r\n";
    SessionDescription sd = SessionDescription.parse(sdp);
    assertEquals(sdp, sd.format());
    assertEquals(OtherAttribute.property("x-foo"), sd.attributes().get(0));
    assertEquals(OtherAttribute.of("x-bar", ""), sd.attributes().get(1));
    assertEquals(OtherAttribute.of("x-baz", " spaced value"), sd.attributes().get(2));
  }

  @Test
  void aPayloadTypeListedTwiceIsOneCodec() {
    SessionDescription sd = SessionDescription.parse("v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\n"
        + "m=audio 9 RTP/AVP 111 0 111 0\r\na=rtpmap:111 opus/48000/2\r\n");
    assertEquals(List.of(111, 0),
        sd.media().get(0).codecs().stream().map(RtpCodec::payloadType).toList());
  }

  @Test
  void staticPayloadTypesWithoutRtpmapAreKnownCodecs() {
    SessionDescription sd = SessionDescription.parse(
        "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0 8 96\r\n");
    List<RtpCodec> codecs = sd.media().get(0).codecs();
    assertEquals(2, codecs.size(), "96 has no rtpmap and is unusable");
    assertTrue(codecs.get(0).is("PCMU", 8000));
    assertTrue(codecs.get(1).is("PCMA", 8000));
  }

  @Test
  void fractionalPtimeIsKeptVerbatimInsteadOfFailingTheDescription() {
    String sdp = "v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n"
        + "a=ptime:2.5\r\na=maxptime:22.50\r\n";
    SessionDescription sd = SessionDescription.parse(sdp);
    assertEquals(sdp, sd.format());
    assertEquals(List.of(OtherAttribute.of("ptime", "2.5"), OtherAttribute.of("maxptime", "22.50")),
        sd.media().get(0).attributes());
  }
}
