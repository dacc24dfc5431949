package dev.purertc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One media section: the {@code m=} line and the {@code i=}, {@code c=}, {@code b=},
 * {@code k=} and {@code a=} lines that follow it (RFC 8866 §5.14).
 *
 * @param media {@code audio}, {@code video}, {@code application}, ...
 * @param port the transport port; 0 means the section is rejected (RFC 3264 §6), except for
 *     {@code a=bundle-only} sections of an offer (RFC 8843 §6)
 * @param portCount the number of ports, when written as {@code <port>/<count>}
 * @param protocol e.g. {@code UDP/TLS/RTP/SAVPF}, {@code UDP/DTLS/SCTP}
 * @param formats the format list: RTP payload types as text, or e.g. {@code webrtc-datachannel}
 * @param information the {@code i=} line
 * @param connections the {@code c=} lines
 * @param bandwidths the {@code b=} lines
 * @param encryptionKey the (obsolete) {@code k=} line
 * @param otherFields lines of unknown type, kept
 * @param attributes the {@code a=} lines in written order
 */
public record MediaDescription(
    String media,
    int port,
    OptionalInt portCount,
    String protocol,
    List<String> formats,
    Optional<String> information,
    List<Connection> connections,
    List<Bandwidth> bandwidths,
    Optional<String> encryptionKey,
    List<Field> otherFields,
    List<Attribute> attributes) {

  public MediaDescription {
    Fields.requireWord(media, "m= media");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("m= port " + port + " is not in 0..65535");
    }
    if (portCount.isPresent() && portCount.getAsInt() <= 0) {
      throw new IllegalArgumentException("m= number of ports must be positive");
    }
    Fields.requireWord(protocol, "m= proto");
    formats = List.copyOf(formats);
    formats.forEach(f -> Fields.requireWord(f, "m= fmt"));
    information.ifPresent(i -> Fields.requireLine(i, "i="));
    connections = List.copyOf(connections);
    bandwidths = List.copyOf(bandwidths);
    encryptionKey.ifPresent(k -> Fields.requireLine(k, "k="));
    otherFields = List.copyOf(otherFields);
    attributes = List.copyOf(attributes);
  }

  /** A section with just an {@code m=} line and attributes. */
  public static MediaDescription of(String media, int port, String protocol, List<String> formats,
      List<Connection> connections, List<Attribute> attributes) {
    return new MediaDescription(media, port, OptionalInt.empty(), protocol, formats,
        Optional.empty(), connections, List.of(), Optional.empty(), List.of(), attributes);
  }

  /** Parses the value of an {@code m=} line into a section with no other lines yet. */
  public static MediaDescription parseMediaLine(String value) {
    return SdpParseException.reading(value, MediaDescription::readMediaLine);
  }

  private static MediaDescription readMediaLine(String value) {
    List<String> f = Fields.split(value, 3, "m=", "<media> <port>[/<count>] <proto> <fmt> ...");
    String portText = f.get(1);
    OptionalInt count = OptionalInt.empty();
    int slash = portText.indexOf('/');
    if (slash >= 0) {
      count = OptionalInt.of(Fields.integer(portText.substring(slash + 1), "m= number of ports",
          1, 65535));
      portText = portText.substring(0, slash);
    }
    int port = Fields.integer(portText, "m= port", 0, 65535);
    return new MediaDescription(f.get(0), port, count, f.get(2), f.subList(3, f.size()),
        Optional.empty(), List.of(), List.of(), Optional.empty(), List.of(), List.of());
  }

  /** The value of the {@code m=} line. */
  public String formatMediaLine() {
    StringBuilder sb = new StringBuilder(media).append(' ').append(port);
    if (portCount.isPresent()) {
      sb.append('/').append(portCount.getAsInt());
    }
    sb.append(' ').append(protocol);
    formats.forEach(f -> sb.append(' ').append(f));
    return sb.toString();
  }

  /** Whether the section was rejected or removed: port 0 without {@code a=bundle-only}. */
  public boolean isRejected() {
    return port == 0 && !attributes.contains(Flag.BUNDLE_ONLY);
  }

  /**
   * Whether the protocol names RTP over DTLS-SRTP, as WebRTC media uses: {@code UDP/TLS/RTP/SAVP[F]}
   * (RFC 5764) or {@code TCP/DTLS/RTP/SAVP[F]} (RFC 7850), the profiles RFC 8829 §5.1.2 offers.
   */
  public boolean isDtlsSrtp() {
    return DTLS_SRTP_PROFILES.contains(protocol);
  }

  private static final java.util.Set<String> DTLS_SRTP_PROFILES = java.util.Set.of(
      "UDP/TLS/RTP/SAVPF", "UDP/TLS/RTP/SAVP", "TCP/DTLS/RTP/SAVPF", "TCP/DTLS/RTP/SAVP");

  /** The attributes of one type, in written order. */
  public <T extends Attribute> List<T> attributes(Class<T> type) {
    return select(attributes, type);
  }

  /** The first attribute of one type. */
  public <T extends Attribute> Optional<T> attribute(Class<T> type) {
    return attributes(type).stream().findFirst();
  }

  /** Whether a property attribute such as {@link Flag#RTCP_MUX} is present. */
  public boolean has(Flag flag) {
    return attributes.contains(flag);
  }

  /** {@code a=mid}, if present. */
  public Optional<String> mid() {
    return attribute(Mid.class).map(Mid::value);
  }

  /** The direction attribute of this section, if written (the session's applies otherwise). */
  public Optional<Direction> direction() {
    return attribute(Direction.class);
  }

  /** {@code a=setup}, if present. */
  public Optional<Setup> setup() {
    return attribute(Setup.class);
  }

  /** The ICE candidates of this section, in written order. */
  public List<Candidate> candidates() {
    return attributes(Candidate.class);
  }

  /**
   * The RTP payload formats in {@code m=} order, with their rtpmap, fmtp and rtcp-fb; a payload
   * type listed twice is one codec, at its first place.
   */
  public List<RtpCodec> codecs() {
    List<RtpCodec> out = new ArrayList<>();
    // At most 128 distinct payload types, so the attribute scans below stay linear in the
    // section's size even for an m= line that repeats one type many thousand times.
    boolean[] seen = new boolean[128];
    List<Rtpmap> rtpmaps = attributes(Rtpmap.class);
    List<Fmtp> fmtps = attributes(Fmtp.class);
    List<RtcpFeedback> feedback = attributes(RtcpFeedback.class);
    for (String format : formats) {
      int pt;
      try {
        pt = Integer.parseInt(format);
      } catch (NumberFormatException notRtp) {
        continue;
      }
      if (pt < 0 || pt > 127 || seen[pt]) {
        continue;
      }
      seen[pt] = true;
      Optional<Rtpmap> map = rtpmaps.stream().filter(r -> r.payloadType() == pt).findFirst()
          .or(() -> RtpCodec.staticRtpmap(pt));
      if (map.isEmpty()) {
        continue; // a dynamic payload type with no rtpmap: unusable (RFC 8866 §6.6)
      }
      Rtpmap r = map.get();
      out.add(new RtpCodec(pt, r.encodingName(), r.clockRate(), r.channelCount(),
          fmtps.stream().filter(f -> f.payloadType() == pt).findFirst(),
          feedback.stream().filter(fb -> fb.appliesTo(pt)).toList()));
    }
    return out;
  }

  /** This section with another port. */
  public MediaDescription withPort(int newPort) {
    return new MediaDescription(media, newPort, portCount, protocol, formats, information,
        connections, bandwidths, encryptionKey, otherFields, attributes);
  }

  /** This section with another attribute list. */
  public MediaDescription withAttributes(List<Attribute> newAttributes) {
    return new MediaDescription(media, port, portCount, protocol, formats, information,
        connections, bandwidths, encryptionKey, otherFields, newAttributes);
  }

  /** This section with one more attribute at the end (e.g. a trickled candidate). */
  public MediaDescription withAttribute(Attribute attribute) {
    List<Attribute> all = new ArrayList<>(attributes);
    all.add(attribute);
    return withAttributes(all);
  }

  void appendTo(StringBuilder sb) {
    line(sb, 'm', formatMediaLine());
    information.ifPresent(i -> line(sb, 'i', i));
    connections.forEach(c -> line(sb, 'c', c.format()));
    bandwidths.forEach(b -> line(sb, 'b', b.format()));
    encryptionKey.ifPresent(k -> line(sb, 'k', k));
    otherFields.forEach(f -> sb.append(f.format()).append("\r\n"));
    attributes.forEach(a -> sb.append(a.format()).append("\r\n"));
  }

  static void line(StringBuilder sb, char type, String value) {
    sb.append(type).append('=').append(value).append("\r\n");
  }

  static <T extends Attribute> List<T> select(List<Attribute> attributes, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (Attribute a : attributes) {
      if (type.isInstance(a)) {
        out.add(type.cast(a));
      }
    }
    return out;
  }
}
