package dev.purertc.ice.stun;

import dev.purertc.ice.stun.StunAttribute.Address;
import dev.purertc.ice.stun.StunAttribute.ChannelNumber;
import dev.purertc.ice.stun.StunAttribute.Data;
import dev.purertc.ice.stun.StunAttribute.DontFragment;
import dev.purertc.ice.stun.StunAttribute.ErrorCode;
import dev.purertc.ice.stun.StunAttribute.EvenPort;
import dev.purertc.ice.stun.StunAttribute.Fingerprint;
import dev.purertc.ice.stun.StunAttribute.IceControlled;
import dev.purertc.ice.stun.StunAttribute.IceControlling;
import dev.purertc.ice.stun.StunAttribute.Lifetime;
import dev.purertc.ice.stun.StunAttribute.MessageIntegrity;
import dev.purertc.ice.stun.StunAttribute.MessageIntegritySha256;
import dev.purertc.ice.stun.StunAttribute.Nonce;
import dev.purertc.ice.stun.StunAttribute.Priority;
import dev.purertc.ice.stun.StunAttribute.Realm;
import dev.purertc.ice.stun.StunAttribute.RequestedAddressFamily;
import dev.purertc.ice.stun.StunAttribute.RequestedTransport;
import dev.purertc.ice.stun.StunAttribute.ReservationToken;
import dev.purertc.ice.stun.StunAttribute.Software;
import dev.purertc.ice.stun.StunAttribute.Unknown;
import dev.purertc.ice.stun.StunAttribute.UnknownAttributes;
import dev.purertc.ice.stun.StunAttribute.UseCandidate;
import dev.purertc.ice.stun.StunAttribute.Username;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Wire form of attribute values (RFC 8489 §14, RFC 8445 §16.1, RFC 8656 §18). */
final class StunAttributeCodec {
  static final int MAGIC_COOKIE = 0x2112A442;

  private StunAttributeCodec() {}

  static boolean isKnown(int type) {
    switch (type) {
      case StunAttribute.MAPPED_ADDRESS: case StunAttribute.ALTERNATE_SERVER:
      case StunAttribute.XOR_MAPPED_ADDRESS: case StunAttribute.XOR_PEER_ADDRESS:
      case StunAttribute.XOR_RELAYED_ADDRESS: case StunAttribute.USERNAME: case StunAttribute.REALM:
      case StunAttribute.NONCE: case StunAttribute.SOFTWARE: case StunAttribute.MESSAGE_INTEGRITY:
      case StunAttribute.MESSAGE_INTEGRITY_SHA256: case StunAttribute.FINGERPRINT:
      case StunAttribute.ERROR_CODE: case StunAttribute.UNKNOWN_ATTRIBUTES: case StunAttribute.PRIORITY:
      case StunAttribute.USE_CANDIDATE: case StunAttribute.ICE_CONTROLLED:
      case StunAttribute.ICE_CONTROLLING: case StunAttribute.CHANNEL_NUMBER: case StunAttribute.LIFETIME:
      case StunAttribute.DATA: case StunAttribute.REQUESTED_ADDRESS_FAMILY: case StunAttribute.EVEN_PORT:
      case StunAttribute.REQUESTED_TRANSPORT: case StunAttribute.DONT_FRAGMENT:
      case StunAttribute.RESERVATION_TOKEN:
        return true;
      default:
        return false;
    }
  }

  /** Length of the value in bytes, without padding. */
  static int valueLength(StunAttribute a) {
    if (a instanceof Address ad) {
      return ad.address().getAddress().getAddress().length == 4 ? 8 : 20;
    } else if (a instanceof Username u) {
      return utf8(u.value()).length;
    } else if (a instanceof Realm r) {
      return utf8(r.value()).length;
    } else if (a instanceof Nonce n) {
      return utf8(n.value()).length;
    } else if (a instanceof Software s) {
      return utf8(s.value()).length;
    } else if (a instanceof MessageIntegrity) {
      return 20;
    } else if (a instanceof MessageIntegritySha256 m) {
      return m.hmac().length;
    } else if (a instanceof ErrorCode e) {
      return 4 + utf8(e.reason()).length;
    } else if (a instanceof UnknownAttributes u) {
      return 2 * u.types().size();
    } else if (a instanceof UseCandidate || a instanceof DontFragment) {
      return 0;
    } else if (a instanceof IceControlled || a instanceof IceControlling
        || a instanceof ReservationToken) {
      return 8;
    } else if (a instanceof EvenPort) {
      return 1;
    } else if (a instanceof Data d) {
      return d.length();
    } else if (a instanceof Unknown u) {
      return u.value().length;
    }
    // FINGERPRINT, PRIORITY, CHANNEL-NUMBER, LIFETIME, REQUESTED-*: 4 bytes.
    return 4;
  }

  static void writeValue(StunAttribute a, ByteBuffer out, TransactionId id) {
    if (a instanceof Address ad) {
      byte[] ip = ad.address().getAddress().getAddress();
      int port = ad.address().getPort();
      if (ad.xored()) {
        port ^= MAGIC_COOKIE >>> 16;
        xor(ip, id);
      }
      out.put((byte) 0).put((byte) (ip.length == 4 ? 1 : 2)).putShort((short) port).put(ip);
    } else if (a instanceof Username u) {
      out.put(utf8(u.value()));
    } else if (a instanceof Realm r) {
      out.put(utf8(r.value()));
    } else if (a instanceof Nonce n) {
      out.put(utf8(n.value()));
    } else if (a instanceof Software s) {
      out.put(utf8(s.value()));
    } else if (a instanceof MessageIntegrity m) {
      out.put(m.hmac());
    } else if (a instanceof MessageIntegritySha256 m) {
      out.put(m.hmac());
    } else if (a instanceof Fingerprint f) {
      out.putInt(f.crc());
    } else if (a instanceof ErrorCode e) {
      // RFC 8489 §14.8: class (hundreds) in 3 bits, number (0..99) in 8 bits.
      out.putShort((short) 0).put((byte) (e.code() / 100)).put((byte) (e.code() % 100));
      out.put(utf8(e.reason()));
    } else if (a instanceof UnknownAttributes u) {
      for (int t : u.types()) {
        out.putShort((short) t);
      }
    } else if (a instanceof Priority p) {
      out.putInt((int) p.value());
    } else if (a instanceof IceControlled c) {
      out.putLong(c.tieBreaker());
    } else if (a instanceof IceControlling c) {
      out.putLong(c.tieBreaker());
    } else if (a instanceof ChannelNumber c) {
      out.putShort((short) c.channel()).putShort((short) 0);
    } else if (a instanceof Lifetime l) {
      out.putInt((int) l.seconds());
    } else if (a instanceof Data d) {
      out.put(d.value());
    } else if (a instanceof RequestedAddressFamily f) {
      out.put((byte) f.family()).put((byte) 0).putShort((short) 0);
    } else if (a instanceof EvenPort e) {
      out.put((byte) (e.reserveNext() ? 0x80 : 0));
    } else if (a instanceof RequestedTransport t) {
      out.put((byte) t.protocol()).put((byte) 0).putShort((short) 0);
    } else if (a instanceof ReservationToken t) {
      out.putLong(t.token());
    } else if (a instanceof Unknown u) {
      out.put(u.value());
    }
    // USE-CANDIDATE, DONT-FRAGMENT: empty.
  }

  /**
   * Parses one attribute value.
   *
   * @param v the value bytes, position 0, limit = length
   * @param offset offset of the value in the datagram, for errors
   */
  static StunAttribute parse(int type, ByteBuffer v, TransactionId id, int offset) {
    int len = v.remaining();
    try {
      switch (type) {
        case StunAttribute.MAPPED_ADDRESS:
        case StunAttribute.ALTERNATE_SERVER:
        case StunAttribute.XOR_MAPPED_ADDRESS:
        case StunAttribute.XOR_PEER_ADDRESS:
        case StunAttribute.XOR_RELAYED_ADDRESS: {
          if (len < 4) {
            throw new StunParseException(offset, "address attribute is shorter than 4 bytes");
          }
          v.get();
          int family = v.get() & 0xFF;
          int port = v.getShort() & 0xFFFF;
          int ipLength = family == 1 ? 4 : family == 2 ? 16 : -1;
          if (ipLength < 0) {
            throw new StunParseException(offset + 1, "address family " + family + " is not 1 or 2");
          }
          if (len != 4 + ipLength) {
            throw new StunParseException(offset, "address attribute of family " + family
                + " has length " + len);
          }
          byte[] ip = new byte[ipLength];
          v.get(ip);
          Address probe = new Address(type, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
          if (probe.xored()) {
            port ^= MAGIC_COOKIE >>> 16;
            xor(ip, id);
          }
          // Inet6Address keeps an IPv4-mapped IPv6 address IPv6, so it writes back as family 2.
          InetAddress inet = ipLength == 4 ? InetAddress.getByAddress(ip)
              : java.net.Inet6Address.getByAddress(null, ip, -1);
          return new Address(type, new InetSocketAddress(inet, port));
        }
        case StunAttribute.USERNAME:
          return new Username(text(v, offset));
        case StunAttribute.REALM:
          return new Realm(text(v, offset));
        case StunAttribute.NONCE:
          return new Nonce(text(v, offset));
        case StunAttribute.SOFTWARE:
          return new Software(text(v, offset));
        case StunAttribute.MESSAGE_INTEGRITY:
          return new MessageIntegrity(bytes(v));
        case StunAttribute.MESSAGE_INTEGRITY_SHA256:
          return new MessageIntegritySha256(bytes(v));
        case StunAttribute.FINGERPRINT:
          fixed(len, 4, "FINGERPRINT", offset);
          return new Fingerprint(v.getInt());
        case StunAttribute.ERROR_CODE: {
          if (len < 4) {
            throw new StunParseException(offset, "ERROR-CODE is shorter than 4 bytes");
          }
          v.getShort();
          int cls = v.get() & 0x07;
          int number = v.get() & 0xFF;
          if (number > 99) {
            throw new StunParseException(offset + 3, "ERROR-CODE number " + number + " is over 99");
          }
          return new ErrorCode(cls * 100 + number, text(v, offset + 4));
        }
        case StunAttribute.UNKNOWN_ATTRIBUTES: {
          if (len % 2 != 0) {
            throw new StunParseException(offset, "UNKNOWN-ATTRIBUTES length " + len + " is odd");
          }
          List<Integer> types = new ArrayList<>();
          while (v.hasRemaining()) {
            types.add(v.getShort() & 0xFFFF);
          }
          return new UnknownAttributes(types);
        }
        case StunAttribute.PRIORITY:
          fixed(len, 4, "PRIORITY", offset);
          return new Priority(v.getInt() & 0xFFFF_FFFFL);
        case StunAttribute.USE_CANDIDATE:
          fixed(len, 0, "USE-CANDIDATE", offset);
          return new UseCandidate();
        case StunAttribute.ICE_CONTROLLED:
          fixed(len, 8, "ICE-CONTROLLED", offset);
          return new IceControlled(v.getLong());
        case StunAttribute.ICE_CONTROLLING:
          fixed(len, 8, "ICE-CONTROLLING", offset);
          return new IceControlling(v.getLong());
        case StunAttribute.CHANNEL_NUMBER:
          fixed(len, 4, "CHANNEL-NUMBER", offset);
          return new ChannelNumber(v.getShort() & 0xFFFF);
        case StunAttribute.LIFETIME:
          fixed(len, 4, "LIFETIME", offset);
          return new Lifetime(v.getInt() & 0xFFFF_FFFFL);
        case StunAttribute.DATA:
          return new Data(bytes(v));
        case StunAttribute.REQUESTED_ADDRESS_FAMILY:
          fixed(len, 4, "REQUESTED-ADDRESS-FAMILY", offset);
          return new RequestedAddressFamily(v.get() & 0xFF);
        case StunAttribute.EVEN_PORT:
          fixed(len, 1, "EVEN-PORT", offset);
          return new EvenPort((v.get() & 0x80) != 0);
        case StunAttribute.REQUESTED_TRANSPORT:
          fixed(len, 4, "REQUESTED-TRANSPORT", offset);
          return new RequestedTransport(v.get() & 0xFF);
        case StunAttribute.DONT_FRAGMENT:
          fixed(len, 0, "DONT-FRAGMENT", offset);
          return new DontFragment();
        case StunAttribute.RESERVATION_TOKEN:
          fixed(len, 8, "RESERVATION-TOKEN", offset);
          return new ReservationToken(v.getLong());
        default:
          return new Unknown(type, bytes(v));
      }
    } catch (IllegalArgumentException e) {
      throw new StunParseException(offset, e.getMessage());
    } catch (UnknownHostException e) {
      throw new StunParseException(offset, "bad address: " + e.getMessage());
    }
  }

  private static void fixed(int len, int expected, String what, int offset) {
    if (len != expected) {
      throw new StunParseException(offset, what + " has length " + len + ", expected " + expected);
    }
  }

  private static byte[] bytes(ByteBuffer v) {
    byte[] b = new byte[v.remaining()];
    v.get(b);
    return b;
  }

  private static String text(ByteBuffer v, int offset) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(v).toString();
    } catch (CharacterCodingException e) {
      throw new StunParseException(offset, "text is not UTF-8");
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** RFC 8489 §14.2: IPv4 XOR the cookie; IPv6 XOR the cookie and the transaction id. */
  private static void xor(byte[] ip, TransactionId id) {
    byte[] mask = ByteBuffer.allocate(16).putInt(MAGIC_COOKIE).putLong(id.high()).putInt(id.low()).array();
    for (int i = 0; i < ip.length; i++) {
      ip[i] ^= mask[i];
    }
  }
}
