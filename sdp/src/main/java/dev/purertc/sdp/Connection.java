package dev.purertc.sdp;

import java.util.List;

/**
 * The {@code c=} line (RFC 8866 §5.7). WebRTC puts a placeholder here ({@code IN IP4 0.0.0.0})
 * and carries real addresses in ICE candidates; Janus and ICE-lite peers put their address.
 *
 * @param netType {@code IN}
 * @param addressType {@code IP4} or {@code IP6}
 * @param address address as written, including any {@code /ttl} or {@code /count} suffix
 */
public record Connection(String netType, String addressType, String address) {

  /** The placeholder JSEP writes when the address is carried by ICE (RFC 8829 §5.2.1). */
  public static final Connection PLACEHOLDER = new Connection("IN", "IP4", "0.0.0.0");

  public Connection {
    Fields.requireWord(netType, "c= nettype");
    Fields.requireWord(addressType, "c= addrtype");
    Fields.requireWord(address, "c= connection-address");
  }

  /** Parses the value of a {@code c=} line. */
  public static Connection parse(String value) {
    return SdpParseException.reading(value, Connection::read);
  }

  private static Connection read(String value) {
    List<String> f = Fields.split(value, 3, "c=", "<nettype> <addrtype> <connection-address>");
    if (f.size() != 3) {
      throw new SdpParseException("c=: expected 3 fields but got " + f.size());
    }
    return new Connection(f.get(0), f.get(1), f.get(2));
  }

  /** The value of the {@code c=} line. */
  public String format() {
    return netType + " " + addressType + " " + address;
  }
}
