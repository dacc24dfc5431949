package dev.purertc.rtp;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The allocation-free send path: writes RTP packets of one outgoing stream straight into the
 * caller's buffer.
 *
 * <p>What stays constant for a stream (SSRC, payload type, CSRCs, whether the RFC 6464 audio level
 * element is sent and under which id) is fixed at construction; what changes per packet (sequence
 * number, timestamp, marker, level, payload) is passed to {@link #write}. The audio level element,
 * when configured, is written in the one-byte form of RFC 8285 (4 bytes of extension data: the
 * element header, the level byte and two padding bytes).
 *
 * <p>Instances are immutable and may be shared between threads; the buffers are the caller's.
 * Packets are written in network byte order whatever {@code dst.order()} is, and that order is
 * left as it was.
 */
public final class RtpWriter {

  private final long ssrc;
  private final int payloadType;
  private final long[] csrcs;
  private final int audioLevelId; // 0 = no audio level element

  /**
   * @param ssrc synchronization source, 0..2^32-1
   * @param payloadType payload type, 0..127
   * @param csrcs contributing sources, at most 15
   * @param audioLevelId negotiated id (1..14) of the RFC 6464 element, or 0 to send none
   */
  public RtpWriter(long ssrc, int payloadType, List<Long> csrcs, int audioLevelId) {
    if (ssrc < 0 || ssrc > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("SSRC " + ssrc + " is not in 0..2^32-1");
    }
    if (payloadType < 0 || payloadType > 127) {
      throw new IllegalArgumentException("payload type " + payloadType + " is not in 0..127");
    }
    if (csrcs.size() > 15) {
      throw new IllegalArgumentException(csrcs.size() + " CSRCs exceed 15");
    }
    if (audioLevelId < 0 || audioLevelId > 14) {
      throw new IllegalArgumentException("audio level id " + audioLevelId + " is not in 0..14");
    }
    this.ssrc = ssrc;
    this.payloadType = payloadType;
    this.csrcs = csrcs.stream().mapToLong(Long::longValue).toArray();
    for (long c : this.csrcs) {
      if (c < 0 || c > 0xFFFF_FFFFL) {
        throw new IllegalArgumentException("CSRC " + c + " is not in 0..2^32-1");
      }
    }
    this.audioLevelId = audioLevelId;
  }

  /** Size in bytes of a packet carrying {@code payloadLength} payload bytes. */
  public int packetSize(int payloadLength) {
    return RtpPacket.FIXED_HEADER_BYTES + 4 * csrcs.length + (audioLevelId != 0 ? 8 : 0) + payloadLength;
  }

  /**
   * Writes one packet at {@code dst}'s position and advances it. The payload is the bytes between
   * {@code payload}'s position and limit; its position is not moved. Allocates nothing.
   *
   * @param sequenceNumber 0..65535 (only the low 16 bits are written)
   * @param timestamp RTP timestamp (only the low 32 bits are written)
   * @param marker the M bit
   * @param voiceActivity RFC 6464 V bit; ignored when no audio level id is configured
   * @param levelMinusDbov RFC 6464 level, 0..127 (-dBov); ignored when no id is configured
   * @return the number of bytes written
   * @throws BufferOverflowException if {@code dst} is too small (nothing is written then)
   */
  public int write(ByteBuffer dst, int sequenceNumber, long timestamp, boolean marker,
      boolean voiceActivity, int levelMinusDbov, ByteBuffer payload) {
    int payloadLength = payload.remaining();
    int size = packetSize(payloadLength);
    if (dst.remaining() < size) {
      throw new BufferOverflowException();
    }
    int at = dst.position();
    // RTP is big-endian on the wire; the absolute puts below follow dst's order, so swap for a
    // little-endian buffer rather than change the caller's setting.
    boolean swap = dst.order() != ByteOrder.BIG_ENDIAN;
    boolean ext = audioLevelId != 0;
    dst.put(at, (byte) (0x80 | (ext ? 0x10 : 0) | csrcs.length));
    dst.put(at + 1, (byte) ((marker ? 0x80 : 0) | payloadType));
    dst.putShort(at + 2, u16(swap, sequenceNumber));
    dst.putInt(at + 4, u32(swap, timestamp));
    dst.putInt(at + 8, u32(swap, ssrc));
    int i = at + RtpPacket.FIXED_HEADER_BYTES;
    for (long c : csrcs) {
      dst.putInt(i, u32(swap, c));
      i += 4;
    }
    if (ext) {
      // RFC 8285 4.2 one-byte form, RFC 6464 3: one element of one byte (L = 0), padded to 4 bytes.
      dst.putShort(i, u16(swap, RtpPacket.ONE_BYTE_PROFILE));
      dst.putShort(i + 2, u16(swap, 1));
      dst.put(i + 4, (byte) (audioLevelId << 4));
      dst.put(i + 5, (byte) ((voiceActivity ? 0x80 : 0) | (levelMinusDbov & 0x7F)));
      dst.putShort(i + 6, (short) 0);
      i += 8;
    }
    dst.put(i, payload, payload.position(), payloadLength);
    dst.position(at + size);
    return size;
  }

  private static short u16(boolean swap, int value) {
    return swap ? Short.reverseBytes((short) value) : (short) value;
  }

  private static int u32(boolean swap, long value) {
    return swap ? Integer.reverseBytes((int) value) : (int) value;
  }

  /** {@link #write} for a stream without the audio level element (or with level 127, silent). */
  public int write(ByteBuffer dst, int sequenceNumber, long timestamp, boolean marker, ByteBuffer payload) {
    return write(dst, sequenceNumber, timestamp, marker, false, 127, payload);
  }
}
