package dev.purertc.ice.stun;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One STUN attribute (RFC 8489 §14, RFC 8445 §16.1, RFC 8656 §18). Every attribute ICE and a
 * TURN client use has its own record; any other attribute is kept as {@link Unknown} so that a
 * parsed message writes back byte for byte (padding aside).
 */
public sealed interface StunAttribute {
  int MAPPED_ADDRESS = 0x0001;
  int USERNAME = 0x0006;
  int MESSAGE_INTEGRITY = 0x0008;
  int ERROR_CODE = 0x0009;
  int UNKNOWN_ATTRIBUTES = 0x000A;
  int CHANNEL_NUMBER = 0x000C;
  int LIFETIME = 0x000D;
  int XOR_PEER_ADDRESS = 0x0012;
  int DATA = 0x0013;
  int REALM = 0x0014;
  int NONCE = 0x0015;
  int XOR_RELAYED_ADDRESS = 0x0016;
  int REQUESTED_ADDRESS_FAMILY = 0x0017;
  int EVEN_PORT = 0x0018;
  int REQUESTED_TRANSPORT = 0x0019;
  int DONT_FRAGMENT = 0x001A;
  int MESSAGE_INTEGRITY_SHA256 = 0x001C;
  int XOR_MAPPED_ADDRESS = 0x0020;
  int RESERVATION_TOKEN = 0x0022;
  int PRIORITY = 0x0024;
  int USE_CANDIDATE = 0x0025;
  int SOFTWARE = 0x8022;
  int ALTERNATE_SERVER = 0x8023;
  int FINGERPRINT = 0x8028;
  int ICE_CONTROLLED = 0x8029;
  int ICE_CONTROLLING = 0x802A;

  /** The attribute type code. */
  int type();

  /** RFC 8489 §14: types 0x0000-0x7FFF are comprehension-required. */
  static boolean isComprehensionRequired(int type) {
    return type < 0x8000;
  }

  /**
   * An address attribute: MAPPED-ADDRESS, ALTERNATE-SERVER (plain) or XOR-MAPPED-ADDRESS,
   * XOR-PEER-ADDRESS, XOR-RELAYED-ADDRESS (XOR-ed with the magic cookie and transaction id on
   * the wire, RFC 8489 §14.2).
   */
  record Address(int type, InetSocketAddress address) implements StunAttribute {
    public Address {
      if (type != MAPPED_ADDRESS && type != ALTERNATE_SERVER && type != XOR_MAPPED_ADDRESS
          && type != XOR_PEER_ADDRESS && type != XOR_RELAYED_ADDRESS) {
        throw new IllegalArgumentException(String.format("0x%04x is not an address attribute", type));
      }
      if (address == null || address.isUnresolved()
          || !(address.getAddress() instanceof Inet4Address
              || address.getAddress() instanceof Inet6Address)) {
        throw new IllegalArgumentException("address attribute needs a resolved IPv4/IPv6 address");
      }
    }

    /** Whether the wire form is XOR-ed. */
    public boolean xored() {
      return type == XOR_MAPPED_ADDRESS || type == XOR_PEER_ADDRESS || type == XOR_RELAYED_ADDRESS;
    }
  }

  /** USERNAME (RFC 8489 §14.3): UTF-8, under 513 bytes. */
  record Username(String value) implements StunAttribute {
    public Username {
      requireText(value, 512, "USERNAME");
    }

    public int type() {
      return USERNAME;
    }
  }

  /** REALM (RFC 8489 §14.9): UTF-8, under 763 bytes. */
  record Realm(String value) implements StunAttribute {
    public Realm {
      requireText(value, 763, "REALM");
    }

    public int type() {
      return REALM;
    }
  }

  /** NONCE (RFC 8489 §14.10): under 763 bytes. */
  record Nonce(String value) implements StunAttribute {
    public Nonce {
      requireText(value, 763, "NONCE");
    }

    public int type() {
      return NONCE;
    }
  }

  /** SOFTWARE (RFC 8489 §14.14): under 763 bytes. */
  record Software(String value) implements StunAttribute {
    public Software {
      requireText(value, 763, "SOFTWARE");
    }

    public int type() {
      return SOFTWARE;
    }
  }

  /** MESSAGE-INTEGRITY (RFC 8489 §14.5): HMAC-SHA1, 20 bytes. Holds a copy of the bytes. */
  record MessageIntegrity(byte[] hmac) implements StunAttribute {
    public MessageIntegrity {
      if (hmac == null || hmac.length != 20) {
        throw new IllegalArgumentException("MESSAGE-INTEGRITY is 20 bytes");
      }
      hmac = hmac.clone();
    }

    public int type() {
      return MESSAGE_INTEGRITY;
    }

    @Override
    public byte[] hmac() {
      return hmac.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MessageIntegrity m && Arrays.equals(hmac, m.hmac);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
      return "MessageIntegrity[" + HexFormat.of().formatHex(hmac) + "]";
    }
  }

  /**
   * MESSAGE-INTEGRITY-SHA256 (RFC 8489 §14.6): HMAC-SHA256, 16 to 32 bytes in steps of 4
   * (truncated from the left). Holds a copy of the bytes.
   */
  record MessageIntegritySha256(byte[] hmac) implements StunAttribute {
    public MessageIntegritySha256 {
      if (hmac == null || hmac.length < 16 || hmac.length > 32 || hmac.length % 4 != 0) {
        throw new IllegalArgumentException("MESSAGE-INTEGRITY-SHA256 is 16..32 bytes, a multiple of 4");
      }
      hmac = hmac.clone();
    }

    public int type() {
      return MESSAGE_INTEGRITY_SHA256;
    }

    @Override
    public byte[] hmac() {
      return hmac.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof MessageIntegritySha256 m && Arrays.equals(hmac, m.hmac);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(hmac);
    }

    @Override
    public String toString() {
      return "MessageIntegritySha256[" + HexFormat.of().formatHex(hmac) + "]";
    }
  }

  /** FINGERPRINT (RFC 8489 §14.7): CRC-32 of the message XOR 0x5354554e. */
  record Fingerprint(int crc) implements StunAttribute {
    public int type() {
      return FINGERPRINT;
    }
  }

  /** ERROR-CODE (RFC 8489 §14.8): a code in 300..699 and a UTF-8 reason. */
  record ErrorCode(int code, String reason) implements StunAttribute {
    public static final int TRY_ALTERNATE = 300;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHENTICATED = 401;
    public static final int FORBIDDEN = 403;
    public static final int UNKNOWN_ATTRIBUTE = 420;
    public static final int ALLOCATION_MISMATCH = 437;
    public static final int STALE_NONCE = 438;
    public static final int ROLE_CONFLICT = 487;
    public static final int SERVER_ERROR = 500;

    public ErrorCode {
      if (code < 300 || code > 699) {
        throw new IllegalArgumentException("ERROR-CODE " + code + " is not in 300..699");
      }
      requireText(reason, 763, "ERROR-CODE reason");
    }

    public int type() {
      return ERROR_CODE;
    }
  }

  /** UNKNOWN-ATTRIBUTES (RFC 8489 §14.13): the 16-bit types a server did not understand. */
  record UnknownAttributes(List<Integer> types) implements StunAttribute {
    public UnknownAttributes {
      types = List.copyOf(types);
      for (int t : types) {
        requireU16(t, "UNKNOWN-ATTRIBUTES entry");
      }
    }

    public int type() {
      return UNKNOWN_ATTRIBUTES;
    }
  }

  /** PRIORITY (RFC 8445 §16.1): 32-bit unsigned. */
  record Priority(long value) implements StunAttribute {
    public Priority {
      if (value < 0 || value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("PRIORITY " + value + " is not 32-bit unsigned");
      }
    }

    public int type() {
      return PRIORITY;
    }
  }

  /** USE-CANDIDATE (RFC 8445 §16.1): no value. */
  record UseCandidate() implements StunAttribute {
    public int type() {
      return USE_CANDIDATE;
    }
  }

  /** ICE-CONTROLLED (RFC 8445 §16.1): the sender's 64-bit tie-breaker. */
  record IceControlled(long tieBreaker) implements StunAttribute {
    public int type() {
      return ICE_CONTROLLED;
    }
  }

  /** ICE-CONTROLLING (RFC 8445 §16.1): the sender's 64-bit tie-breaker. */
  record IceControlling(long tieBreaker) implements StunAttribute {
    public int type() {
      return ICE_CONTROLLING;
    }
  }

  /** CHANNEL-NUMBER (RFC 8656 §18.1): 0x4000..0x4FFF. */
  record ChannelNumber(int channel) implements StunAttribute {
    public ChannelNumber {
      if (channel < 0x4000 || channel > 0x4FFF) {
        throw new IllegalArgumentException(String.format("channel 0x%04x is not in 0x4000..0x4FFF", channel));
      }
    }

    public int type() {
      return CHANNEL_NUMBER;
    }
  }

  /** LIFETIME (RFC 8656 §18.2): seconds, 32-bit unsigned. */
  record Lifetime(long seconds) implements StunAttribute {
    public Lifetime {
      if (seconds < 0 || seconds > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("LIFETIME " + seconds + " is not 32-bit unsigned");
      }
    }

    public int type() {
      return LIFETIME;
    }
  }

  /** DATA (RFC 8656 §18.4): the application datagram of a Send or Data indication (a copy). */
  record Data(byte[] value) implements StunAttribute {
    public Data {
      if (value == null || value.length > 0xFFFF) {
        throw new IllegalArgumentException("DATA is 0..65535 bytes");
      }
      value = value.clone();
    }

    public int type() {
      return DATA;
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    /** Length of the data in bytes, without copying. */
    public int length() {
      return value.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Data d && Arrays.equals(value, d.value);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return "Data[" + value.length + " bytes]";
    }
  }

  /** REQUESTED-ADDRESS-FAMILY (RFC 8656 §18.8): 0x01 IPv4, 0x02 IPv6. */
  record RequestedAddressFamily(int family) implements StunAttribute {
    public RequestedAddressFamily {
      if (family != 1 && family != 2) {
        throw new IllegalArgumentException("address family " + family + " is not 1 or 2");
      }
    }

    public int type() {
      return REQUESTED_ADDRESS_FAMILY;
    }
  }

  /** EVEN-PORT (RFC 8656 §18.5): the R bit asks the server to reserve the next port. */
  record EvenPort(boolean reserveNext) implements StunAttribute {
    public int type() {
      return EVEN_PORT;
    }
  }

  /** REQUESTED-TRANSPORT (RFC 8656 §18.6): an IP protocol number, 17 for UDP. */
  record RequestedTransport(int protocol) implements StunAttribute {
    public static final int UDP = 17;

    public RequestedTransport {
      if (protocol < 0 || protocol > 255) {
        throw new IllegalArgumentException("protocol " + protocol + " is not in 0..255");
      }
    }

    public int type() {
      return REQUESTED_TRANSPORT;
    }
  }

  /** DONT-FRAGMENT (RFC 8656 §18.7): no value. */
  record DontFragment() implements StunAttribute {
    public int type() {
      return DONT_FRAGMENT;
    }
  }

  /** RESERVATION-TOKEN (RFC 8656 §18.9): 8 opaque bytes. */
  record ReservationToken(long token) implements StunAttribute {
    public int type() {
      return RESERVATION_TOKEN;
    }
  }

  /** Any other attribute, kept as its type and value bytes (a copy). */
  record Unknown(int type, byte[] value) implements StunAttribute {
    public Unknown {
      requireU16(type, "attribute type");
      if (value == null || value.length > 0xFFFF) {
        throw new IllegalArgumentException("attribute value is 0..65535 bytes");
      }
      if (StunAttributeCodec.isKnown(type)) {
        throw new IllegalArgumentException(String.format("0x%04x has its own record", type));
      }
      value = value.clone();
    }

    @Override
    public byte[] value() {
      return value.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Unknown u && u.type == type && Arrays.equals(value, u.value);
    }

    @Override
    public int hashCode() {
      return type * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
      return String.format("Unknown[0x%04x, %s]", type, HexFormat.of().formatHex(value));
    }
  }

  private static void requireText(String value, int maxBytes, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is null");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
      throw new IllegalArgumentException(what + " is longer than " + maxBytes + " bytes");
    }
  }

  private static void requireU16(int value, String what) {
    if (value < 0 || value > 0xFFFF) {
      throw new IllegalArgumentException(what + " " + value + " is not 16-bit");
    }
  }
}
