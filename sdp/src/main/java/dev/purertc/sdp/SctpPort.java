package dev.purertc.sdp;

import java.util.Optional;

/**
 * {@code a=sctp-port} (RFC 8841 §5): the SCTP port of a data channel section. PureRTC carries no
 * data channels; it reads this so that such sections can be kept and rejected properly.
 *
 * @param port the SCTP port
 */
public record SctpPort(int port) implements Attribute {
  public SctpPort {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("sctp-port: " + port + " is not in 0..65535");
    }
  }

  /** Parses the value of {@code a=sctp-port}. */
  public static SctpPort parse(String value) {
    return SdpParseException.reading(value, SctpPort::read);
  }

  private static SctpPort read(String value) {
    return new SctpPort(Fields.integer(value.strip(), "sctp-port", 0, 65535));
  }

  @Override
  public String attributeName() {
    return "sctp-port";
  }

  @Override
  public Optional<String> attributeValue() {
    return Optional.of(Integer.toString(port));
  }
}
