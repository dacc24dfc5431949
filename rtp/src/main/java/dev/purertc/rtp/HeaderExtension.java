package dev.purertc.rtp;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One RTP header extension element (RFC 8285 section 4): a local identifier negotiated with
 * {@code a=extmap} and its data.
 *
 * <p>The data array is copied in and out, so a value never changes.
 *
 * @param id local identifier: 1..14 fit the one-byte form, 1..255 the two-byte form
 * @param data element body; 1..16 bytes fit the one-byte form, 0..255 the two-byte form
 */
public record HeaderExtension(int id, byte[] data) {

  /** Validates the ranges of the two-byte form, the wider of the two. */
  public HeaderExtension {
    if (id < 1 || id > 255) {
      throw new IllegalArgumentException("extension id " + id + " is not in 1..255");
    }
    if (data.length > 255) {
      throw new IllegalArgumentException("extension data of " + data.length + " bytes exceeds 255");
    }
    data = data.clone();
  }

  /** A copy of the element body. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** Whether this element can be written in the one-byte form (RFC 8285 section 4.2). */
  boolean fitsOneByteForm() {
    return id <= 14 && data.length >= 1 && data.length <= 16;
  }

  int length() {
    return data.length;
  }

  byte byteAt(int index) {
    return data[index];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HeaderExtension other && other.id == id && Arrays.equals(other.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * id + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "HeaderExtension[id=" + id + ", data=" + HexFormat.of().formatHex(data) + "]";
  }
}
