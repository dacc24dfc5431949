package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Bounds-checked reads inside one RTCP packet body; every failure is an RtpParseException. */
final class RtcpReader {
  private final ByteBuffer b;
  private int at;
  private final int end;

  RtcpReader(ByteBuffer b, int start, int end) {
    this.b = b;
    this.at = start;
    this.end = end;
  }

  static RtcpPacket read(int type, int count, RtcpReader r, ByteBuffer b, int start, int end) {
    switch (type) {
      case RtcpPacket.PT_SR: {
        long ssrc = r.u32("SR sender SSRC");
        long ntp = r.u64("SR NTP timestamp");
        long rtp = r.u32("SR RTP timestamp");
        long packets = r.u32("SR packet count");
        long octets = r.u32("SR octet count");
        // RFC 3550 6.4.1: profile-specific extensions after the blocks are not modelled; dropped.
        return new SenderReport(ssrc, ntp, rtp, packets, octets, r.reportBlocks(count));
      }
      case RtcpPacket.PT_RR: {
        long ssrc = r.u32("RR sender SSRC");
        return new ReceiverReport(ssrc, r.reportBlocks(count));
      }
      case RtcpPacket.PT_SDES:
        return r.sdes(count);
      case RtcpPacket.PT_BYE:
        return r.bye(count);
      case RtcpPacket.PT_APP: {
        long ssrc = r.u32("APP SSRC");
        byte[] name = r.bytes(4, "APP name");
        return new ApplicationDefined(count, ssrc, new String(name, StandardCharsets.ISO_8859_1), r.rest());
      }
      case RtcpPacket.PT_RTPFB:
        if (count == GenericNack.FMT) {
          long sender = r.u32("NACK sender SSRC");
          long media = r.u32("NACK media SSRC");
          List<GenericNack.Entry> entries = new ArrayList<>();
          while (r.remaining() > 0) {
            int pid = r.u16("NACK PID");
            int blp = r.u16("NACK BLP");
            entries.add(new GenericNack.Entry(pid, blp));
          }
          return new GenericNack(sender, media, entries);
        }
        return opaque(type, count, b, start, end);
      default:
        return opaque(type, count, b, start, end);
    }
  }

  private static RtcpPacket opaque(int type, int count, ByteBuffer b, int start, int end) {
    // Keep the body as written, padding included, so the packet can be forwarded unchanged.
    byte[] body = new byte[end - start - 4];
    b.get(start + 4, body);
    return new UnknownRtcpPacket(type, count, (b.get(start) & 0x20) != 0, body);
  }

  /** Strict UTF-8: text that would not survive a round trip is a parse error, not a silent change. */
  private static String utf8(byte[] text, int offset, String field) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(text))
          .toString();
    } catch (CharacterCodingException e) {
      throw new RtpParseException(offset, field + " is not valid UTF-8");
    }
  }

  int remaining() {
    return end - at;
  }

  private void need(int n, String field) {
    if (end - at < n) {
      throw new RtpParseException(at, field + " needs " + n + " bytes but " + (end - at) + " remain");
    }
  }

  int u8(String field) {
    need(1, field);
    return b.get(at++) & 0xFF;
  }

  int u16(String field) {
    need(2, field);
    int v = b.getShort(at) & 0xFFFF;
    at += 2;
    return v;
  }

  long u32(String field) {
    need(4, field);
    long v = b.getInt(at) & 0xFFFF_FFFFL;
    at += 4;
    return v;
  }

  long u64(String field) {
    need(8, field);
    long v = b.getLong(at);
    at += 8;
    return v;
  }

  byte[] bytes(int n, String field) {
    need(n, field);
    byte[] out = new byte[n];
    b.get(at, out);
    at += n;
    return out;
  }

  byte[] rest() {
    return bytes(end - at, "rest");
  }

  private List<ReportBlock> reportBlocks(int count) {
    List<ReportBlock> blocks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      need(24, "report block " + i);
      long ssrc = u32("report block SSRC");
      int fraction = u8("fraction lost");
      int cumulative = (u8("cumulative lost") << 16) | u16("cumulative lost");
      cumulative = (cumulative << 8) >> 8; // RFC 3550 6.4.1: signed 24-bit
      long highest = u32("extended highest sequence number");
      long jitter = u32("interarrival jitter");
      long lsr = u32("LSR");
      long dlsr = u32("DLSR");
      blocks.add(new ReportBlock(ssrc, fraction, cumulative, highest, jitter, lsr, dlsr));
    }
    return blocks;
  }

  private SourceDescription sdes(int count) {
    List<SourceDescription.Chunk> chunks = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int chunkStart = at;
      long ssrc = u32("SDES chunk SSRC");
      List<SourceDescription.Item> items = new ArrayList<>();
      while (true) {
        int itemAt = at;
        int type = u8("SDES item type");
        if (type == 0) {
          break; // RFC 3550 6.5: END, then null octets up to the next 32-bit boundary
        }
        int length = u8("SDES item length");
        byte[] text = bytes(length, "SDES item text");
        items.add(new SourceDescription.Item(type, utf8(text, itemAt + 2, "SDES item text")));
      }
      int pad = (4 - ((at - chunkStart) & 3)) & 3;
      if (pad > remaining()) {
        throw new RtpParseException(at, "SDES chunk padding needs " + pad + " bytes but "
            + remaining() + " remain");
      }
      at += pad;
      chunks.add(new SourceDescription.Chunk(ssrc, items));
    }
    return new SourceDescription(chunks);
  }

  private Goodbye bye(int count) {
    List<Long> ssrcs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ssrcs.add(u32("BYE SSRC"));
    }
    String reason = "";
    if (remaining() > 0) {
      int length = u8("BYE reason length");
      int reasonAt = at;
      reason = utf8(bytes(length, "BYE reason"), reasonAt, "BYE reason");
    }
    return new Goodbye(ssrcs, reason);
  }
}
