package dev.purertc.sdp;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What the local audio endpoint brings to an offer or answer: codecs in preference order,
 * header extensions, ICE credentials and gathered candidates, the DTLS certificate fingerprint,
 * the wanted direction and the track it sends. Start from {@link #defaults(Fingerprint)} and
 * change single values with the {@code with...} methods.
 *
 * @param codecs codecs in preference order (telephone-event entries only ride along)
 * @param headerExtensions RTP header extensions with the ids used in our offers
 * @param ice local ICE credentials
 * @param fingerprints fingerprints of the local DTLS certificate (at least one)
 * @param direction whether we want to send and receive
 * @param track the track we send, if any
 * @param trickle whether we trickle candidates ({@code a=ice-options:trickle}, RFC 8840)
 * @param candidates candidates gathered so far, written into the description
 * @param endOfCandidates whether gathering is complete ({@code a=end-of-candidates})
 * @param sessionId the {@code o=} session id, 1..2^62
 * @param answerSetup the DTLS role taken when answering an {@code actpass} offer:
 *     {@link Setup#ACTIVE} (RFC 8842 §5.3 recommends it) or {@link Setup#PASSIVE}
 */
public record AudioCapabilities(
    List<AudioCodec> codecs,
    List<Extmap> headerExtensions,
    IceCredentials ice,
    List<Fingerprint> fingerprints,
    Direction direction,
    Optional<LocalTrack> track,
    boolean trickle,
    List<Candidate> candidates,
    boolean endOfCandidates,
    long sessionId,
    Setup answerSetup) {

  /** The codecs PureRTC offers by default, in preference order. */
  public static final List<AudioCodec> DEFAULT_CODECS = List.of(AudioCodec.OPUS, AudioCodec.PCMU,
      AudioCodec.PCMA, AudioCodec.TELEPHONE_EVENT_48000, AudioCodec.TELEPHONE_EVENT_8000);

  /** The header extensions PureRTC offers by default: the client-to-mixer audio level. */
  public static final List<Extmap> DEFAULT_EXTENSIONS = List.of(Extmap.of(1, Extmap.AUDIO_LEVEL));

  public AudioCapabilities {
    codecs = List.copyOf(codecs);
    if (codecs.stream().allMatch(AudioCodec::isTelephoneEvent)) {
      throw new IllegalArgumentException("at least one audio codec besides telephone-event");
    }
    headerExtensions = List.copyOf(headerExtensions);
    if (ice == null || direction == null || track == null || answerSetup == null) {
      throw new IllegalArgumentException("ice, direction, track and answerSetup are required");
    }
    fingerprints = List.copyOf(fingerprints);
    if (fingerprints.isEmpty()) {
      throw new IllegalArgumentException("a DTLS fingerprint is required");
    }
    candidates = List.copyOf(candidates);
    if (sessionId <= 0 || sessionId > (1L << 62)) {
      throw new IllegalArgumentException("session id must be in 1..2^62: " + sessionId);
    }
    if (answerSetup != Setup.ACTIVE && answerSetup != Setup.PASSIVE) {
      throw new IllegalArgumentException("answerSetup must be active or passive");
    }
  }

  /** The defaults with fresh random credentials, ids and SSRC from a {@link SecureRandom}. */
  public static AudioCapabilities defaults(Fingerprint fingerprint) {
    return defaults(fingerprint, new SecureRandom());
  }

  /**
   * The defaults: Opus, PCMU, PCMA, telephone-event at 48 and 8 kHz, the audio level
   * extension, sendrecv with one track, trickle, no candidates yet, answering actpass as
   * active; credentials, ids and SSRC drawn from {@code random}.
   */
  public static AudioCapabilities defaults(Fingerprint fingerprint, RandomGenerator random) {
    long ssrc = 1 + random.nextLong(0xFFFF_FFFFL);
    LocalTrack track = new LocalTrack("purertc", IceCredentials.randomChars(random, 16)
        .replace('+', '-').replace('/', '_'), ssrc,
        IceCredentials.randomChars(random, 16).replace('+', '-').replace('/', '_'));
    return new AudioCapabilities(DEFAULT_CODECS, DEFAULT_EXTENSIONS, IceCredentials.random(random),
        List.of(fingerprint), Direction.SENDRECV, Optional.of(track), true, List.of(), false,
        1 + random.nextLong(1L << 62), Setup.ACTIVE);
  }

  /** The same, with other codecs. */
  public AudioCapabilities withCodecs(List<AudioCodec> newCodecs) {
    return new AudioCapabilities(newCodecs, headerExtensions, ice, fingerprints, direction, track,
        trickle, candidates, endOfCandidates, sessionId, answerSetup);
  }

  /** The same, with other header extensions. */
  public AudioCapabilities withHeaderExtensions(List<Extmap> newExtensions) {
    return new AudioCapabilities(codecs, newExtensions, ice, fingerprints, direction, track,
        trickle, candidates, endOfCandidates, sessionId, answerSetup);
  }

  /** The same, with other ICE credentials (an ICE restart). */
  public AudioCapabilities withIce(IceCredentials newIce) {
    return new AudioCapabilities(codecs, headerExtensions, newIce, fingerprints, direction, track,
        trickle, candidates, endOfCandidates, sessionId, answerSetup);
  }

  /** The same, with another wanted direction. */
  public AudioCapabilities withDirection(Direction newDirection) {
    return new AudioCapabilities(codecs, headerExtensions, ice, fingerprints, newDirection, track,
        trickle, candidates, endOfCandidates, sessionId, answerSetup);
  }

  /** The same, with another (or no) sent track. */
  public AudioCapabilities withTrack(Optional<LocalTrack> newTrack) {
    return new AudioCapabilities(codecs, headerExtensions, ice, fingerprints, direction, newTrack,
        trickle, candidates, endOfCandidates, sessionId, answerSetup);
  }

  /** The same, with gathered candidates and whether gathering is complete. */
  public AudioCapabilities withCandidates(List<Candidate> newCandidates, boolean complete) {
    return new AudioCapabilities(codecs, headerExtensions, ice, fingerprints, direction, track,
        trickle, newCandidates, complete, sessionId, answerSetup);
  }

  /** The same, with trickle on or off. */
  public AudioCapabilities withTrickle(boolean newTrickle) {
    return new AudioCapabilities(codecs, headerExtensions, ice, fingerprints, direction, track,
        newTrickle, candidates, endOfCandidates, sessionId, answerSetup);
  }

  /** The same, with another session id. */
  public AudioCapabilities withSessionId(long newSessionId) {
    return new AudioCapabilities(codecs, headerExtensions, ice, fingerprints, direction, track,
        trickle, candidates, endOfCandidates, newSessionId, answerSetup);
  }

  /** The same, taking another DTLS role when answering actpass. */
  public AudioCapabilities withAnswerSetup(Setup newAnswerSetup) {
    return new AudioCapabilities(codecs, headerExtensions, ice, fingerprints, direction, track,
        trickle, candidates, endOfCandidates, sessionId, newAnswerSetup);
  }
}
