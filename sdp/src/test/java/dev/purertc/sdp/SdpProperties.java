package dev.purertc.sdp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the parser, the formatter and JSEP. */
class SdpProperties {

  @Property(tries = 400)
  void formatThenParseIsIdentity(@ForAll("descriptions") SessionDescription sd) {
    String text = sd.format();
    SessionDescription back = SessionDescription.parse(text);
    assertEquals(sd, back);
    assertEquals(text, back.format());
  }

  @Property(tries = 500)
  void candidatesRoundTripThroughTheTrickleForm(@ForAll("candidates") Candidate c) {
    assertEquals(c, Candidate.parse(c.toTrickleString()));
  }

  @Property(tries = 1000)
  void arbitraryTextOnlyEverThrowsTheParseException(@ForAll("sdpLikeText") String text) {
    try {
      SessionDescription sd = SessionDescription.parse(text);
      assertEquals(sd, SessionDescription.parse(sd.format()));
    } catch (SdpParseException expected) {
      assertTrue(expected.lineNumber() >= 0);
    }
  }

  @Property(tries = 300)
  void arbitraryUnicodeOnlyEverThrowsTheParseException(@ForAll String text) {
    try {
      SessionDescription.parse(text);
    } catch (SdpParseException expected) {
      assertNotEquals("", expected.reason());
    }
  }

  /** Every public field parser, as a trickle or signalling message might feed it one line. */
  private static final List<java.util.function.Function<String, Object>> FIELD_PARSERS = List.of(
      Candidate::parse, Attribute::parse, Rtpmap::parse, Fmtp::parse, RtcpFeedback::parse,
      Extmap::parse, Fingerprint::parse, Setup::parse, Group::parse, Msid::parse,
      MsidSemantic::parse, Ssrc::parse, SsrcGroup::parse, Rtcp::parse, Ptime::parse,
      Maxptime::parse, SctpPort::parse, Sctpmap::parse, IceOptions::parse, Origin::parse,
      Connection::parse, Bandwidth::parse, Timing::parse, MediaDescription::parseMediaLine);

  @Property(tries = 1000)
  void publicFieldParsersOnlyEverThrowTheParseException(
      @ForAll @IntRange(min = 0, max = 23) int parser, @ForAll("fieldLikeText") String text) {
    try {
      FIELD_PARSERS.get(parser).apply(text);
    } catch (SdpParseException expected) {
      assertNotEquals("", expected.reason());
    }
  }

  /** Field-shaped words with control characters, which split on spaces lets through. */
  @Provide
  Arbitrary<String> fieldLikeText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("candidate:", "1", " ", "udp", "1.2.3.4", "typ", "host", "raddr", "rport",
            "generation", "tcptype", "active", "/", ":", "8000", "opus", "sha-256", "0A", "IN",
            "IP4", "AS", "urn:x", "*", "nack", "\t", "\u0001", "\u007f", "\u00a0"),
        Arbitraries.strings().ofMaxLength(4));
    return piece.list().ofMaxSize(16).map(l -> String.join("", l));
  }

  @Property(tries = 1000)
  void mutatedRealDescriptionsOnlyEverThrowTheParseException(
      @ForAll("corpusNames") String name, @ForAll("mutations") List<Mutation> mutations) {
    String text = Corpus.read(name);
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    try {
      SessionDescription sd = SessionDescription.parse(text);
      String formatted = sd.format();
      assertEquals(formatted, SessionDescription.parse(formatted).format());
    } catch (SdpParseException expected) {
      assertTrue(expected.lineNumber() >= 1, expected::getMessage);
    }
  }

  @Property(tries = 300)
  void answerCodecsAreASubsetOfTheOfferWithTheSamePayloadTypes(
      @ForAll("offers") SessionDescription offer) {
    SessionDescription answer = Jsep.createAnswer(offer, Corpus.local());
    assertEquals(offer.media().size(), answer.media().size());
    for (int i = 0; i < offer.media().size(); i++) {
      MediaDescription offered = offer.media().get(i);
      MediaDescription answered = answer.media().get(i);
      if (answered.isRejected()) {
        continue;
      }
      List<RtpCodec> offeredCodecs = offered.codecs();
      for (RtpCodec c : answered.codecs()) {
        assertTrue(offeredCodecs.stream().anyMatch(o -> o.payloadType() == c.payloadType()
                && o.encodingName().equals(c.encodingName()) && o.clockRate() == c.clockRate()
                && o.channels() == c.channels()),
            () -> c + " is not in the offer " + offeredCodecs);
      }
      List<Integer> order = answered.codecs().stream().map(RtpCodec::payloadType).toList();
      List<Integer> offerOrder = new ArrayList<>(offeredCodecs.stream()
          .map(RtpCodec::payloadType).filter(order::contains).toList());
      assertEquals(offerOrder, order, "codecs keep the offerer's order");
    }
  }

  @Property(tries = 300)
  void answerSetupIsNeverActpass(@ForAll("offers") SessionDescription offer) {
    SessionDescription answer = Jsep.createAnswer(offer, Corpus.local());
    for (MediaDescription m : answer.media()) {
      assertNotEquals(Setup.ACTPASS, m.setup().orElse(Setup.ACTIVE));
    }
    assertEquals(answer, SessionDescription.parse(answer.format()));
  }

  @Provide
  Arbitrary<SessionDescription> descriptions() {
    return SdpArbitraries.description();
  }

  @Provide
  Arbitrary<Candidate> candidates() {
    return SdpArbitraries.candidate();
  }

  @Provide
  Arbitrary<String> corpusNames() {
    return Arbitraries.of(Corpus.all());
  }

  /** Text built from SDP-shaped pieces, so that parsing goes deep before it fails. */
  @Provide
  Arbitrary<String> sdpLikeText() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.of("v=0", "o=- 1 2 IN IP4 h", "s=-", "t=0 0", "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "a=rtpmap:", "a=candidate:", "a=fmtp:", "a=", "c=IN IP4 ", "b=AS:", " typ ", "host",
            "\n", "\r\n", "\r", ":", " ", "/", "111", "-1", "99999999999999999999", "a=setup:",
            "a=ssrc:", "a=extmap:", "a=fingerprint:sha-256 ", "AA:", "m=", "r=", "x="),
        Arbitraries.strings().ofMaxLength(6));
    return piece.list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Arbitraries.oneOf(
        Combinators.combine(Arbitraries.integers().between(0, 5000),
            Arbitraries.chars().all()).as(Mutation::replaceChar),
        Arbitraries.integers().between(0, 5000).map(Mutation::deleteChar),
        Arbitraries.integers().between(0, 5000).map(Mutation::truncate),
        Arbitraries.integers().between(0, 100).map(Mutation::deleteLine),
        Arbitraries.integers().between(0, 100).map(Mutation::duplicateLine),
        Combinators.combine(Arbitraries.integers().between(0, 100),
            Arbitraries.integers().between(0, 100)).as(Mutation::swapLines),
        Combinators.combine(Arbitraries.integers().between(0, 5000),
            Arbitraries.of(" ", ":", "/", "=", "-", "999999", "\r", "\u0000", "a=", "\n"))
            .as(Mutation::insert));
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  /** Offers shaped like a peer's, with codecs, payload types and roles drawn at random. */
  @Provide
  Arbitrary<SessionDescription> offers() {
    Arbitrary<String> codec = Arbitraries.of("opus/48000/2", "opus/48000", "OPUS/48000/2",
        "PCMU/8000", "pcma/8000", "PCMA/8000/1", "G722/8000", "telephone-event/48000",
        "telephone-event/8000", "telephone-event/16000", "CN/8000", "red/48000/2", "VP8/90000");
    Arbitrary<String> section = Combinators.combine(
        Arbitraries.of("audio", "audio", "audio", "video", "application"),
        Arbitraries.of("UDP/TLS/RTP/SAVPF", "UDP/TLS/RTP/SAVP", "RTP/AVP", "TCP/DTLS/RTP/SAVPF"),
        codec.list().ofMinSize(1).ofMaxSize(6),
        Arbitraries.integers().between(0, 127).list().ofMinSize(6).ofMaxSize(6).uniqueElements(),
        Arbitraries.of("", "a=sendrecv\r\n", "a=sendonly\r\n", "a=recvonly\r\n", "a=inactive\r\n"),
        Arbitraries.of("", "a=setup:actpass\r\n", "a=setup:active\r\n", "a=setup:passive\r\n",
            "a=setup:holdconn\r\n"),
        Arbitraries.of(true, true, true, false),
        Arbitraries.of(9, 9, 0))
        .as((media, proto, codecs, pts, dir, setup, mux, port) -> {
          StringBuilder m = new StringBuilder("m=" + media + " " + port + " " + proto);
          StringBuilder a = new StringBuilder();
          for (int i = 0; i < codecs.size(); i++) {
            m.append(' ').append(pts.get(i));
            a.append("a=rtpmap:").append(pts.get(i)).append(' ').append(codecs.get(i))
                .append("\r\n");
          }
          return m + "\r\nc=IN IP4 0.0.0.0\r\na=ice-ufrag:abcd\r\n"
              + "a=ice-pwd:abcdefghijklmnopqrstuv\r\na=fingerprint:sha-256 0A:0B\r\n" + setup
              + dir + (mux ? "a=rtcp-mux\r\n" : "") + a;
        });
    return section.list().ofMinSize(1).ofMaxSize(4).map(sections -> {
      StringBuilder sdp = new StringBuilder("v=0\r\no=- 1 2 IN IP4 h\r\ns=-\r\nt=0 0\r\n"
          + "a=group:BUNDLE");
      for (int i = 0; i < sections.size(); i++) {
        sdp.append(' ').append(i);
      }
      sdp.append("\r\n");
      for (int i = 0; i < sections.size(); i++) {
        sdp.append(sections.get(i)).append("a=mid:").append(i).append("\r\n");
      }
      return SessionDescription.parse(sdp.toString());
    });
  }

  @Property(tries = 50)
  void extendedCandidateExtensionsStayInOrder(@ForAll @IntRange(min = 1, max = 6) int count) {
    Candidate c = Candidate.host("1", 1, "udp", 1, "10.0.0.1", 1);
    for (int i = 0; i < count; i++) {
      c = c.withExtension("x-" + i, "v" + i);
    }
    Candidate back = Candidate.parse(c.toTrickleString());
    for (int i = 0; i < count; i++) {
      assertEquals("x-" + i, back.extensions().get(i).name());
    }
  }

  /** One edit of an SDP text. */
  interface Mutation {
    String apply(String text);

    static Mutation replaceChar(int at, char c) {
      return t -> t.isEmpty() ? t : t.substring(0, at % t.length()) + c
          + t.substring(at % t.length() + 1);
    }

    static Mutation deleteChar(int at) {
      return t -> t.isEmpty() ? t : t.substring(0, at % t.length())
          + t.substring(at % t.length() + 1);
    }

    static Mutation truncate(int at) {
      return t -> t.substring(0, Math.min(at, t.length()));
    }

    static Mutation insert(int at, String s) {
      return t -> t.substring(0, Math.min(at, t.length())) + s
          + t.substring(Math.min(at, t.length()));
    }

    static Mutation deleteLine(int n) {
      return t -> {
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        lines.remove(n % lines.size());
        return String.join("\n", lines);
      };
    }

    static Mutation duplicateLine(int n) {
      return t -> {
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        lines.add(n % lines.size(), lines.get(n % lines.size()));
        return String.join("\n", lines);
      };
    }

    static Mutation swapLines(int a, int b) {
      return t -> {
        List<String> lines = new ArrayList<>(List.of(t.split("\n", -1)));
        java.util.Collections.swap(lines, a % lines.size(), b % lines.size());
        return String.join("\n", lines);
      };
    }
  }
}
