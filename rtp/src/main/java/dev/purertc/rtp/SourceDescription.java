package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * RTCP source description (RFC 3550 section 6.5), PT 202: one chunk of items per source.
 *
 * @param chunks at most 31 chunks
 */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {

  /** RFC 3550 6.5.1: canonical end-point identifier. */
  public static final int CNAME = 1;

  /** Validates the 5-bit chunk count. */
  public SourceDescription {
    chunks = List.copyOf(chunks);
    if (chunks.size() > 31) {
      throw new IllegalArgumentException(chunks.size() + " SDES chunks exceed 31");
    }
  }

  /** A description with one chunk carrying only a CNAME, the form RFC 3550 6.1 requires. */
  public static SourceDescription ofCname(long ssrc, String cname) {
    return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
  }

  /**
   * The items about one source.
   *
   * @param ssrc the source (SSRC or CSRC)
   * @param items its items in order
   */
  public record Chunk(long ssrc, List<Item> items) {
    /** Validates the SSRC. */
    public Chunk {
      U32.check("SSRC", ssrc);
      items = List.copyOf(items);
    }

    /** The CNAME item's text, if there is one. */
    public Optional<String> cname() {
      return items.stream().filter(i -> i.type() == CNAME).map(Item::text).findFirst();
    }

    int sizeBytes() {
      int n = 4;
      for (Item item : items) {
        n += 2 + item.encodedLength();
      }
      return (n + 1 + 3) & ~3; // RFC 3550 6.5: END octet, then pad to a 32-bit boundary
    }
  }

  /**
   * One SDES item.
   *
   * @param type item type 1..255 (1 CNAME, 2 NAME, ... 8 PRIV)
   * @param text UTF-8 text of at most 255 bytes
   */
  public record Item(int type, String text) {
    /** Validates the type and the encoded length. */
    public Item {
      if (type < 1 || type > 255) {
        throw new IllegalArgumentException("SDES item type " + type + " is not in 1..255");
      }
      if (text.getBytes(StandardCharsets.UTF_8).length > 255) {
        throw new IllegalArgumentException("SDES item text exceeds 255 UTF-8 bytes");
      }
    }

    int encodedLength() {
      return text.getBytes(StandardCharsets.UTF_8).length;
    }
  }

  @Override
  public int sizeBytes() {
    int n = 4;
    for (Chunk c : chunks) {
      n += c.sizeBytes();
    }
    return n;
  }

  @Override
  public int writeTo(ByteBuffer dst) {
    // RTCP is big-endian on the wire whatever order the caller gave dst; restore it after.
    ByteOrder order = dst.order();
    dst.order(ByteOrder.BIG_ENDIAN);
    try {
      int size = sizeBytes();
      RtcpPacket.writeHeader(dst, chunks.size(), PT_SDES, size);
      for (Chunk c : chunks) {
        int start = dst.position();
        dst.putInt((int) c.ssrc());
        for (Item item : c.items()) {
          byte[] text = item.text().getBytes(StandardCharsets.UTF_8);
          dst.put((byte) item.type()).put((byte) text.length).put(text);
        }
        int end = start + c.sizeBytes();
        while (dst.position() < end) {
          dst.put((byte) 0); // END and the null padding
        }
      }
      return size;
    } finally {
      dst.order(order);
    }
  }
}
