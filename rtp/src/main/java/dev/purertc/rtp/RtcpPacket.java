package dev.purertc.rtp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * One RTCP packet of a compound datagram (RFC 3550 section 6, RFC 4585 section 6).
 *
 * <p>{@link #parseCompound(ByteBuffer)} reads every packet of a datagram. Compound rules of RFC
 * 3550 6.1 (first packet SR or RR, an SDES with CNAME) are not enforced, so reduced-size RTCP
 * (RFC 5506: a lone NACK, say) is accepted. Packet types this layer does not model are kept as
 * {@link UnknownRtcpPacket}, byte for byte, so they can be passed on or counted.
 *
 * <p>Every packet is an immutable value ({@code record}) that writes itself with {@link
 * #writeTo(ByteBuffer)}; {@code parseCompound} of what {@link #writeCompound} wrote gives back
 * equal values. Padding (the P bit) is accepted on input and never written.
 */
public sealed interface RtcpPacket
    permits SenderReport, ReceiverReport, SourceDescription, Goodbye, ApplicationDefined,
        GenericNack, UnknownRtcpPacket {

  /** RFC 3550 12.1 packet types. */
  int PT_SR = 200;
  int PT_RR = 201;
  int PT_SDES = 202;
  int PT_BYE = 203;
  int PT_APP = 204;
  /** RFC 4585 6.1: transport-layer feedback; FMT 1 is the generic NACK. */
  int PT_RTPFB = 205;

  /** Size in bytes of this packet as {@link #writeTo} writes it (a multiple of 4). */
  int sizeBytes();

  /**
   * Writes this packet at {@code dst}'s position and advances it, in network byte order whatever
   * {@code dst.order()} is (that order is left as it was).
   *
   * @return the number of bytes written
   * @throws BufferOverflowException if fewer than {@link #sizeBytes()} bytes remain
   */
  int writeTo(ByteBuffer dst);

  /**
   * Reads every RTCP packet between the buffer's position and limit. The buffer's position is not
   * moved; the returned values copy what they need.
   *
   * @throws RtpParseException if the bytes are not a sequence of well-formed RTCP packets; the
   *     offset counts from the buffer's position
   */
  static List<RtcpPacket> parseCompound(ByteBuffer datagram) {
    ByteBuffer b = datagram.slice();
    if (!b.hasRemaining()) {
      throw new RtpParseException(0, "empty RTCP datagram");
    }
    List<RtcpPacket> packets = new ArrayList<>();
    int offset = 0;
    while (offset < b.limit()) {
      if (b.limit() - offset < 4) {
        throw new RtpParseException(offset, "RTCP header needs 4 bytes but " + (b.limit() - offset) + " remain");
      }
      int b0 = b.get(offset) & 0xFF;
      if (b0 >>> 6 != 2) {
        throw new RtpParseException(offset, "RTCP version " + (b0 >>> 6) + " is not 2");
      }
      int count = b0 & 0x1F;
      int type = b.get(offset + 1) & 0xFF;
      int length = 4 * ((b.getShort(offset + 2) & 0xFFFF) + 1);
      if (offset + length > b.limit()) {
        throw new RtpParseException(offset + 2, "RTCP length of " + length + " bytes exceeds the "
            + (b.limit() - offset) + " remaining");
      }
      int bodyEnd = offset + length;
      if ((b0 & 0x20) != 0) {
        int padding = b.get(bodyEnd - 1) & 0xFF;
        if (padding == 0 || padding > length - 4) {
          throw new RtpParseException(bodyEnd - 1, "padding count " + padding + " does not fit a "
              + length + "-byte packet");
        }
        bodyEnd -= padding;
      }
      RtcpReader r = new RtcpReader(b, offset + 4, bodyEnd);
      try {
        packets.add(RtcpReader.read(type, count, r, b, offset, offset + length));
      } catch (IllegalArgumentException e) {
        // A field the value type rejects (none is known to reach here); still a parse error.
        throw new RtpParseException(offset, e.getMessage());
      }
      offset += length;
    }
    return List.copyOf(packets);
  }

  /**
   * Writes {@code packets} back to back at {@code dst}'s position, as one compound datagram.
   *
   * @return the number of bytes written
   * @throws BufferOverflowException if they do not fit (nothing is written then)
   */
  static int writeCompound(List<? extends RtcpPacket> packets, ByteBuffer dst) {
    int total = 0;
    for (RtcpPacket p : packets) {
      total += p.sizeBytes();
    }
    if (dst.remaining() < total) {
      throw new BufferOverflowException();
    }
    for (RtcpPacket p : packets) {
      p.writeTo(dst);
    }
    return total;
  }

  /** Writes the 4-byte common header (RFC 3550 6.4.1) for a packet of {@code sizeBytes}. */
  static void writeHeader(ByteBuffer dst, int count, int packetType, int sizeBytes) {
    if (dst.remaining() < sizeBytes) {
      throw new BufferOverflowException();
    }
    dst.put((byte) (0x80 | count));
    dst.put((byte) packetType);
    dst.putShort((short) (sizeBytes / 4 - 1));
  }
}
