package dev.purertc.sdp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSEP offer/answer (RFC 8829 §5.2, §5.3, with RFC 3264) for an audio-only endpoint.
 *
 * <p>{@link #createOffer} writes one BUNDLEd audio section. {@link #createAnswer} answers any
 * remote offer section by section, in the offer's order:
 * <ul>
 *   <li>An audio section with one of the RTP profiles RFC 8829 §5.1.2 says to accept
 *       ({@code UDP/TLS/RTP/SAVPF}, {@code TCP/DTLS/RTP/SAVPF}, ..., {@code RTP/AVP}; echoed in
 *       the answer) with
 *       {@code rtcp-mux}, ICE credentials and a fingerprint (per section or per session) is
 *       accepted when it offers at least one of our codecs besides telephone-event. The answer
 *       lists the common codecs in the offerer's order with the offerer's payload types
 *       (RFC 3264 §6.1); telephone-event only at a clock rate of an accepted codec
 *       (RFC 4733 §2.5.1.2); header extensions we know with the offerer's ids (RFC 8285 §6);
 *       rtcp-fb types we implement; {@code rtcp-rsize} if offered.</li>
 *   <li>The direction follows RFC 3264 §6.1: we send only if the offerer receives and we want
 *       to send, we receive only if the offerer sends and we want to receive. Only the first
 *       accepted audio section carries our track.</li>
 *   <li>{@code setup} (RFC 8842 §5.3): {@code actpass} is answered with our chosen role
 *       (active by default), {@code active} with passive, {@code passive} with active,
 *       {@code holdconn} with holdconn, and a missing one (RFC 4145: active) with passive.
 *       Never {@code actpass}.</li>
 *   <li>Anything else (video, data channels, audio we cannot carry) is rejected: port 0, its
 *       protocol and formats kept, and its mid kept (RFC 8829 §5.3.1), in its place.</li>
 *   <li>BUNDLE (RFC 8843 §7.3): each offered group is answered with the mids of its accepted
 *       sections.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Jsep {
  private Jsep() {}

  /**
   * The offered RTP profiles an answerer MUST accept (RFC 8829 §5.1.2): DTLS-SRTP is required
   * either way, so the profile name does not matter; the answer echoes it exactly.
   */
  private static final Set<String> RTP_PROFILES = Set.of("RTP/AVP", "RTP/AVPF", "RTP/SAVP",
      "RTP/SAVPF", "TCP/DTLS/RTP/SAVP", "TCP/DTLS/RTP/SAVPF", "UDP/TLS/RTP/SAVP",
      "UDP/TLS/RTP/SAVPF");

  /** Candidate addresses that say nothing, never written into c=. */
  private static final Set<String> PLACEHOLDER_ADDRESS = Set.of("0.0.0.0", "::");

  /** An offer with one audio section, {@code mid 0}, in the BUNDLE group, {@code setup:actpass}. */
  public static SessionDescription createOffer(AudioCapabilities local) {
    List<Attribute> a = new ArrayList<>();
    String proto = "UDP/TLS/RTP/SAVPF";
    List<String> formats = new ArrayList<>();
    for (AudioCodec c : local.codecs()) {
      formats.add(Integer.toString(c.payloadType()));
    }
    Optional<Candidate> defaultCandidate = defaultCandidate(local.candidates());
    a.add(new Rtcp(9, Optional.of(Connection.PLACEHOLDER)));
    addIceAndDtls(a, local, Setup.ACTPASS);
    a.add(new Mid("0"));
    a.addAll(local.headerExtensions());
    a.add(local.direction());
    local.track().ifPresent(t -> a.add(new Msid(t.streamId(), Optional.of(t.trackId()))));
    a.add(Flag.RTCP_MUX);
    a.add(Flag.RTCP_RSIZE);
    for (AudioCodec c : local.codecs()) {
      addCodec(a, c, c.payloadType());
    }
    local.track().ifPresent(t -> a.add(Ssrc.cname(t.ssrc(), t.cname())));
    MediaDescription audio = MediaDescription.of("audio", port(defaultCandidate), proto, formats,
        List.of(connection(defaultCandidate)), a);
    return SessionDescription.of(Origin.of(local.sessionId(), 2),
        sessionAttributes(List.of("0"), local.track()), List.of(audio));
  }

  /**
   * The answer to a remote offer, section by section as the class comment describes.
   *
   * @param offer the remote offer
   * @param local what we can do
   * @return an answer with one section per offered section, in the same order
   */
  public static SessionDescription createAnswer(SessionDescription offer, AudioCapabilities local) {
    List<MediaDescription> sections = new ArrayList<>();
    List<String> acceptedMids = new ArrayList<>();
    boolean trackUsed = false;
    for (MediaDescription offered : offer.media()) {
      Optional<MediaDescription> answered = answerAudio(offer, offered, local, !trackUsed);
      if (answered.isPresent()) {
        MediaDescription m = answered.get();
        trackUsed |= m.attribute(Msid.class).isPresent();
        offered.mid().ifPresent(acceptedMids::add);
        sections.add(m);
      } else {
        sections.add(reject(offered));
      }
    }
    List<Attribute> session = new ArrayList<>();
    for (Group g : offer.bundleGroups()) {
      List<String> mids = g.mids().stream().filter(acceptedMids::contains).toList();
      if (!mids.isEmpty()) {
        session.add(new Group(Group.BUNDLE, mids));
      }
    }
    if (trackUsed) {
      local.track().ifPresent(t -> session.add(new MsidSemantic("WMS", List.of(t.streamId()),
          true)));
    }
    return SessionDescription.of(Origin.of(local.sessionId(), 2), session, sections);
  }

  /** The answer's setup role for an offered one (RFC 8842 §5.3, RFC 4145 §4.1). */
  public static Setup answerSetup(Optional<Setup> offered, Setup preferred) {
    if (offered.isEmpty()) {
      return Setup.PASSIVE;
    }
    switch (offered.get()) {
      case ACTIVE:
        return Setup.PASSIVE;
      case PASSIVE:
        return Setup.ACTIVE;
      case HOLDCONN:
        return Setup.HOLDCONN;
      default:
        return preferred;
    }
  }

  private static Optional<MediaDescription> answerAudio(SessionDescription offer,
      MediaDescription offered, AudioCapabilities local, boolean mayCarryTrack) {
    if (!offered.media().equals("audio") || !RTP_PROFILES.contains(offered.protocol())
        || (offered.port() == 0 && !offered.has(Flag.BUNDLE_ONLY))
        || !offered.has(Flag.RTCP_MUX)
        || offer.effective(offered, IceUfrag.class).isEmpty()
        || offer.effective(offered, IcePwd.class).isEmpty()
        || offer.effective(offered, Fingerprint.class).isEmpty()) {
      return Optional.empty();
    }
    List<RtpCodec> offeredCodecs = offered.codecs();
    List<RtpCodec> mainCodecs = new ArrayList<>();
    List<AudioCodec> mainLocal = new ArrayList<>();
    for (RtpCodec o : offeredCodecs) {
      if (o.isTelephoneEvent()) {
        continue;
      }
      for (AudioCodec c : local.codecs()) {
        if (!c.isTelephoneEvent() && c.matches(o)) {
          mainCodecs.add(o);
          mainLocal.add(c);
          break;
        }
      }
    }
    if (mainCodecs.isEmpty()) {
      return Optional.empty();
    }
    Set<Integer> acceptedRates = new TreeSet<>();
    mainCodecs.forEach(c -> acceptedRates.add(c.clockRate()));

    List<String> formats = new ArrayList<>();
    List<Attribute> codecAttributes = new ArrayList<>();
    for (RtpCodec o : offeredCodecs) {
      Optional<AudioCodec> match = Optional.empty();
      int i = mainCodecs.indexOf(o);
      if (i >= 0) {
        match = Optional.of(mainLocal.get(i));
      } else if (o.isTelephoneEvent() && acceptedRates.contains(o.clockRate())) {
        match = local.codecs().stream().filter(c -> c.isTelephoneEvent() && c.matches(o))
            .findFirst();
      }
      if (match.isPresent()) {
        formats.add(Integer.toString(o.payloadType()));
        AudioCodec c = match.get();
        List<String> feedback = c.feedback().stream()
            .filter(f -> o.feedback().stream().anyMatch(fb -> fb.feedback().equals(f)))
            .toList();
        addCodec(codecAttributes, new AudioCodec(c.name(), c.clockRate(), c.channels(),
            o.payloadType(), c.fmtp(), feedback), o.payloadType(), o.encodingName());
      }
    }

    Direction offeredDirection = offer.direction(offered);
    boolean send = offeredDirection.receives() && local.direction().sends()
        && mayCarryTrack && local.track().isPresent();
    boolean receive = offeredDirection.sends() && local.direction().receives();
    Direction answered = Direction.of(send, receive);

    List<Attribute> a = new ArrayList<>();
    Optional<Candidate> defaultCandidate = defaultCandidate(local.candidates());
    a.add(new Rtcp(9, Optional.of(Connection.PLACEHOLDER)));
    addIceAndDtls(a, local, answerSetup(offer.effective(offered, Setup.class), local.answerSetup()));
    offered.mid().ifPresent(mid -> a.add(new Mid(mid)));
    for (Extmap e : offered.attributes(Extmap.class)) {
      if (local.headerExtensions().stream().anyMatch(l -> l.uri().equals(e.uri()))) {
        // RFC 8285 §6: the offerer's id; a direction seen from our side (sendonly -> recvonly).
        a.add(new Extmap(e.id(), e.direction().map(Direction::reverse), e.uri(), ""));
      }
    }
    a.add(answered);
    if (send) {
      LocalTrack t = local.track().orElseThrow();
      a.add(new Msid(t.streamId(), Optional.of(t.trackId())));
    }
    a.add(Flag.RTCP_MUX);
    if (offered.has(Flag.RTCP_RSIZE)) {
      a.add(Flag.RTCP_RSIZE);
    }
    a.addAll(codecAttributes);
    if (send) {
      LocalTrack t = local.track().orElseThrow();
      a.add(Ssrc.cname(t.ssrc(), t.cname()));
    }
    return Optional.of(MediaDescription.of("audio", port(defaultCandidate), offered.protocol(),
        formats, List.of(connection(defaultCandidate)), a));
  }

  /** A rejected section: port 0, same protocol and formats, its mid (RFC 8829 §5.3.1). */
  private static MediaDescription reject(MediaDescription offered) {
    List<Attribute> a = new ArrayList<>();
    offered.mid().ifPresent(mid -> a.add(new Mid(mid)));
    if (offered.protocol().contains("RTP")) {
      a.add(Direction.INACTIVE);
    }
    return MediaDescription.of(offered.media(), 0, offered.protocol(), offered.formats(),
        List.of(Connection.PLACEHOLDER), a);
  }

  private static List<Attribute> sessionAttributes(List<String> bundle,
      Optional<LocalTrack> track) {
    List<Attribute> session = new ArrayList<>();
    session.add(new Group(Group.BUNDLE, bundle));
    track.ifPresent(t -> session.add(new MsidSemantic("WMS", List.of(t.streamId()), true)));
    return session;
  }

  private static void addIceAndDtls(List<Attribute> a, AudioCapabilities local, Setup setup) {
    a.addAll(local.candidates());
    if (local.endOfCandidates()) {
      a.add(Flag.END_OF_CANDIDATES);
    }
    a.add(new IceUfrag(local.ice().ufrag()));
    a.add(new IcePwd(local.ice().pwd()));
    if (local.trickle()) {
      a.add(new IceOptions(List.of("trickle")));
    }
    a.addAll(local.fingerprints());
    a.add(setup);
  }

  private static void addCodec(List<Attribute> a, AudioCodec c, int pt) {
    addCodec(a, c, pt, c.name());
  }

  /** rtpmap (name spelled as the offerer spelled it), fmtp, rtcp-fb for one payload type. */
  private static void addCodec(List<Attribute> a, AudioCodec c, int pt, String spelledName) {
    a.add(Rtpmap.of(pt, spelledName, c.clockRate(), c.channels()));
    if (!c.fmtp().isEmpty()) {
      a.add(new Fmtp(pt, c.fmtp()));
    }
    for (String fb : c.feedback()) {
      int space = fb.indexOf(' ');
      a.add(space < 0 ? RtcpFeedback.of(pt, fb, "")
          : RtcpFeedback.of(pt, fb.substring(0, space), fb.substring(space + 1)));
    }
  }

  /**
   * The candidate whose address goes into {@code m=} and {@code c=} (RFC 8829 §5.2.1, RFC 8839
   * §4.2.1.2): the one most likely to work, relay before srflx before host, RTP component,
   * UDP, and never an mDNS name (c= cannot hold one).
   */
  static Optional<Candidate> defaultCandidate(List<Candidate> candidates) {
    return candidates.stream()
        .filter(c -> c.component() == 1 && c.isUdp() && !c.isMdns())
        .min(Comparator.comparingInt((Candidate c) -> rank(c.type()))
            .thenComparing(Comparator.comparingLong(Candidate::priority).reversed()));
  }

  private static int rank(CandidateType type) {
    switch (type) {
      case RELAY:
        return 0;
      case SRFLX:
        return 1;
      case PRFLX:
        return 2;
      default:
        return 3;
    }
  }

  private static int port(Optional<Candidate> c) {
    return c.map(Candidate::port).orElse(9); // RFC 8829 §5.2.1: 9 (discard) until a candidate
  }

  private static Connection connection(Optional<Candidate> c) {
    return c.filter(x -> !PLACEHOLDER_ADDRESS.contains(x.address()))
        .map(x -> new Connection("IN", x.address().indexOf(':') >= 0 ? "IP6" : "IP4", x.address()))
        .orElse(Connection.PLACEHOLDER);
  }
}
