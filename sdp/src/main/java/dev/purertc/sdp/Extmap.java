package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=extmap:<id>[/<direction>] <uri> [<attributes>]} (RFC 8285 §8): an RTP header
 * extension and the local id it is sent with.
 *
 * @param id 1..14 for one-byte headers, up to 255 with two-byte headers (RFC 8285 §5)
 * @param direction the direction the extension is used in, when written
 * @param uri the extension's URI, e.g. {@link #AUDIO_LEVEL}
 * @param extensionAttributes what follows the URI, empty when nothing does
 */
public record Extmap(int id, Optional<Direction> direction, String uri, String extensionAttributes)
    implements Attribute {

  /** Client-to-mixer audio level (RFC 6464). */
  public static final String AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
  /** Mixer-to-client audio levels (RFC 6465). */
  public static final String CSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:csrc-audio-level";
  /** The media section's mid, carried in RTP (RFC 8843 §15.1). */
  public static final String SDES_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";

  public Extmap {
    if (id < 1 || id > 255 || id == 15) {
      throw new IllegalArgumentException("extmap: id " + id + " is not in 1..14 or 16..255");
    }
    Fields.requireWord(uri, "extmap uri");
    Fields.requireLine(extensionAttributes, "extmap attributes");
  }

  /** An extension with no direction and no attributes. */
  public static Extmap of(int id, String uri) {
    return new Extmap(id, Optional.empty(), uri, "");
  }

  /** Parses the value of {@code a=extmap}. */
  public static Extmap parse(String value) {
    return SdpParseException.reading(value, Extmap::read);
  }

  private static Extmap read(String value) {
    List<String> f = Fields.split(value, 2, "extmap", "<id>[/<direction>] <uri>");
    String idPart = f.get(0);
    Optional<Direction> direction = Optional.empty();
    int slash = idPart.indexOf('/');
    if (slash >= 0) {
      String dir = idPart.substring(slash + 1);
      direction = Optional.of(Direction.byName(dir).orElseThrow(() -> new SdpParseException(
          "extmap: direction '" + dir + "' is not sendrecv, sendonly, recvonly or inactive")));
      idPart = idPart.substring(0, slash);
    }
    int id = Fields.integer(idPart, "extmap id", 1, 255);
    if (id == 15) {
      throw new SdpParseException("extmap: id 15 is reserved (RFC 8285 §4.2)");
    }
    return new Extmap(id, direction, f.get(1), String.join(" ", f.subList(2, f.size())));
  }

  @Override
  public String attributeName() {
    return "extmap";
  }

  @Override
  public Optional<String> attributeValue() {
    String dir = direction.map(d -> "/" + d.attributeName()).orElse("");
    String attrs = extensionAttributes.isEmpty() ? "" : " " + extensionAttributes;
    return Optional.of(id + dir + " " + uri + attrs);
  }
}
