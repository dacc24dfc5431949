package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * RTCP APP (RFC 3550 section 6.7), PT 204: application-defined data.
 *
 * @param subtype 0..31, carried in the count field
 * @param ssrc the sender's SSRC
 * @param name four ISO-8859-1 characters naming the application
 * @param data application data, a multiple of 4 bytes (copied in and out)
 */
public record ApplicationDefined(int subtype, long ssrc, String name, byte[] data) implements RtcpPacket {

  /** Validates the subtype, name and data length. */
  public ApplicationDefined {
    if (subtype < 0 || subtype > 31) {
      throw new IllegalArgumentException("APP subtype " + subtype + " is not in 0..31");
    }
    U32.check("SSRC", ssrc);
    if (name.length() != 4 || !name.chars().allMatch(c -> c <= 0xFF)) {
      throw new IllegalArgumentException("APP name '" + name + "' is not 4 ISO-8859-1 characters");
    }
    if (data.length % 4 != 0) {
      throw new IllegalArgumentException("APP data of " + data.length + " bytes is not a multiple of 4");
    }
    data = data.clone();
  }

  /** A copy of the application data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  @Override
  public int sizeBytes() {
    return 12 + data.length;
  }

  @Override
  public int writeTo(ByteBuffer dst) {
    // RTCP is big-endian on the wire whatever order the caller gave dst; restore it after.
    ByteOrder order = dst.order();
    dst.order(ByteOrder.BIG_ENDIAN);
    try {
      int size = sizeBytes();
      RtcpPacket.writeHeader(dst, subtype, PT_APP, size);
      dst.putInt((int) ssrc);
      dst.put(name.getBytes(StandardCharsets.ISO_8859_1));
      dst.put(data);
      return size;
    } finally {
      dst.order(order);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ApplicationDefined a && a.subtype == subtype && a.ssrc == ssrc
        && a.name.equals(name) && Arrays.equals(a.data, data);
  }

  @Override
  public int hashCode() {
    return ((subtype * 31 + Long.hashCode(ssrc)) * 31 + name.hashCode()) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "ApplicationDefined[subtype=" + subtype + ", ssrc=" + ssrc + ", name=" + name
        + ", data=" + HexFormat.of().formatHex(data) + "]";
  }
}
