package dev.purertc.sdp;

import java.util.List;
import java.util.Optional;

/**
 * {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605): where RTCP goes when it is
 * not on RTP's port + 1. WebRTC writes {@code a=rtcp:9 IN IP4 0.0.0.0} next to {@code rtcp-mux}.
 *
 * @param port the RTCP port
 * @param connection the RTCP address, when written
 */
public record Rtcp(int port, Optional<Connection> connection) implements Attribute {

  public Rtcp {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("rtcp: port " + port + " is not in 0..65535");
    }
  }

  /** Parses the value of {@code a=rtcp}. */
  public static Rtcp parse(String value) {
    return SdpParseException.reading(value, Rtcp::read);
  }

  private static Rtcp read(String value) {
    List<String> f = Fields.split(value, 1, "rtcp", "<port> [<nettype> <addrtype> <address>]");
    int port = Fields.integer(f.get(0), "rtcp port", 0, 65535);
    if (f.size() == 1) {
      return new Rtcp(port, Optional.empty());
    }
    if (f.size() != 4) {
      throw new SdpParseException("rtcp: expected '<port> <nettype> <addrtype> <address>' but got '"
          + value + "'");
    }
    return new Rtcp(port, Optional.of(new Connection(f.get(1), f.get(2), f.get(3))));
  }

  @Override
  public String attributeName() {
    return "rtcp";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(port + connection.map(c -> " " + c.format()).orElse(""));
  }
}
