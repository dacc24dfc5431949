package dev.purertc.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An ICE candidate, {@code a=candidate:} (RFC 8839 §5.1), as Chrome, Firefox, Safari, Janus,
 * pion and aiortc write it: host, srflx, prflx and relay; UDP and TCP (RFC 6544); IPv4, IPv6 and
 * mDNS host names ({@code <uuid>.local}).
 *
 * <p>After {@code typ}, the related address and port come as typed fields; every other
 * extension ({@code tcptype}, {@code generation}, {@code ufrag}, {@code network-id},
 * {@code network-cost} and any unknown one) is kept in written order in {@link #extensions()},
 * with typed accessors for the known ones, so that a candidate formats back as written.
 *
 * @param foundation groups candidates of the same type, base and server (RFC 8445 §5.1.1.3)
 * @param component 1 for RTP, 2 for RTCP
 * @param transport {@code UDP}, {@code udp}, {@code tcp}, ... as written
 * @param priority 32-bit unsigned priority (RFC 8445 §5.1.2)
 * @param address IPv4 or IPv6 literal, or a host name (mDNS {@code .local})
 * @param port the port, 0..65535 (TCP active candidates use 9, RFC 6544 §4.5)
 * @param type the candidate type
 * @param relatedAddress {@code raddr}: the base or mapped address of a derived candidate
 * @param relatedPort {@code rport}
 * @param extensions the other {@code name value} pairs, in written order
 */
public record Candidate(
    String foundation,
    int component,
    String transport,
    long priority,
    String address,
    int port,
    CandidateType type,
    Optional<String> relatedAddress,
    OptionalInt relatedPort,
    List<Extension> extensions)
    implements Attribute {

  /** One {@code name value} pair after the candidate type, kept as written. */
  public record Extension(String name, String value) {
    public Extension {
      Fields.requireWord(name, "candidate extension name");
      Fields.requireWord(value, "candidate extension " + name);
    }
  }

  public Candidate {
    Fields.requireWord(foundation, "candidate foundation");
    if (component < 1 || component > 256) {
      throw new IllegalArgumentException("candidate: component " + component + " is not in 1..256");
    }
    Fields.requireWord(transport, "candidate transport");
    if (priority < 0 || priority > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("candidate: priority " + priority + " is not 32-bit");
    }
    Fields.requireWord(address, "candidate address");
    checkPort(port, "candidate port");
    if (type == null) {
      throw new IllegalArgumentException("candidate: type is null");
    }
    relatedAddress.ifPresent(a -> Fields.requireWord(a, "candidate raddr"));
    if (relatedPort.isPresent()) {
      checkPort(relatedPort.getAsInt(), "candidate rport");
    }
    extensions = List.copyOf(extensions);
    for (Extension e : extensions) {
      if (e.name().equals("raddr") || e.name().equals("rport") || e.name().equals("typ")) {
        throw new IllegalArgumentException("candidate: '" + e.name() + "' is not an extension");
      }
      checkKnownExtension(e);
    }
  }

  /** A host candidate with no extensions, as an agent gathers it. */
  public static Candidate host(String foundation, int component, String transport, long priority,
      String address, int port) {
    return new Candidate(foundation, component, transport, priority, address, port,
        CandidateType.HOST, Optional.empty(), OptionalInt.empty(), List.of());
  }

  /**
   * Parses a candidate as SDP or trickle carries it: {@code a=candidate:...},
   * {@code candidate:...}, or the bare value.
   *
   * @throws SdpParseException with line number 0, for any text that is not a candidate
   */
  public static Candidate parse(String text) {
    return SdpParseException.reading(text, Candidate::readTrickle);
  }

  private static Candidate readTrickle(String text) {
    String value = text.strip();
    if (value.startsWith("a=")) {
      value = value.substring(2);
    }
    if (value.startsWith("candidate:")) {
      value = value.substring("candidate:".length());
    }
    return parseValue(value);
  }

  /** Parses the value of {@code a=candidate}, the text after {@code candidate:}. */
  static Candidate parseValue(String value) {
    List<String> f = Fields.split(value, 8, "candidate",
        "<foundation> <component> <transport> <priority> <address> <port> typ <type>");
    if (!f.get(6).equals("typ")) {
      throw new SdpParseException("candidate: expected 'typ' as the 7th field but got '"
          + f.get(6) + "'");
    }
    String foundation = Fields.word(f.get(0), "candidate foundation");
    int component = Fields.integer(f.get(1), "candidate component", 1, 256);
    String transport = Fields.word(f.get(2), "candidate transport");
    long priority = Fields.number(f.get(3), "candidate priority", 0, 0xFFFF_FFFFL);
    String address = f.get(4);
    int port = Fields.integer(f.get(5), "candidate port", 0, 65535);
    CandidateType type = CandidateType.parse(f.get(7));
    if ((f.size() - 8) % 2 != 0) {
      throw new SdpParseException("candidate: extension '" + f.get(f.size() - 1)
          + "' has no value");
    }
    Optional<String> raddr = Optional.empty();
    OptionalInt rport = OptionalInt.empty();
    List<Extension> extensions = new ArrayList<>();
    for (int i = 8; i < f.size(); i += 2) {
      String name = f.get(i);
      String v = f.get(i + 1);
      if (name.equals("raddr") && raddr.isEmpty()) {
        raddr = Optional.of(v);
      } else if (name.equals("rport") && rport.isEmpty()) {
        rport = OptionalInt.of(Fields.integer(v, "candidate rport", 0, 65535));
      } else if (name.equals("raddr") || name.equals("rport") || name.equals("typ")) {
        throw new SdpParseException("candidate: '" + name + "' appears twice");
      } else {
        Extension e = new Extension(name, v);
        try {
          checkKnownExtension(e);
        } catch (IllegalArgumentException bad) {
          throw new SdpParseException(bad.getMessage());
        }
        extensions.add(e);
      }
    }
    return new Candidate(foundation, component, transport, priority, address, port, type, raddr,
        rport, extensions);
  }

  /** Whether the transport is UDP (written in any case). */
  public boolean isUdp() {
    return transport.equalsIgnoreCase("udp");
  }

  /** Whether the transport is TCP (RFC 6544). */
  public boolean isTcp() {
    return transport.equalsIgnoreCase("tcp");
  }

  /** Whether the address is an mDNS host name that hides a local address (RFC 8828 §5.2). */
  public boolean isMdns() {
    return address.endsWith(".local") || address.endsWith(".local.");
  }

  /** {@code tcptype}: {@code active}, {@code passive} or {@code so} (RFC 6544 §4.5). */
  public Optional<String> tcpType() {
    return extension("tcptype");
  }

  /** {@code generation}: which ICE generation gathered it (Chrome, Safari). */
  public OptionalInt generation() {
    return extension("generation").map(v -> OptionalInt.of(Integer.parseInt(v)))
        .orElse(OptionalInt.empty());
  }

  /** {@code ufrag}: the ICE username fragment the candidate belongs to (RFC 8839 §5.1). */
  public Optional<String> ufrag() {
    return extension("ufrag");
  }

  /** {@code network-id}: the interface id (Chrome). */
  public OptionalInt networkId() {
    return extension("network-id").map(v -> OptionalInt.of(Integer.parseInt(v)))
        .orElse(OptionalInt.empty());
  }

  /** {@code network-cost}: relative cost of the interface, e.g. 10 wired, 999 unknown (Chrome). */
  public OptionalLong networkCost() {
    return extension("network-cost").map(v -> OptionalLong.of(Long.parseLong(v)))
        .orElse(OptionalLong.empty());
  }

  /** The value of the first extension with this name. */
  public Optional<String> extension(String name) {
    for (Extension e : extensions) {
      if (e.name().equals(name)) {
        return Optional.of(e.value());
      }
    }
    return Optional.empty();
  }

  /** This candidate with one more extension at the end, e.g. {@code ufrag} for trickle. */
  public Candidate withExtension(String name, String value) {
    List<Extension> all = new ArrayList<>(extensions);
    all.add(new Extension(name, value));
    return new Candidate(foundation, component, transport, priority, address, port, type,
        relatedAddress, relatedPort, all);
  }

  /** The form trickle messages carry (W3C {@code RTCIceCandidate.candidate}): {@code candidate:...}. */
  public String toTrickleString() {
    return "candidate:" + attributeValue().orElseThrow();
  }

  @Override
  public String attributeName() {
    return "candidate";
  }

  @Override
  public Optional<String> attributeValue() {
    StringBuilder sb = new StringBuilder(96)
        .append(foundation).append(' ').append(component).append(' ').append(transport)
        .append(' ').append(priority).append(' ').append(address).append(' ').append(port)
        .append(" typ ").append(type.token());
    relatedAddress.ifPresent(a -> sb.append(" raddr ").append(a));
    if (relatedPort.isPresent()) {
      sb.append(" rport ").append(relatedPort.getAsInt());
    }
    for (Extension e : extensions) {
      sb.append(' ').append(e.name()).append(' ').append(e.value());
    }
    return Optional.of(sb.toString());
  }

  private static void checkPort(int port, String field) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(field + " " + port + " is not in 0..65535");
    }
  }

  /** Known extensions must hold what their readers expect, or the typed accessors would throw. */
  private static void checkKnownExtension(Extension e) {
    switch (e.name()) {
      case "generation":
      case "network-id":
        requireNumber(e, Integer.MAX_VALUE);
        break;
      case "network-cost":
        requireNumber(e, Long.MAX_VALUE);
        break;
      case "tcptype":
        if (!e.value().equals("active") && !e.value().equals("passive")
            && !e.value().equals("so")) {
          throw new IllegalArgumentException(
              "candidate: tcptype '" + e.value() + "' is not active, passive or so");
        }
        break;
      default:
        break;
    }
  }

  private static void requireNumber(Extension e, long max) {
    try {
      Fields.number(e.value(), "candidate " + e.name(), 0, max);
    } catch (SdpParseException bad) {
      throw new IllegalArgumentException(bad.reason());
    }
  }
}
