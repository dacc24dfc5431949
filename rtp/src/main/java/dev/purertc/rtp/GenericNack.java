package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Generic NACK (RFC 4585 section 6.2.1): transport-layer feedback (PT 205) with FMT 1, asking the
 * media sender to retransmit lost packets.
 *
 * @param senderSsrc SSRC of the packet sender (the receiver of the media)
 * @param mediaSsrc SSRC of the media source the NACK is about
 * @param entries FCI entries: a packet id and a bitmask of the 16 following losses
 */
public record GenericNack(long senderSsrc, long mediaSsrc, List<Entry> entries) implements RtcpPacket {

  /** RFC 4585 6.2.1: the FMT value of the generic NACK. */
  public static final int FMT = 1;

  /** Validates the SSRCs and the length field's capacity. */
  public GenericNack {
    U32.check("sender SSRC", senderSsrc);
    U32.check("media SSRC", mediaSsrc);
    entries = List.copyOf(entries);
    if (entries.size() > 0xFFFF - 2) {
      throw new IllegalArgumentException(entries.size() + " NACK entries exceed the length field");
    }
  }

  /**
   * One FCI entry.
   *
   * @param packetId PID: sequence number of a lost packet, 0..65535
   * @param lostBitmask BLP: bit i set means packet PID+i+1 is lost too, 0..65535
   */
  public record Entry(int packetId, int lostBitmask) {
    /** Validates both 16-bit fields. */
    public Entry {
      if (packetId < 0 || packetId > 0xFFFF) {
        throw new IllegalArgumentException("PID " + packetId + " is not 16 bits");
      }
      if (lostBitmask < 0 || lostBitmask > 0xFFFF) {
        throw new IllegalArgumentException("BLP " + lostBitmask + " is not 16 bits");
      }
    }
  }

  /**
   * A NACK for these lost sequence numbers, packed into as few entries as possible; numbers are
   * sorted in wrap-around order starting from the first one given.
   */
  public static GenericNack of(long senderSsrc, long mediaSsrc, List<Integer> lostSequenceNumbers) {
    if (lostSequenceNumbers.isEmpty()) {
      return new GenericNack(senderSsrc, mediaSsrc, List.of());
    }
    int base = lostSequenceNumbers.get(0) & 0xFFFF;
    SortedSet<Integer> distances = new TreeSet<>();
    for (int s : lostSequenceNumbers) {
      distances.add((s - base) & 0xFFFF);
    }
    List<Entry> entries = new ArrayList<>();
    int pid = -1;
    int mask = 0;
    for (int d : distances) {
      if (pid >= 0 && d - pid <= 16) {
        mask |= 1 << (d - pid - 1);
      } else {
        if (pid >= 0) {
          entries.add(new Entry((base + pid) & 0xFFFF, mask));
        }
        pid = d;
        mask = 0;
      }
    }
    entries.add(new Entry((base + pid) & 0xFFFF, mask));
    return new GenericNack(senderSsrc, mediaSsrc, entries);
  }

  /** Every sequence number this NACK reports lost, in entry order. */
  public List<Integer> lostSequenceNumbers() {
    List<Integer> lost = new ArrayList<>();
    for (Entry e : entries) {
      lost.add(e.packetId());
      for (int i = 0; i < 16; i++) {
        if ((e.lostBitmask() & (1 << i)) != 0) {
          lost.add((e.packetId() + i + 1) & 0xFFFF);
        }
      }
    }
    return lost;
  }

  @Override
  public int sizeBytes() {
    return 12 + 4 * entries.size();
  }

  @Override
  public int writeTo(ByteBuffer dst) {
    // RTCP is big-endian on the wire whatever order the caller gave dst; restore it after.
    ByteOrder order = dst.order();
    dst.order(ByteOrder.BIG_ENDIAN);
    try {
      int size = sizeBytes();
      RtcpPacket.writeHeader(dst, FMT, PT_RTPFB, size);
      dst.putInt((int) senderSsrc);
      dst.putInt((int) mediaSsrc);
      for (Entry e : entries) {
        dst.putShort((short) e.packetId());
        dst.putShort((short) e.lostBitmask());
      }
      return size;
    } finally {
      dst.order(order);
    }
  }
}
