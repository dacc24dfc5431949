package dev.purertc.janus;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a minimal Ogg Opus file (RFC 7845) for the play_file tests, since no Opus encoder tool
 * is installed: mono, 48 kHz, every packet a one-byte Opus packet (TOC only: a 20 ms frame of
 * length zero, which RFC 6716 section 3.2.1 allows and decoders render as silence).
 */
final class OggOpusFile {
    private static final int SAMPLES_PER_PACKET = 960; // 20 ms at 48 kHz
    private static final int PRE_SKIP = 312;
    private static final int[] CRC_TABLE = new int[256];

    static {
        // Ogg's CRC-32: polynomial 0x04c11db7, no reflection, initial value 0 (RFC 3533 section 6).
        for (int i = 0; i < 256; i++) {
            int r = i << 24;
            for (int b = 0; b < 8; b++) {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04c11db7 : r << 1;
            }
            CRC_TABLE[i] = r;
        }
    }

    private OggOpusFile() {
    }

    /** The bytes of a file of {@code packets} 20 ms packets, {@code packetsPerPage} to a page. */
    static byte[] silence(int packets, int packetsPerPage) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int serial = 0x50555245; // "PURE"
        int sequence = 0;
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 1)
                .putShort((short) PRE_SKIP).putInt(48000).putShort((short) 0).put((byte) 0);
        page(out, 0x02, 0, serial, sequence++, new byte[][] {head.array()});
        byte[] vendor = "purertc-test".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tags = ByteBuffer.allocate(8 + 4 + vendor.length + 4).order(ByteOrder.LITTLE_ENDIAN);
        tags.put("OpusTags".getBytes(StandardCharsets.US_ASCII)).putInt(vendor.length).put(vendor).putInt(0);
        page(out, 0, 0, serial, sequence++, new byte[][] {tags.array()});
        long granule = PRE_SKIP;
        for (int written = 0; written < packets; ) {
            int n = Math.min(packetsPerPage, packets - written);
            byte[][] page = new byte[n][];
            for (int i = 0; i < n; i++) {
                page[i] = new byte[] {(byte) 0x08}; // TOC: config 1 (SILK NB 20 ms), mono, code 0
            }
            written += n;
            granule += (long) n * SAMPLES_PER_PACKET;
            page(out, written == packets ? 0x04 : 0, granule, serial, sequence++, page);
        }
        return out.toByteArray();
    }

    private static void page(ByteArrayOutputStream out, int flags, long granule, int serial, int sequence,
            byte[][] packets) {
        ByteArrayOutputStream lacing = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : packets) {
            int left = p.length;
            while (left >= 255) {
                lacing.write(255);
                left -= 255;
            }
            lacing.write(left);
            body.writeBytes(p);
        }
        ByteBuffer header = ByteBuffer.allocate(27 + lacing.size()).order(ByteOrder.LITTLE_ENDIAN);
        header.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) flags).putLong(granule)
                .putInt(serial).putInt(sequence).putInt(0).put((byte) lacing.size()).put(lacing.toByteArray());
        byte[] pageBytes = new byte[header.capacity() + body.size()];
        System.arraycopy(header.array(), 0, pageBytes, 0, header.capacity());
        System.arraycopy(body.toByteArray(), 0, pageBytes, header.capacity(), body.size());
        int crc = 0;
        for (byte b : pageBytes) {
            crc = (crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff];
        }
        ByteBuffer.wrap(pageBytes, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(crc);
        out.writeBytes(pageBytes);
    }
}
