package dev.purertc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** JSEP offers and RFC 3264 answers for audio. */
class JsepTest {

  private static SessionDescription offerFromPeer(String direction, String setup, String extra) {
    return SessionDescription.parse("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n"
        + "a=group:BUNDLE a1\r\nm=audio 9 UDP/TLS/RTP/SAVPF 96 0 101\r\nc=IN IP4 0.0.0.0\r\n"
        + "a=ice-ufrag:abcd\r\na=ice-pwd:abcdefghijklmnopqrstuv\r\n"
        + "a=fingerprint:sha-256 0A:0B\r\n" + (setup.isEmpty() ? "" : "a=setup:" + setup + "\r\n")
        + "a=mid:a1\r\n" + (direction.isEmpty() ? "" : "a=" + direction + "\r\n")
        + "a=rtcp-mux\r\na=rtpmap:96 OPUS/48000/2\r\na=rtpmap:101 telephone-event/48000\r\n"
        + extra);
  }

  private static MediaDescription answerAudio(SessionDescription offer, AudioCapabilities local) {
    return Jsep.createAnswer(offer, local).media().get(0);
  }

  @Test
  void offerHasTheLocalCapabilities() {
    SessionDescription offer = Jsep.createOffer(Corpus.local());
    MediaDescription audio = offer.media().get(0);
    assertEquals("UDP/TLS/RTP/SAVPF", audio.protocol());
    assertEquals(List.of("111", "0", "8", "110", "126"), audio.formats());
    assertEquals(9, audio.port());
    assertEquals(Setup.ACTPASS, audio.setup().orElseThrow());
    assertEquals("minptime=10;useinbandfec=1",
        audio.codecs().get(0).fmtp().orElseThrow().formatParameters());
    assertTrue(audio.codecs().get(0).is("opus", 48000));
    assertEquals(2, audio.codecs().get(0).channels());
    assertTrue(audio.has(Flag.RTCP_MUX));
    assertEquals(List.of(Extmap.of(1, Extmap.AUDIO_LEVEL)), audio.attributes(Extmap.class));
    assertEquals("PRTC", audio.attribute(IceUfrag.class).orElseThrow().value());
    assertTrue(audio.attribute(IceOptions.class).orElseThrow().trickle());
    assertEquals(Corpus.LOCAL_FINGERPRINT, audio.attribute(Fingerprint.class).orElseThrow());
    assertEquals(List.of(new Group("BUNDLE", List.of("0"))), offer.bundleGroups());
    assertEquals(Ssrc.cname(305419896L, "purertc-cname"), audio.attribute(Ssrc.class).orElseThrow());
    assertEquals(offer, SessionDescription.parse(offer.format()));
  }

  @Test
  void offersHaveFreshCredentialsEachTime() {
    AudioCapabilities a = AudioCapabilities.defaults(Corpus.LOCAL_FINGERPRINT);
    AudioCapabilities b = AudioCapabilities.defaults(Corpus.LOCAL_FINGERPRINT);
    assertNotEquals(a.ice(), b.ice());
    assertNotEquals(a.sessionId(), b.sessionId());
    assertTrue(a.ice().pwd().length() >= 22);
  }

  @Test
  void offerUsesTheDefaultCandidateForPortAndAddress() {
    Candidate host = Candidate.host("1", 1, "udp", 2130706431L, "10.0.0.2", 5000);
    Candidate mdns = Candidate.host("2", 1, "udp", 2130706430L, "x.local", 5002);
    Candidate relay = new Candidate("3", 1, "udp", 41885439L, "198.51.100.1", 3478,
        CandidateType.RELAY, Optional.of("10.0.0.2"), java.util.OptionalInt.of(5000), List.of());
    AudioCapabilities local = Corpus.local().withCandidates(List.of(mdns, host, relay), true);
    MediaDescription audio = Jsep.createOffer(local).media().get(0);
    assertEquals(3478, audio.port());
    assertEquals(new Connection("IN", "IP4", "198.51.100.1"), audio.connections().get(0));
    assertEquals(3, audio.candidates().size());
    assertTrue(audio.has(Flag.END_OF_CANDIDATES));

    MediaDescription hostOnly = Jsep.createOffer(Corpus.local()
        .withCandidates(List.of(Candidate.host("1", 1, "udp", 1, "2001:db8::2", 6000)), false))
        .media().get(0);
    assertEquals(new Connection("IN", "IP6", "2001:db8::2"), hostOnly.connections().get(0));
    assertFalse(hostOnly.has(Flag.END_OF_CANDIDATES));
  }

  @ParameterizedTest(name = "offer {0}, we want {1} -> {2}")
  @CsvSource({
      "sendrecv, SENDRECV, SENDRECV", "sendrecv, SENDONLY, SENDONLY",
      "sendrecv, RECVONLY, RECVONLY", "sendrecv, INACTIVE, INACTIVE",
      "sendonly, SENDRECV, RECVONLY", "sendonly, SENDONLY, INACTIVE",
      "recvonly, SENDRECV, SENDONLY", "recvonly, RECVONLY, INACTIVE",
      "inactive, SENDRECV, INACTIVE", "'', SENDRECV, SENDRECV",
  })
  void directionIsAnsweredPerRfc3264(String offered, Direction wanted, Direction expected) {
    MediaDescription audio = answerAudio(offerFromPeer(offered, "actpass", ""),
        Corpus.local().withDirection(wanted));
    assertEquals(expected, audio.direction().orElseThrow());
    assertEquals(expected.sends(), audio.attribute(Msid.class).isPresent());
    assertEquals(expected.sends(), audio.attribute(Ssrc.class).isPresent());
  }

  @Test
  void withoutATrackWeNeverSend() {
    MediaDescription audio = answerAudio(offerFromPeer("sendrecv", "actpass", ""),
        Corpus.local().withTrack(Optional.empty()));
    assertEquals(Direction.RECVONLY, audio.direction().orElseThrow());
  }

  @ParameterizedTest(name = "offer setup {0} -> {1}")
  @CsvSource({"actpass, ACTIVE", "active, PASSIVE", "passive, ACTIVE", "holdconn, HOLDCONN",
      "'', PASSIVE"})
  void setupIsAnsweredPerRfc8842(String offered, Setup expected) {
    assertEquals(expected, answerAudio(offerFromPeer("sendrecv", offered, ""), Corpus.local())
        .setup().orElseThrow());
  }

  @Test
  void actpassCanBeAnsweredPassiveWhenAsked() {
    assertEquals(Setup.PASSIVE, answerAudio(offerFromPeer("sendrecv", "actpass", ""),
        Corpus.local().withAnswerSetup(Setup.PASSIVE)).setup().orElseThrow());
  }

  @Test
  void codecsFollowTheOfferersOrderAndPayloadTypesAndSpelling() {
    MediaDescription audio = answerAudio(offerFromPeer("sendrecv", "actpass", ""),
        Corpus.local());
    assertEquals(List.of("96", "0", "101"), audio.formats());
    assertEquals(Rtpmap.of(96, "OPUS", 48000, 2), audio.attributes(Rtpmap.class).get(0));
  }

  @Test
  void telephoneEventNeedsAnAcceptedCodecAtItsRate() {
    SessionDescription offer = SessionDescription.parse("v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\n"
        + "t=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 0 101\r\na=ice-ufrag:abcd\r\n"
        + "a=ice-pwd:abcdefghijklmnopqrstuv\r\na=fingerprint:sha-256 0A\r\na=rtcp-mux\r\n"
        + "a=rtpmap:101 telephone-event/48000\r\n");
    assertEquals(List.of("0"), answerAudio(offer, Corpus.local()).formats());
  }

  @Test
  void onlyTelephoneEventInCommonRejectsTheSection() {
    SessionDescription offer = SessionDescription.parse("v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\n"
        + "t=0 0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 9 101\r\na=ice-ufrag:abcd\r\na=mid:0\r\n"
        + "a=ice-pwd:abcdefghijklmnopqrstuv\r\na=fingerprint:sha-256 0A\r\na=rtcp-mux\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\n");
    MediaDescription audio = answerAudio(offer, Corpus.local());
    assertTrue(audio.isRejected());
    assertEquals(Optional.of("0"), audio.mid());
    assertEquals(List.of("9", "101"), audio.formats());
  }

  @Test
  void opusOfferedWithoutTwoChannelsIsNotOpusAndTakesItsDtmfAlong() {
    SessionDescription mono = SessionDescription.parse(offerFromPeer("sendrecv", "actpass", "")
        .format().replace("OPUS/48000/2", "opus/48000"));
    // RFC 7587 §7: opus is always opus/48000/2; 48 kHz telephone-event has no codec left.
    assertEquals(List.of("0"), answerAudio(mono, Corpus.local()).formats());
  }

  @Test
  void headerExtensionsKeepTheOfferersIds() {
    MediaDescription audio = answerAudio(offerFromPeer("sendrecv", "actpass",
        "a=extmap:7 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\na=extmap:8 urn:x:unknown\r\n"),
        Corpus.local());
    assertEquals(List.of(Extmap.of(7, Extmap.AUDIO_LEVEL)), audio.attributes(Extmap.class));
  }

  @Test
  void headerExtensionDirectionsAreAnsweredReversed() {
    // RFC 8285 §6: an extension the offerer only sends is one the answerer only receives.
    MediaDescription audio = answerAudio(offerFromPeer("sendrecv", "actpass",
        "a=extmap:7/sendonly urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n"), Corpus.local());
    assertEquals(List.of(new Extmap(7, Optional.of(Direction.RECVONLY), Extmap.AUDIO_LEVEL, "")),
        audio.attributes(Extmap.class));
  }

  @Test
  void rtcpRsizeIsAnsweredOnlyWhenOffered() {
    assertFalse(answerAudio(offerFromPeer("sendrecv", "actpass", ""), Corpus.local())
        .has(Flag.RTCP_RSIZE));
    assertTrue(answerAudio(offerFromPeer("sendrecv", "actpass", "a=rtcp-rsize\r\n"),
        Corpus.local()).has(Flag.RTCP_RSIZE));
  }

  @Test
  void sectionsWithoutWhatWebRtcNeedsAreRejected() {
    String good = offerFromPeer("sendrecv", "actpass", "").format();
    for (String missing : List.of("a=rtcp-mux\r\n", "a=ice-ufrag:abcd\r\n",
        "a=ice-pwd:abcdefghijklmnopqrstuv\r\n", "a=fingerprint:sha-256 0A:0B\r\n")) {
      SessionDescription offer = SessionDescription.parse(good.replace(missing, ""));
      SessionDescription answer = Jsep.createAnswer(offer, Corpus.local());
      assertTrue(answer.media().get(0).isRejected(), "without " + missing);
      assertTrue(answer.bundleGroups().isEmpty(), "rejected mids leave the BUNDLE group");
    }
    SessionDescription notRtp = SessionDescription.parse(good.replace("UDP/TLS/RTP/SAVPF",
        "UDP/DTLS/SCTP"));
    assertTrue(Jsep.createAnswer(notRtp, Corpus.local()).media().get(0).isRejected());
  }

  /** RFC 8829 §5.1.2: these offered profiles MUST be accepted, and echoed exactly. */
  @ParameterizedTest
  @ValueSource(strings = {"UDP/TLS/RTP/SAVP", "TCP/DTLS/RTP/SAVPF", "TCP/DTLS/RTP/SAVP",
      "RTP/SAVPF", "RTP/SAVP", "RTP/AVPF", "RTP/AVP"})
  void everyRtpProfileJsepNamesIsAcceptedAndEchoed(String profile) {
    SessionDescription offer = SessionDescription.parse(offerFromPeer("sendrecv", "actpass", "")
        .format().replace("UDP/TLS/RTP/SAVPF", profile));
    MediaDescription audio = answerAudio(offer, Corpus.local());
    assertFalse(audio.isRejected(), profile);
    assertEquals(profile, audio.protocol());
    assertEquals(List.of("96", "0", "101"), audio.formats());
  }

  @Test
  void tcpDtlsIsDtlsSrtp() {
    assertTrue(MediaDescription.parseMediaLine("audio 9 TCP/DTLS/RTP/SAVPF 0").isDtlsSrtp());
    assertTrue(MediaDescription.parseMediaLine("audio 9 UDP/TLS/RTP/SAVPF 0").isDtlsSrtp());
    assertFalse(MediaDescription.parseMediaLine("audio 9 RTP/AVP 0").isDtlsSrtp());
  }

  @Test
  void onlyTheFirstAcceptedAudioSectionCarriesOurTrack() {
    String one = offerFromPeer("sendrecv", "actpass", "").format();
    String second = one.substring(one.indexOf("m=audio")).replace("a=mid:a1", "a=mid:a2");
    SessionDescription offer = SessionDescription.parse(
        one.replace("a=group:BUNDLE a1", "a=group:BUNDLE a1 a2") + second);
    SessionDescription answer = Jsep.createAnswer(offer, Corpus.local());
    assertEquals(Direction.SENDRECV, answer.media().get(0).direction().orElseThrow());
    assertEquals(Direction.RECVONLY, answer.media().get(1).direction().orElseThrow());
    assertEquals(List.of(new Group("BUNDLE", List.of("a1", "a2"))), answer.bundleGroups());
  }

  @Test
  void twoPureRtcEndpointsNegotiateOpus() {
    AudioCapabilities alice = AudioCapabilities.defaults(Corpus.LOCAL_FINGERPRINT,
        new SplittableRandom(1));
    AudioCapabilities bob = AudioCapabilities.defaults(Fingerprint.parse("sha-256 01:02"),
        new SplittableRandom(2));
    SessionDescription offer = SessionDescription.parse(Jsep.createOffer(alice).format());
    SessionDescription answer = SessionDescription.parse(Jsep.createAnswer(offer, bob).format());
    MediaDescription audio = answer.media().get(0);
    assertEquals(List.of("111", "0", "8", "110", "126"), audio.formats());
    assertEquals(Setup.ACTIVE, audio.setup().orElseThrow());
    assertEquals(Direction.SENDRECV, audio.direction().orElseThrow());
    assertEquals(bob.ice().ufrag(), audio.attribute(IceUfrag.class).orElseThrow().value());
  }
}
