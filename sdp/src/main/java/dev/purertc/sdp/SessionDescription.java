package dev.purertc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole SDP session description (RFC 8866): session-level fields and attributes, then media
 * sections. Immutable; derive changed copies with the {@code with...} methods.
 *
 * <p>{@link #parse(String)} reads what browsers, Janus, pion and aiortc write; {@link #format()}
 * writes RFC 8866 field order with CRLF line ends, so that {@code parse(x).format()} reproduces
 * any valid description {@code x} exactly (only LF line ends becoming CRLF, trailing spaces
 * dropped, and out-of-order fields put in order).
 *
 * @param version {@code v=}, always 0
 * @param origin {@code o=}
 * @param sessionName {@code s=}; {@code "-"} or {@code " "} when there is no name
 * @param information {@code i=}
 * @param uri {@code u=}
 * @param emails {@code e=} lines
 * @param phones {@code p=} lines
 * @param connection session-level {@code c=}
 * @param bandwidths session-level {@code b=} lines
 * @param timings {@code t=} lines, each with its {@code r=} lines
 * @param timeZones {@code z=}
 * @param encryptionKey session-level (obsolete) {@code k=}
 * @param otherFields session-level lines of unknown type, kept
 * @param attributes session-level {@code a=} lines in written order
 * @param media the media sections in written order
 */
public record SessionDescription(
    int version,
    Origin origin,
    String sessionName,
    Optional<String> information,
    Optional<String> uri,
    List<String> emails,
    List<String> phones,
    Optional<Connection> connection,
    List<Bandwidth> bandwidths,
    List<Timing> timings,
    Optional<String> timeZones,
    Optional<String> encryptionKey,
    List<Field> otherFields,
    List<Attribute> attributes,
    List<MediaDescription> media) {

  public SessionDescription {
    if (version != 0) {
      throw new IllegalArgumentException("v= must be 0, not " + version);
    }
    if (origin == null) {
      throw new IllegalArgumentException("o= is required");
    }
    Fields.requireLine(sessionName, "s=");
    if (sessionName.isEmpty()) {
      throw new IllegalArgumentException("s= must not be empty (use \"-\" or \" \")");
    }
    information.ifPresent(i -> Fields.requireLine(i, "i="));
    uri.ifPresent(u -> Fields.requireLine(u, "u="));
    emails = List.copyOf(emails);
    emails.forEach(e -> Fields.requireLine(e, "e="));
    phones = List.copyOf(phones);
    phones.forEach(p -> Fields.requireLine(p, "p="));
    bandwidths = List.copyOf(bandwidths);
    timings = List.copyOf(timings);
    timeZones.ifPresent(z -> Fields.requireLine(z, "z="));
    encryptionKey.ifPresent(k -> Fields.requireLine(k, "k="));
    otherFields = List.copyOf(otherFields);
    attributes = List.copyOf(attributes);
    media = List.copyOf(media);
  }

  /**
   * The description JSEP writes: {@code v=0}, the origin, {@code s=-}, {@code t=0 0}, then the
   * given session attributes and media sections.
   */
  public static SessionDescription of(Origin origin, List<Attribute> attributes,
      List<MediaDescription> media) {
    return new SessionDescription(0, origin, "-", Optional.empty(), Optional.empty(), List.of(),
        List.of(), Optional.empty(), List.of(), List.of(Timing.UNBOUNDED), Optional.empty(),
        Optional.empty(), List.of(), attributes, media);
  }

  /**
   * Parses an SDP text. Lines may end in CRLF or LF; trailing spaces and blank lines are
   * ignored.
   *
   * @throws SdpParseException naming the 1-based line and the reason, for any text that is not
   *     a session description this model can hold
   */
  public static SessionDescription parse(String sdp) {
    return SdpParser.parse(sdp);
  }

  /** The description as SDP text: RFC 8866 field order, CRLF after every line. */
  public String format() {
    StringBuilder sb = new StringBuilder(1024);
    MediaDescription.line(sb, 'v', Integer.toString(version));
    MediaDescription.line(sb, 'o', origin.format());
    MediaDescription.line(sb, 's', sessionName);
    information.ifPresent(i -> MediaDescription.line(sb, 'i', i));
    uri.ifPresent(u -> MediaDescription.line(sb, 'u', u));
    emails.forEach(e -> MediaDescription.line(sb, 'e', e));
    phones.forEach(p -> MediaDescription.line(sb, 'p', p));
    connection.ifPresent(c -> MediaDescription.line(sb, 'c', c.format()));
    bandwidths.forEach(b -> MediaDescription.line(sb, 'b', b.format()));
    for (Timing t : timings) {
      MediaDescription.line(sb, 't', t.format());
      t.repeats().forEach(r -> MediaDescription.line(sb, 'r', r));
    }
    timeZones.ifPresent(z -> MediaDescription.line(sb, 'z', z));
    encryptionKey.ifPresent(k -> MediaDescription.line(sb, 'k', k));
    otherFields.forEach(f -> sb.append(f.format()).append("\r\n"));
    attributes.forEach(a -> sb.append(a.format()).append("\r\n"));
    media.forEach(m -> m.appendTo(sb));
    return sb.toString();
  }

  @Override
  public String toString() {
    return format();
  }

  /** The session-level attributes of one type, in written order. */
  public <T extends Attribute> List<T> attributes(Class<T> type) {
    return MediaDescription.select(attributes, type);
  }

  /** The first session-level attribute of one type. */
  public <T extends Attribute> Optional<T> attribute(Class<T> type) {
    return attributes(type).stream().findFirst();
  }

  /** Whether a session-level property attribute such as {@link Flag#ICE_LITE} is present. */
  public boolean has(Flag flag) {
    return attributes.contains(flag);
  }

  /** The BUNDLE groups (RFC 8843), in written order. */
  public List<Group> bundleGroups() {
    return attributes(Group.class).stream().filter(Group::isBundle).toList();
  }

  /** The section with this mid. */
  public Optional<MediaDescription> mediaByMid(String mid) {
    return media.stream().filter(m -> m.mid().filter(mid::equals).isPresent()).findFirst();
  }

  /**
   * The value of an attribute that may be written per section or once for the session: the
   * section's own if it has one, else the session's (RFC 8866 §5.13; ice-ufrag, ice-pwd,
   * fingerprint, setup, direction and ice-options all work this way).
   */
  public <T extends Attribute> Optional<T> effective(MediaDescription section, Class<T> type) {
    return section.attribute(type).or(() -> attribute(type));
  }

  /** The direction in force for a section: its own, the session's, or sendrecv. */
  public Direction direction(MediaDescription section) {
    return effective(section, Direction.class).orElse(Direction.SENDRECV);
  }

  /** This description with other media sections. */
  public SessionDescription withMedia(List<MediaDescription> newMedia) {
    return new SessionDescription(version, origin, sessionName, information, uri, emails, phones,
        connection, bandwidths, timings, timeZones, encryptionKey, otherFields, attributes,
        newMedia);
  }

  /** This description with one section replaced. */
  public SessionDescription withMedia(int index, MediaDescription section) {
    List<MediaDescription> all = new ArrayList<>(media);
    all.set(index, section);
    return withMedia(all);
  }

  /** This description with other session attributes. */
  public SessionDescription withAttributes(List<Attribute> newAttributes) {
    return new SessionDescription(version, origin, sessionName, information, uri, emails, phones,
        connection, bandwidths, timings, timeZones, encryptionKey, otherFields, newAttributes,
        media);
  }

  /** This description with another origin (e.g. the next version for a re-offer). */
  public SessionDescription withOrigin(Origin newOrigin) {
    return new SessionDescription(version, newOrigin, sessionName, information, uri, emails,
        phones, connection, bandwidths, timings, timeZones, encryptionKey, otherFields, attributes,
        media);
  }
}
