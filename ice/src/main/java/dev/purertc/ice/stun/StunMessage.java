package dev.purertc.ice.stun;

import dev.purertc.ice.stun.StunAttribute.Fingerprint;
import dev.purertc.ice.stun.StunAttribute.MessageIntegrity;
import dev.purertc.ice.stun.StunAttribute.MessageIntegritySha256;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A STUN message (RFC 8489 §5-6): method, class, transaction id and attributes in wire order.
 *
 * <p>Only messages with the RFC 5389/8489 magic cookie are accepted (RFC 3489 ones are not
 * STUN for ICE). Parsed messages keep every attribute, including MESSAGE-INTEGRITY and
 * FINGERPRINT; integrity is checked on the received bytes with {@link StunIntegrity}. To send
 * a protected message, call {@link #withIntegrity} and then {@link #withFingerprint}, which
 * compute the values over this message's own encoding.
 *
 * @param method the 12-bit method, e.g. {@link #BINDING}
 * @param messageClass request, indication, success or error response
 * @param transactionId the 96-bit transaction id
 * @param attributes in wire order
 */
public record StunMessage(
    int method, StunClass messageClass, TransactionId transactionId, List<StunAttribute> attributes) {

  public static final int BINDING = 0x001;
  public static final int ALLOCATE = 0x003;
  public static final int REFRESH = 0x004;
  public static final int SEND = 0x006;
  public static final int DATA = 0x007;
  public static final int CREATE_PERMISSION = 0x008;
  public static final int CHANNEL_BIND = 0x009;

  static final int HEADER_BYTES = 20;

  public StunMessage {
    if (method < 0 || method > 0xFFF) {
      throw new IllegalArgumentException("method " + method + " is not 12-bit");
    }
    if (messageClass == null || transactionId == null) {
      throw new IllegalArgumentException("class and transaction id are required");
    }
    attributes = List.copyOf(attributes);
    int length = 0;
    for (StunAttribute a : attributes) {
      length += 4 + pad4(StunAttributeCodec.valueLength(a));
    }
    // RFC 8489 §5: the 16-bit length field counts the attributes, not the 20-byte header.
    if (length > 0xFFFC) {
      throw new IllegalArgumentException("attributes of " + length
          + " bytes do not fit the 16-bit message length");
    }
  }

  /** A message with the given attributes. */
  public static StunMessage of(int method, StunClass messageClass, TransactionId id,
      StunAttribute... attributes) {
    return new StunMessage(method, messageClass, id, List.of(attributes));
  }

  /**
   * Whether a datagram looks like STUN (RFC 7983 §7: first byte 0..3) and carries the magic
   * cookie. Does not move the buffer's position.
   */
  public static boolean isStun(ByteBuffer datagram) {
    int p = datagram.position();
    return datagram.remaining() >= HEADER_BYTES
        && (datagram.get(p) & 0xC0) == 0
        && datagram.getInt(p + 4) == StunAttributeCodec.MAGIC_COOKIE;
  }

  /**
   * Parses one message from the buffer's position; on success the position moves past it.
   *
   * @throws StunParseException if the bytes are not a well-formed STUN message
   */
  public static StunMessage parse(ByteBuffer in) {
    ByteBuffer b = in.slice();
    if (b.remaining() < HEADER_BYTES) {
      throw new StunParseException(0, "datagram of " + b.remaining() + " bytes is shorter than the 20-byte header");
    }
    int type = b.getShort() & 0xFFFF;
    if ((type & 0xC000) != 0) {
      throw new StunParseException(0, "the two most significant bits are not zero");
    }
    int length = b.getShort() & 0xFFFF;
    if (length % 4 != 0) {
      throw new StunParseException(2, "message length " + length + " is not a multiple of 4");
    }
    if (b.getInt() != StunAttributeCodec.MAGIC_COOKIE) {
      throw new StunParseException(4, "magic cookie is not 0x2112A442");
    }
    TransactionId id = new TransactionId(b.getLong(), b.getInt());
    if (length > b.remaining()) {
      throw new StunParseException(2, "message length " + length + " exceeds the "
          + b.remaining() + " bytes after the header");
    }
    // RFC 8489 §5: method bits M0-M11 interleaved with class bits C0 (bit 4) and C1 (bit 8).
    int method = (type & 0x000F) | ((type & 0x00E0) >> 1) | ((type & 0x3E00) >> 2);
    int cls = ((type & 0x0010) >> 4) | ((type & 0x0100) >> 7);
    int end = HEADER_BYTES + length;
    List<StunAttribute> attributes = new ArrayList<>();
    while (b.position() < end) {
      int at = b.position();
      if (end - at < 4) {
        throw new StunParseException(at, "attribute header is cut short");
      }
      int attrType = b.getShort() & 0xFFFF;
      int attrLength = b.getShort() & 0xFFFF;
      if (attrLength > end - at - 4) {
        throw new StunParseException(at + 2, "attribute length " + attrLength + " runs past the message");
      }
      ByteBuffer value = b.slice(at + 4, attrLength);
      attributes.add(StunAttributeCodec.parse(attrType, value, id, at + 4));
      int next = at + 4 + pad4(attrLength);
      if (next > end) {
        throw new StunParseException(at, "attribute padding runs past the message");
      }
      b.position(next);
    }
    in.position(in.position() + end);
    return new StunMessage(method, StunClass.of(cls), id, attributes);
  }

  /** Encoded size in bytes. */
  public int encodedLength() {
    int length = HEADER_BYTES;
    for (StunAttribute a : attributes) {
      length += 4 + pad4(StunAttributeCodec.valueLength(a));
    }
    return length;
  }

  /**
   * Writes the message at the buffer's position (padding with zero bytes) and moves past it.
   *
   * @return the number of bytes written
   */
  public int writeTo(ByteBuffer out) {
    int start = out.position();
    int m = method;
    int type = (m & 0x000F) | ((m & 0x0070) << 1) | ((m & 0x0F80) << 2)
        | ((messageClass.bits & 1) << 4) | ((messageClass.bits & 2) << 7);
    out.putShort((short) type).putShort((short) (encodedLength() - HEADER_BYTES))
        .putInt(StunAttributeCodec.MAGIC_COOKIE);
    transactionId.writeTo(out);
    for (StunAttribute a : attributes) {
      int len = StunAttributeCodec.valueLength(a);
      out.putShort((short) a.type()).putShort((short) len);
      StunAttributeCodec.writeValue(a, out, transactionId);
      for (int i = len; i < pad4(len); i++) {
        out.put((byte) 0);
      }
    }
    return out.position() - start;
  }

  /** The encoding as a new array. */
  public byte[] toBytes() {
    byte[] bytes = new byte[encodedLength()];
    writeTo(ByteBuffer.wrap(bytes));
    return bytes;
  }

  /** The first attribute of the given record type. */
  public <A extends StunAttribute> Optional<A> attribute(Class<A> kind) {
    for (StunAttribute a : attributes) {
      if (kind.isInstance(a)) {
        return Optional.of(kind.cast(a));
      }
    }
    return Optional.empty();
  }

  /** This message with one more attribute at the end. */
  public StunMessage with(StunAttribute attribute) {
    List<StunAttribute> list = new ArrayList<>(attributes);
    list.add(attribute);
    return new StunMessage(method, messageClass, transactionId, list);
  }

  /** This message with MESSAGE-INTEGRITY (HMAC-SHA1 over the encoding so far, RFC 8489 §14.5). */
  public StunMessage withIntegrity(byte[] key) {
    byte[] bytes = with(new MessageIntegrity(new byte[20])).toBytes();
    return with(new MessageIntegrity(StunIntegrity.hmac("HmacSHA1", key, bytes, bytes.length - 24)));
  }

  /** This message with MESSAGE-INTEGRITY-SHA256, full 32 bytes (RFC 8489 §14.6). */
  public StunMessage withIntegritySha256(byte[] key) {
    byte[] bytes = with(new MessageIntegritySha256(new byte[32])).toBytes();
    return with(new MessageIntegritySha256(
        StunIntegrity.hmac("HmacSHA256", key, bytes, bytes.length - 36)));
  }

  /** This message with FINGERPRINT (CRC-32 over the encoding so far, RFC 8489 §14.7). */
  public StunMessage withFingerprint() {
    byte[] bytes = with(new Fingerprint(0)).toBytes();
    return with(new Fingerprint(StunIntegrity.crc(bytes, bytes.length - 8)));
  }

  /**
   * This message without the attributes that follow its first MESSAGE-INTEGRITY or
   * MESSAGE-INTEGRITY-SHA256, except MESSAGE-INTEGRITY-SHA256 and FINGERPRINT: the integrity
   * check does not cover them, and RFC 8489 §14.5 and §14.6 say to ignore them. A receiver reads
   * a received message's attributes from this view.
   */
  public StunMessage withoutAttributesAfterIntegrity() {
    int at = -1;
    for (int i = 0; i < attributes.size() && at < 0; i++) {
      StunAttribute a = attributes.get(i);
      if (a instanceof MessageIntegrity || a instanceof MessageIntegritySha256) {
        at = i;
      }
    }
    if (at < 0) {
      return this;
    }
    List<StunAttribute> kept = new ArrayList<>(attributes.subList(0, at + 1));
    for (StunAttribute a : attributes.subList(at + 1, attributes.size())) {
      if (a instanceof MessageIntegritySha256 || a instanceof Fingerprint) {
        kept.add(a);
      }
    }
    return kept.size() == attributes.size() ? this
        : new StunMessage(method, messageClass, transactionId, kept);
  }

  /** Whether this is a response (success or error). */
  public boolean isResponse() {
    return messageClass == StunClass.SUCCESS_RESPONSE || messageClass == StunClass.ERROR_RESPONSE;
  }

  static int pad4(int n) {
    return (n + 3) & ~3;
  }
}
