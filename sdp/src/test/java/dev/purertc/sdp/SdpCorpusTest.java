package dev.purertc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus description round-trips losslessly, and every offer negotiates as expected. */
class SdpCorpusTest {

  static Stream<String> all() {
    return Corpus.all().stream();
  }

  static Stream<String> offers() {
    return Corpus.OFFERS.stream();
  }

  @ParameterizedTest
  @MethodSource("all")
  void formatOfParseReproducesTheTextWithCrlf(String name) {
    String lf = Corpus.read(name);
    assertEquals(Corpus.crlf(lf), SessionDescription.parse(lf).format());
  }

  @ParameterizedTest
  @MethodSource("all")
  void crlfAndLfInputsParseToTheSameModel(String name) {
    String lf = Corpus.read(name);
    assertEquals(SessionDescription.parse(lf), SessionDescription.parse(Corpus.crlf(lf)));
  }

  @ParameterizedTest
  @MethodSource("all")
  void noKnownAttributeIsLeftUntyped(String name) {
    SessionDescription sd = SessionDescription.parse(Corpus.read(name));
    List<String> known = List.of("rtpmap", "fmtp", "rtcp-fb", "extmap", "candidate", "ice-ufrag",
        "ice-pwd", "ice-options", "fingerprint", "setup", "mid", "group", "msid", "msid-semantic",
        "ssrc", "ssrc-group", "rtcp", "ptime", "maxptime", "sctp-port", "sctpmap", "sendrecv",
        "sendonly", "recvonly", "inactive", "rtcp-mux", "rtcp-rsize", "ice-lite",
        "end-of-candidates", "extmap-allow-mixed");
    Stream.concat(sd.attributes().stream(), sd.media().stream().flatMap(m -> m.attributes().stream()))
        .filter(a -> a instanceof OtherAttribute)
        .forEach(a -> assertFalse(known.contains(a.attributeName()), a.format()));
  }

  @ParameterizedTest
  @MethodSource("offers")
  void offerIsAnsweredAsExpected(String name) {
    SessionDescription offer = SessionDescription.parse(Corpus.read(name));
    String answer = Jsep.createAnswer(offer, Corpus.local()).format();
    assertEquals(Corpus.crlf(Corpus.read("answers/" + name)), answer);
  }

  @ParameterizedTest
  @MethodSource("offers")
  void answerKeepsEverySectionInOrderWithItsMid(String name) {
    SessionDescription offer = SessionDescription.parse(Corpus.read(name));
    SessionDescription answer = Jsep.createAnswer(offer, Corpus.local());
    assertEquals(offer.media().size(), answer.media().size());
    for (int i = 0; i < offer.media().size(); i++) {
      assertEquals(offer.media().get(i).media(), answer.media().get(i).media());
      assertEquals(offer.media().get(i).mid(), answer.media().get(i).mid());
      assertEquals(offer.media().get(i).protocol(), answer.media().get(i).protocol());
    }
  }

  @Test
  void chromeOfferHasAudioAcceptedAndVideoAndDataRejected() {
    SessionDescription answer = Jsep.createAnswer(
        SessionDescription.parse(Corpus.read("chrome-offer-audio-video-data.sdp")),
        Corpus.local());
    assertNotEquals(0, answer.media().get(0).port());
    assertTrue(answer.media().get(1).isRejected());
    assertTrue(answer.media().get(2).isRejected());
    assertEquals(List.of(new Group("BUNDLE", List.of("0"))), answer.bundleGroups());
  }

  @Test
  void janusAudioBridgeAnswerCarriesOpusCandidatesAndFingerprint() {
    SessionDescription answer = SessionDescription.parse(
        Corpus.read("janus-1.1.2-audiobridge-answer.sdp"));
    MediaDescription audio = answer.media().get(0);
    RtpCodec opus = audio.codecs().get(0);
    assertTrue(opus.is("opus", 48000));
    assertEquals(111, opus.payloadType());
    assertEquals(2, opus.channels());
    assertEquals("1", opus.fmtp().orElseThrow().parameter("useinbandfec").orElseThrow());
    assertEquals("0", opus.fmtp().orElseThrow().parameter("stereo").orElseThrow());
    assertEquals(Setup.ACTIVE, answer.effective(audio, Setup.class).orElseThrow());
    assertEquals("sha-256", answer.effective(audio, Fingerprint.class).orElseThrow().hashFunction());
    assertEquals(1, audio.candidates().size());
    assertTrue(audio.has(Flag.END_OF_CANDIDATES));
    assertEquals("192.0.2.2", audio.candidates().get(0).address());
    assertEquals(20611, audio.candidates().get(0).port());
  }

  @Test
  void janusAnswerToOurOfferPicksOneOfOurCodecsWithOurPayloadTypeAndExtensionId() {
    MediaDescription offered = SessionDescription.parse(
        Corpus.read("purertc-offer-to-janus.sdp")).media().get(0);
    MediaDescription answered = SessionDescription.parse(
        Corpus.read("janus-1.1.2-audiobridge-answer.sdp")).media().get(0);
    assertEquals(offered.mid(), answered.mid());
    for (RtpCodec c : answered.codecs()) {
      assertTrue(offered.codecs().stream().anyMatch(o -> o.payloadType() == c.payloadType()
          && o.is(c.encodingName(), c.clockRate()) && o.channels() == c.channels()), c::toString);
    }
    assertEquals(offered.attributes(Extmap.class), answered.attributes(Extmap.class));
  }

  @Test
  void firefoxSessionLevelValuesApplyToSectionsWithoutTheirOwn() {
    SessionDescription offer = SessionDescription.parse(
        Corpus.read("firefox-offer-with-candidates.sdp"));
    MediaDescription audio = offer.media().get(0);
    assertTrue(audio.attribute(Fingerprint.class).isEmpty());
    assertEquals("sha-256", offer.effective(audio, Fingerprint.class).orElseThrow().hashFunction());
    assertTrue(offer.effective(audio, IceOptions.class).orElseThrow().trickle());
    assertEquals(6, audio.candidates().size());
    assertEquals(2, audio.candidates().stream().filter(Candidate::isTcp).count());
  }

  @Test
  void iceLiteOfferIsRecognised() {
    SessionDescription offer = SessionDescription.parse(
        Corpus.read("janus-ice-lite-offer-sendonly.sdp"));
    assertTrue(offer.has(Flag.ICE_LITE));
    assertEquals(Direction.SENDONLY, offer.direction(offer.media().get(0)));
  }
}
