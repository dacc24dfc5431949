package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One RTP packet (RFC 3550 section 5.1), read as a zero-copy view over the bytes it was parsed
 * from.
 *
 * <p>{@link #parse(ByteBuffer)} checks the whole layout once (fixed header, CSRC list, header
 * extension block and its elements, padding) and keeps a slice of the caller's buffer; the
 * accessors then read fields in place and never fail. The packet does not copy the bytes, so the
 * caller must not change them while the packet is in use (copy with {@link #writeTo(ByteBuffer)}
 * first if the buffer is recycled).
 *
 * <p>Header extensions are read in both forms of RFC 8285: one-byte (profile {@code 0xBEDE}) and
 * two-byte (profile {@code 0x100X}); any other profile is kept as an opaque block ({@link
 * #extensionProfile()}, {@link #extensionData()}). The audio level element of RFC 6464 has typed
 * access through {@link #audioLevel(int)}.
 *
 * <p>To build a packet use {@link #builder()}; on the send path, where nothing may be allocated per
 * packet, use {@link RtpWriter}. Equality is byte equality of the whole packet.
 *
 * <p>Instances are immutable apart from the caller-owned bytes and safe to share between threads.
 */
public final class RtpPacket {

  /** RFC 3550 section 5.1: the fixed header is 12 bytes. */
  public static final int FIXED_HEADER_BYTES = 12;
  /** RFC 8285 section 4.2: the profile of the one-byte header extension form. */
  public static final int ONE_BYTE_PROFILE = 0xBEDE;
  /** RFC 8285 section 4.3: the profile of the two-byte form is 0x100 followed by 4 app bits. */
  public static final int TWO_BYTE_PROFILE = 0x1000;

  private static final int NO_EXTENSION = -1;

  private final ByteBuffer bytes; // slice: position 0, limit = packet length, big-endian
  // The fixed header's three words, read once by parse: accessors are then plain field reads.
  private final int word0;
  private final int timestampBits;
  private final int ssrcBits;
  private final int csrcCount;
  private final int extensionProfile; // NO_EXTENSION when the X bit is clear
  private final int extensionDataOffset;
  private final int extensionDataLength;
  private final int payloadOffset;
  private final int payloadLength;
  private final int paddingLength;

  private RtpPacket(
      ByteBuffer bytes,
      int word0,
      int timestampBits,
      int ssrcBits,
      int csrcCount,
      int extensionProfile,
      int extensionDataOffset,
      int extensionDataLength,
      int payloadOffset,
      int payloadLength,
      int paddingLength) {
    this.bytes = bytes;
    this.word0 = word0;
    this.timestampBits = timestampBits;
    this.ssrcBits = ssrcBits;
    this.csrcCount = csrcCount;
    this.extensionProfile = extensionProfile;
    this.extensionDataOffset = extensionDataOffset;
    this.extensionDataLength = extensionDataLength;
    this.payloadOffset = payloadOffset;
    this.payloadLength = payloadLength;
    this.paddingLength = paddingLength;
  }

  /**
   * Reads one RTP packet from the bytes between the buffer's position and limit. The buffer's
   * position, limit and byte order are not changed; the packet keeps a view of those bytes.
   *
   * @throws RtpParseException if the bytes are not a well-formed RTP packet; its offset counts
   *     from the buffer's position
   */
  public static RtpPacket parse(ByteBuffer datagram) {
    ByteBuffer b = datagram.slice(); // big-endian, position 0
    int length = b.limit();
    if (length < FIXED_HEADER_BYTES) {
      throw new RtpParseException(0, "RTP packet of " + length + " bytes is shorter than the 12-byte fixed header");
    }
    int word0 = b.getInt(0);
    int b0 = word0 >>> 24;
    int version = b0 >>> 6;
    if (version != 2) {
      throw new RtpParseException(0, "RTP version " + version + " is not 2");
    }
    int end = length;
    int paddingLength = 0;
    if ((b0 & 0x20) != 0) {
      // RFC 3550 5.1: the last octet of the padding counts the padding octets, itself included.
      paddingLength = b.get(length - 1) & 0xFF;
      if (paddingLength == 0) {
        throw new RtpParseException(length - 1, "padding count is 0 but the P bit is set");
      }
      if (paddingLength > length - FIXED_HEADER_BYTES) {
        throw new RtpParseException(length - 1, "padding count " + paddingLength + " exceeds the "
            + (length - FIXED_HEADER_BYTES) + " bytes after the fixed header");
      }
      end = length - paddingLength;
    }
    int csrcCount = b0 & 0x0F;
    int offset = FIXED_HEADER_BYTES + 4 * csrcCount;
    if (offset > end) {
      throw new RtpParseException(0, "CSRC count " + csrcCount + " needs " + offset
          + " header bytes but only " + end + " precede the padding");
    }
    int profile = NO_EXTENSION;
    int extOffset = 0;
    int extLength = 0;
    if ((b0 & 0x10) != 0) {
      if (offset + 4 > end) {
        throw new RtpParseException(offset, "extension header needs 4 bytes but " + (end - offset) + " remain");
      }
      profile = b.getShort(offset) & 0xFFFF;
      extLength = 4 * (b.getShort(offset + 2) & 0xFFFF);
      extOffset = offset + 4;
      if (extOffset + extLength > end) {
        throw new RtpParseException(offset + 2, "extension length of " + extLength + " bytes exceeds the "
            + (end - extOffset) + " remaining");
      }
      checkElements(b, profile, extOffset, extLength);
      offset = extOffset + extLength;
    }
    return new RtpPacket(b, word0, b.getInt(4), b.getInt(8), csrcCount, profile, extOffset, extLength,
        offset, end - offset, paddingLength);
  }

  /** RFC 8285 sections 4.2 and 4.3: every element must lie inside the extension block. */
  private static void checkElements(ByteBuffer b, int profile, int start, int length) {
    boolean oneByte = profile == ONE_BYTE_PROFILE;
    if (!oneByte && (profile & 0xFFF0) != TWO_BYTE_PROFILE) {
      return; // another profile: opaque to us
    }
    int end = start + length;
    int i = start;
    while (i < end) {
      int h = b.get(i) & 0xFF;
      // Padding: a zero byte; in the one-byte form any byte with ID 0 (RFC 8285 4.2 reserves
      // ID 0 for padding; like libwebrtc, a non-zero length does not make it an element).
      if (oneByte ? h >>> 4 == 0 : h == 0) {
        i++;
        continue;
      }
      int dataLength;
      if (oneByte) {
        if (h >>> 4 == 15) {
          return; // RFC 8285 4.2: id 15 is reserved; stop processing the remaining elements
        }
        dataLength = (h & 0x0F) + 1;
        i += 1;
      } else {
        if (i + 1 >= end) {
          throw new RtpParseException(i, "two-byte extension element " + h + " has no length byte");
        }
        dataLength = b.get(i + 1) & 0xFF;
        i += 2;
      }
      if (i + dataLength > end) {
        throw new RtpParseException(i, "extension element needs " + dataLength + " bytes but "
            + (end - i) + " remain in the extension block");
      }
      i += dataLength;
    }
  }

  /** A builder for packets that are built once and kept; see {@link RtpWriter} for the send path. */
  public static Builder builder() {
    return new Builder();
  }

  /** RTP version, always 2. */
  public int version() {
    return 2;
  }

  /** The P bit: padding octets follow the payload. */
  public boolean padding() {
    return paddingLength > 0;
  }

  /** The X bit: a header extension follows the CSRC list. */
  public boolean extension() {
    return extensionProfile != NO_EXTENSION;
  }

  /** The M bit; for audio, the first packet of a talkspurt (RFC 3551 section 4.1). */
  public boolean marker() {
    return (word0 & 0x0080_0000) != 0;
  }

  /** Payload type, 0..127. */
  public int payloadType() {
    return (word0 >>> 16) & 0x7F;
  }

  /** Sequence number, 0..65535; see {@link SequenceUnwrapper} for the extended form. */
  public int sequenceNumber() {
    return word0 & 0xFFFF;
  }

  /** RTP timestamp in clock-rate units, 0..2^32-1. */
  public long timestamp() {
    return timestampBits & 0xFFFF_FFFFL;
  }

  /** Synchronization source, 0..2^32-1. */
  public long ssrc() {
    return ssrcBits & 0xFFFF_FFFFL;
  }

  /** Number of contributing sources, 0..15. */
  public int csrcCount() {
    return csrcCount;
  }

  /** The contributing source at {@code index} (0-based), without allocating. */
  public long csrc(int index) {
    if (index < 0 || index >= csrcCount) {
      throw new IndexOutOfBoundsException("CSRC " + index + " of " + csrcCount);
    }
    return bytes.getInt(FIXED_HEADER_BYTES + 4 * index) & 0xFFFF_FFFFL;
  }

  /** The contributing sources in header order, as a new unmodifiable list. */
  public List<Long> csrcs() {
    Long[] list = new Long[csrcCount];
    for (int i = 0; i < csrcCount; i++) {
      list[i] = csrc(i);
    }
    return List.of(list);
  }

  /** The 16-bit profile of the header extension block, or -1 when there is none. */
  public int extensionProfile() {
    return extensionProfile;
  }

  /** The raw header extension block after its 4-byte header (read-only view; empty if none). */
  public ByteBuffer extensionData() {
    return bytes.slice(extensionDataOffset, extensionDataLength).asReadOnlyBuffer();
  }

  /**
   * The data of the RFC 8285 element with this id (read-only view), or {@code null} when the packet
   * has no such element or its extension block is not in an RFC 8285 form.
   */
  public ByteBuffer headerExtension(int id) {
    int at = findElement(id);
    if (at < 0) {
      return null;
    }
    return bytes.slice(at >>> 8, at & 0xFF).asReadOnlyBuffer();
  }

  /**
   * The RFC 6464 audio level carried in the element with this id, or {@code null} when absent or
   * empty. Reads in place; allocates only the small result.
   */
  public AudioLevel audioLevel(int id) {
    int at = findElement(id);
    if (at < 0 || (at & 0xFF) == 0) {
      return null;
    }
    return AudioLevel.fromByte(bytes.get(at >>> 8) & 0xFF);
  }

  /** All RFC 8285 elements in header order; empty when there are none or the form is unknown. */
  public List<HeaderExtension> headerExtensions() {
    List<HeaderExtension> list = new ArrayList<>();
    for (long e = elementAt(extensionDataOffset); e >= 0; e = elementAt(elementEnd(e))) {
      byte[] data = new byte[elementLength(e)];
      bytes.get(elementOffset(e), data);
      list.add(new HeaderExtension(elementId(e), data));
    }
    return List.copyOf(list);
  }

  /** Whether the header extension block uses the two-byte form of RFC 8285 section 4.3. */
  public boolean twoByteExtensions() {
    return extensionProfile != NO_EXTENSION && (extensionProfile & 0xFFF0) == TWO_BYTE_PROFILE;
  }

  /** Packs offset (high bits) and length (low 8 bits); -1 when not found. Allocation-free. */
  private int findElement(int wanted) {
    for (long e = elementAt(extensionDataOffset); e >= 0; e = elementAt(elementEnd(e))) {
      if (elementId(e) == wanted) {
        return (elementOffset(e) << 8) | elementLength(e);
      }
    }
    return -1;
  }

  /**
   * The one walk over RFC 8285 elements, shared by the lookup and the list and allocation-free:
   * the first element at or after block index {@code i}, skipping padding bytes, packed as
   * {@code dataOffset << 16 | id << 8 | length}; -1 at the end of the block, at the one-byte
   * form's id 15 (which ends processing, RFC 8285 section 4.2), or when the block is in
   * neither RFC 8285 form.
   */
  private long elementAt(int i) {
    boolean oneByte = extensionProfile == ONE_BYTE_PROFILE;
    if (extensionProfile == NO_EXTENSION || (!oneByte && !twoByteExtensions())) {
      return -1;
    }
    int end = extensionDataOffset + extensionDataLength;
    while (i < end) {
      int h = bytes.get(i) & 0xFF;
      if (oneByte ? h >>> 4 == 0 : h == 0) {
        i++;
        continue;
      }
      if (oneByte) {
        int id = h >>> 4;
        if (id == 15) {
          return -1;
        }
        return ((long) (i + 1) << 16) | (id << 8) | ((h & 0x0F) + 1);
      }
      return ((long) (i + 2) << 16) | (h << 8) | (bytes.get(i + 1) & 0xFF);
    }
    return -1;
  }

  private static int elementOffset(long element) {
    return (int) (element >>> 16);
  }

  private static int elementId(long element) {
    return (int) (element >>> 8) & 0xFF;
  }

  private static int elementLength(long element) {
    return (int) element & 0xFF;
  }

  private static int elementEnd(long element) {
    return elementOffset(element) + elementLength(element);
  }

  /** The payload as a read-only view (position 0, limit = payload length); padding excluded. */
  public ByteBuffer payload() {
    return bytes.slice(payloadOffset, payloadLength).asReadOnlyBuffer();
  }

  /** Payload length in bytes, padding excluded. */
  public int payloadLength() {
    return payloadLength;
  }

  /** Number of padding octets at the end of the packet, the count octet included; 0 if none. */
  public int paddingLength() {
    return paddingLength;
  }

  /** Size of the whole packet in bytes, as parsed or built. */
  public int sizeBytes() {
    return bytes.limit();
  }

  /**
   * Copies the packet, byte for byte, to {@code dst} at its position and advances the position.
   * Allocates nothing.
   *
   * @return the number of bytes written
   * @throws java.nio.BufferOverflowException if {@code dst} has fewer than {@link #sizeBytes()}
   *     bytes remaining (nothing is written then)
   */
  public int writeTo(ByteBuffer dst) {
    int n = bytes.limit();
    if (dst.remaining() < n) {
      throw new java.nio.BufferOverflowException();
    }
    int at = dst.position();
    dst.put(at, bytes, 0, n);
    dst.position(at + n);
    return n;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RtpPacket other && other.bytes.equals(bytes);
  }

  @Override
  public int hashCode() {
    return bytes.hashCode();
  }

  @Override
  public String toString() {
    return "RtpPacket[pt=" + payloadType() + ", seq=" + sequenceNumber() + ", ts=" + timestamp()
        + ", ssrc=" + ssrc() + ", marker=" + marker() + ", csrcs=" + csrcCount
        + (extension() ? ", extProfile=0x" + Integer.toHexString(extensionProfile) : "")
        + ", payload=" + payloadLength + "B" + (padding() ? ", padding=" + paddingLength : "") + "]";
  }

  /**
   * Collects the fields of one packet and lays it out in a new array. Not for the per-packet send
   * path (it allocates); use {@link RtpWriter} there.
   */
  public static final class Builder {
    private boolean marker;
    private int payloadType;
    private int sequenceNumber;
    private long timestamp;
    private long ssrc;
    private long[] csrcs = new long[0];
    private final List<HeaderExtension> extensions = new ArrayList<>();
    private boolean forceTwoByte;
    private int rawProfile = NO_EXTENSION;
    private byte[] rawExtension;
    private byte[] payload = new byte[0];
    private int paddingLength;

    private Builder() {}

    /** Sets the M bit. */
    public Builder marker(boolean marker) {
      this.marker = marker;
      return this;
    }

    /** Sets the payload type, 0..127. */
    public Builder payloadType(int payloadType) {
      if (payloadType < 0 || payloadType > 127) {
        throw new IllegalArgumentException("payload type " + payloadType + " is not in 0..127");
      }
      this.payloadType = payloadType;
      return this;
    }

    /** Sets the sequence number, 0..65535. */
    public Builder sequenceNumber(int sequenceNumber) {
      if (sequenceNumber < 0 || sequenceNumber > 0xFFFF) {
        throw new IllegalArgumentException("sequence number " + sequenceNumber + " is not in 0..65535");
      }
      this.sequenceNumber = sequenceNumber;
      return this;
    }

    /** Sets the RTP timestamp, 0..2^32-1, in clock-rate units. */
    public Builder timestamp(long timestamp) {
      this.timestamp = checkU32("timestamp", timestamp);
      return this;
    }

    /** Sets the SSRC, 0..2^32-1. */
    public Builder ssrc(long ssrc) {
      this.ssrc = checkU32("SSRC", ssrc);
      return this;
    }

    /** Sets the contributing sources, at most 15, each 0..2^32-1. */
    public Builder csrcs(List<Long> csrcs) {
      if (csrcs.size() > 15) {
        throw new IllegalArgumentException(csrcs.size() + " CSRCs exceed 15");
      }
      long[] copy = new long[csrcs.size()];
      for (int i = 0; i < copy.length; i++) {
        copy[i] = checkU32("CSRC", csrcs.get(i));
      }
      this.csrcs = copy;
      return this;
    }

    /** Adds an RFC 8285 element; the form is chosen at build time. */
    public Builder addHeaderExtension(HeaderExtension element) {
      if (rawExtension != null) {
        throw new IllegalStateException("an opaque extension block is already set");
      }
      extensions.add(element);
      return this;
    }

    /** Adds an RFC 6464 audio level element under the negotiated id. */
    public Builder audioLevel(int id, AudioLevel level) {
      return addHeaderExtension(new HeaderExtension(id, new byte[] {(byte) level.toByte()}));
    }

    /** Writes the RFC 8285 elements in the two-byte form even when all fit the one-byte form. */
    public Builder twoByteExtensions(boolean twoByte) {
      this.forceTwoByte = twoByte;
      return this;
    }

    /**
     * Sets an extension block of another profile, kept opaque; its length must be a multiple of 4.
     */
    public Builder opaqueExtension(int profile, byte[] data) {
      if (!extensions.isEmpty()) {
        throw new IllegalStateException("RFC 8285 elements are already set");
      }
      if (profile < 0 || profile > 0xFFFF) {
        throw new IllegalArgumentException("extension profile " + profile + " is not 16 bits");
      }
      if (data.length % 4 != 0 || data.length / 4 > 0xFFFF) {
        throw new IllegalArgumentException("opaque extension length " + data.length + " is not a multiple of 4");
      }
      this.rawProfile = profile;
      this.rawExtension = data.clone();
      return this;
    }

    /** Sets the payload (copied). */
    public Builder payload(byte[] payload) {
      this.payload = payload.clone();
      return this;
    }

    /** Sets the number of padding octets including the count octet; 0 for none, else 1..255. */
    public Builder paddingLength(int paddingLength) {
      if (paddingLength < 0 || paddingLength > 255) {
        throw new IllegalArgumentException("padding " + paddingLength + " is not in 0..255");
      }
      this.paddingLength = paddingLength;
      return this;
    }

    /** Lays the packet out in a new array and returns a view of it. */
    public RtpPacket build() {
      boolean twoByte = forceTwoByte;
      for (HeaderExtension e : extensions) {
        twoByte |= !e.fitsOneByteForm();
      }
      int extBody = 0;
      if (rawExtension != null) {
        extBody = rawExtension.length;
      } else if (!extensions.isEmpty()) {
        for (HeaderExtension e : extensions) {
          extBody += (twoByte ? 2 : 1) + e.length();
        }
        extBody = (extBody + 3) & ~3; // RFC 8285 4.1: pad the block to a 32-bit boundary
      }
      boolean hasExtension = rawExtension != null || !extensions.isEmpty();
      int size = FIXED_HEADER_BYTES + 4 * csrcs.length + (hasExtension ? 4 + extBody : 0)
          + payload.length + paddingLength;
      ByteBuffer b = ByteBuffer.allocate(size);
      b.put((byte) (0x80 | (paddingLength > 0 ? 0x20 : 0) | (hasExtension ? 0x10 : 0) | csrcs.length));
      b.put((byte) ((marker ? 0x80 : 0) | payloadType));
      b.putShort((short) sequenceNumber);
      b.putInt((int) timestamp);
      b.putInt((int) ssrc);
      for (long csrc : csrcs) {
        b.putInt((int) csrc);
      }
      if (hasExtension) {
        b.putShort((short) (rawExtension != null ? rawProfile : twoByte ? TWO_BYTE_PROFILE : ONE_BYTE_PROFILE));
        b.putShort((short) (extBody / 4));
        if (rawExtension != null) {
          b.put(rawExtension);
        } else {
          int start = b.position();
          for (HeaderExtension e : extensions) {
            if (twoByte) {
              b.put((byte) e.id()).put((byte) e.length());
            } else {
              b.put((byte) ((e.id() << 4) | (e.length() - 1)));
            }
            for (int i = 0; i < e.length(); i++) {
              b.put(e.byteAt(i));
            }
          }
          b.position(start + extBody); // zero padding bytes are already there
        }
      }
      b.put(payload);
      if (paddingLength > 0) {
        b.position(size - 1);
        b.put((byte) paddingLength);
      }
      b.flip();
      return parse(b);
    }

    private static long checkU32(String field, long value) {
      if (value < 0 || value > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException(field + " " + value + " is not in 0..2^32-1");
      }
      return value;
    }

    @Override
    public String toString() {
      return "RtpPacket.Builder[pt=" + payloadType + ", seq=" + sequenceNumber + ", csrcs="
          + Arrays.toString(csrcs) + "]";
    }
  }
}
