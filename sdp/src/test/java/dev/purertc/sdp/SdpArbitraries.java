package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid SDP values, for the properties. */
final class SdpArbitraries {
  private SdpArbitraries() {}

  private static final Set<String> KNOWN_NAMES = Set.of("rtpmap", "fmtp", "rtcp-fb", "extmap",
      "candidate", "ice-ufrag", "ice-pwd", "ice-options", "fingerprint", "setup", "mid", "group",
      "msid", "msid-semantic", "ssrc", "ssrc-group", "rtcp", "ptime", "maxptime", "sctp-port",
      "sctpmap", "sendrecv", "sendonly", "recvonly", "inactive", "rtcp-mux", "rtcp-rsize",
      "ice-lite", "end-of-candidates", "extmap-allow-mixed", "rtcp-mux-only", "bundle-only");

  /** Visible ASCII with no space, the shape of most SDP fields. */
  static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12);
  }

  static Arbitrary<String> token() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
        .withCharRange('0', '9').withChars('-', '.', '+').ofMinLength(1).ofMaxLength(10);
  }

  /** Free text for i=, s=, unknown values: any characters but CR, LF, NUL; no trailing blank. */
  static Arbitrary<String> text() {
    return Arbitraries.strings().all().ofMaxLength(20)
        .map(s -> s.replace('\r', '?').replace('\n', '?').replace('\u0000', '?'))
        .map(s -> s.replaceAll("[ \\t]+$", ""));
  }

  static Arbitrary<Integer> pt() {
    return Arbitraries.integers().between(0, 127);
  }

  static Arbitrary<Long> u32() {
    return Arbitraries.longs().between(0, 0xFFFF_FFFFL);
  }

  static Arbitrary<Integer> port() {
    return Arbitraries.integers().between(0, 65535);
  }

  static Arbitrary<String> hexPairs() {
    return Arbitraries.integers().between(0, 255).list().ofMinSize(1).ofMaxSize(32)
        .map(bytes -> {
          StringBuilder sb = new StringBuilder();
          for (int b : bytes) {
            if (sb.length() > 0) {
              sb.append(':');
            }
            sb.append(String.format("%02X", b));
          }
          return sb.toString();
        });
  }

  static Arbitrary<Candidate> candidate() {
    Arbitrary<Candidate.Extension> ext = Arbitraries.oneOf(
        Arbitraries.integers().between(0, 9).map(g -> new Candidate.Extension("generation", "" + g)),
        Arbitraries.integers().between(0, 99).map(g -> new Candidate.Extension("network-id", "" + g)),
        Arbitraries.of("10", "50", "999").map(c -> new Candidate.Extension("network-cost", c)),
        Arbitraries.of("active", "passive", "so").map(t -> new Candidate.Extension("tcptype", t)),
        word().map(u -> new Candidate.Extension("ufrag", u)),
        Combinators.combine(token().filter(n -> !Set.of("raddr", "rport", "typ", "generation",
            "network-id", "network-cost", "tcptype").contains(n)), word())
            .as(Candidate.Extension::new));
    return Combinators.combine(word(), Arbitraries.integers().between(1, 256),
        Arbitraries.of("udp", "UDP", "tcp", "TCP"), u32(),
        Arbitraries.of("192.168.1.20", "2001:db8::1", "abc-123.local", "203.0.113.9"), port(),
        Arbitraries.of(CandidateType.class),
        Arbitraries.of("10.0.0.1", "0.0.0.0", "::1").optional())
        .flatAs((f, c, t, p, a, po, ty, ra) -> Combinators.combine(
            port().map(OptionalInt::of).injectNull(0.5)
                .map(o -> o == null ? OptionalInt.empty() : o),
            ext.list().ofMaxSize(4))
            .as((rp, exts) -> new Candidate(f, c, t, p, a, po, ty, ra, rp, exts)));
  }

  static Arbitrary<Attribute> attribute() {
    return Arbitraries.oneOf(List.of(
        Combinators.combine(pt(), token().filter(s -> !s.contains("/")),
            Arbitraries.integers().between(1, 200000),
            Arbitraries.integers().between(1, 8).optional())
            .as((p, n, r, c) -> new Rtpmap(p, n, r, c.map(OptionalInt::of).orElse(OptionalInt.empty()))),
        Combinators.combine(pt(), text().filter(s -> !s.isBlank()).map(String::strip))
            .as(Fmtp::new),
        Combinators.combine(Arbitraries.oneOf(pt().map(String::valueOf), Arbitraries.just("*")),
            token(), Arbitraries.of("", "pli", "fir", "a b"))
            .as(RtcpFeedback::new),
        Combinators.combine(Arbitraries.integers().between(1, 255).filter(i -> i != 15),
            Arbitraries.of(Direction.class).optional(), word(), Arbitraries.of("", "x", "a b"))
            .as(Extmap::new),
        candidate().map(Attribute.class::cast),
        word().map(IceUfrag::new),
        word().map(IcePwd::new),
        word().list().ofMinSize(1).ofMaxSize(3).map(IceOptions::new),
        Combinators.combine(Arbitraries.of("sha-1", "sha-256", "SHA-512"), hexPairs())
            .as(Fingerprint::new),
        Arbitraries.of(Setup.class).map(Attribute.class::cast),
        word().map(Mid::new),
        Combinators.combine(word(), word().list().ofMaxSize(4)).as(Group::new),
        Combinators.combine(word(), word().optional()).as(Msid::new),
        Combinators.combine(word(), word().list().ofMaxSize(3), Arbitraries.of(true, false))
            .as(MsidSemantic::new),
        Combinators.combine(u32(), token(), text().optional()).as(Ssrc::new),
        Combinators.combine(token(), u32().list().ofMaxSize(3)).as(SsrcGroup::new),
        Combinators.combine(port(), Arbitraries.just(Connection.PLACEHOLDER).optional())
            .as(Rtcp::new),
        Arbitraries.integers().between(1, 1000).map(Ptime::new),
        Arbitraries.integers().between(1, 1000).map(Maxptime::new),
        Arbitraries.of(Direction.class).map(Attribute.class::cast),
        port().map(SctpPort::new),
        Combinators.combine(port(), word(), Arbitraries.integers().between(0, 65535)
            .map(OptionalInt::of).injectNull(0.5).map(o -> o == null ? OptionalInt.empty() : o))
            .as(Sctpmap::new),
        Arbitraries.of(Flag.class).map(Attribute.class::cast),
        Combinators.combine(word().filter(n -> !n.contains(":") && !KNOWN_NAMES.contains(n)),
            text().optional()).as(OtherAttribute::new)));
  }

  static Arbitrary<MediaDescription> media() {
    return Combinators.combine(Arbitraries.of("audio", "video", "application", "text"), port(),
        Arbitraries.integers().between(1, 4).optional(),
        Arbitraries.of("UDP/TLS/RTP/SAVPF", "RTP/AVP", "UDP/DTLS/SCTP"),
        word().list().ofMaxSize(5), text().optional(),
        attribute().list().ofMaxSize(12))
        .flatAs((m, p, n, proto, fmts, info, attrs) -> Combinators.combine(
            Arbitraries.just(Connection.PLACEHOLDER).list().ofMaxSize(2),
            Combinators.combine(token(), Arbitraries.longs().between(0, 100000))
                .as(Bandwidth::new).list().ofMaxSize(2),
            text().optional(),
            Combinators.combine(Arbitraries.of('d', 'f', 'g', 'h', 'j', 'l', 'n', 'q', 'w', 'x',
                'y'), text()).as(Field::new).list().ofMaxSize(2))
            .as((c, b, k, other) -> new MediaDescription(m, p,
                n.map(OptionalInt::of).orElse(OptionalInt.empty()), proto, fmts, info, c, b, k,
                other, attrs)));
  }

  static Arbitrary<SessionDescription> description() {
    Arbitrary<Origin> origin = Combinators.combine(word(), u32().map(String::valueOf),
        u32().map(String::valueOf), Arbitraries.just("IN"), Arbitraries.of("IP4", "IP6"), word())
        .as(Origin::new);
    Arbitrary<Timing> timing = Combinators.combine(u32(), u32(), text().list().ofMaxSize(2))
        .as(Timing::new);
    return Combinators.combine(origin, text().filter(s -> !s.isEmpty()), text().optional(),
        text().optional(), text().list().ofMaxSize(2), text().list().ofMaxSize(2),
        Arbitraries.just(Connection.PLACEHOLDER).optional(), timing.list().ofMaxSize(2))
        .flatAs((o, s, i, u, e, p, c, t) -> Combinators.combine(
            Combinators.combine(token(), Arbitraries.longs().between(0, 100000))
                .as(Bandwidth::new).list().ofMaxSize(2),
            text().optional(), text().optional(),
            Combinators.combine(Arbitraries.of('d', 'f', 'g', 'x', 'y'), text())
                .as(Field::new).list().ofMaxSize(2),
            attribute().list().ofMaxSize(8), media().list().ofMaxSize(3))
            .as((b, z, k, other, attrs, media) -> new SessionDescription(0, o, s, i, u, e, p, c,
                b, t, z, k, other, attrs, media)));
  }
}
