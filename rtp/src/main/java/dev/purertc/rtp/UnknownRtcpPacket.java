package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An RTCP packet of a type (or feedback format) this layer does not model, kept byte for byte:
 * PSFB, XR, RTPFB other than NACK, and anything newer.
 *
 * @param packetType the PT octet, 0..255
 * @param count the 5-bit count or FMT field
 * @param padded the P bit as received; the body then ends with the padding
 * @param body everything after the 4-byte header, a multiple of 4 bytes (copied in and out)
 */
public record UnknownRtcpPacket(int packetType, int count, boolean padded, byte[] body) implements RtcpPacket {

  /** Validates the field widths and body alignment. */
  public UnknownRtcpPacket {
    if (packetType < 0 || packetType > 255) {
      throw new IllegalArgumentException("packet type " + packetType + " is not in 0..255");
    }
    if (count < 0 || count > 31) {
      throw new IllegalArgumentException("count " + count + " is not in 0..31");
    }
    if (body.length % 4 != 0 || body.length > 4 * 0xFFFF) {
      throw new IllegalArgumentException("body of " + body.length + " bytes is not a multiple of 4");
    }
    body = body.clone();
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public int sizeBytes() {
    return 4 + body.length;
  }

  @Override
  public int writeTo(ByteBuffer dst) {
    // RTCP is big-endian on the wire whatever order the caller gave dst; restore it after.
    ByteOrder order = dst.order();
    dst.order(ByteOrder.BIG_ENDIAN);
    try {
      int size = sizeBytes();
      if (dst.remaining() < size) {
        throw new java.nio.BufferOverflowException();
      }
      dst.put((byte) (0x80 | (padded ? 0x20 : 0) | count));
      dst.put((byte) packetType);
      dst.putShort((short) (size / 4 - 1));
      dst.put(body);
      return size;
    } finally {
      dst.order(order);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UnknownRtcpPacket u && u.packetType == packetType && u.count == count
        && u.padded == padded && Arrays.equals(u.body, body);
  }

  @Override
  public int hashCode() {
    return ((packetType * 31 + count) * 31 + Boolean.hashCode(padded)) * 31 + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "UnknownRtcpPacket[pt=" + packetType + ", count=" + count + ", padded=" + padded
        + ", body=" + HexFormat.of().formatHex(body) + "]";
  }
}
