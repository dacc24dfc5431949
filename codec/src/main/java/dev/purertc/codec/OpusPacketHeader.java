package dev.purertc.codec;

/**
 * What an Opus packet says about itself: its TOC byte (RFC 6716 §3.1), its frame layout
 * (§3.2), and whether its first frame carries in-band FEC (the SILK LBRR flag, §4.2.3).
 *
 * @param config             TOC configuration number, 0..31 (RFC 6716 Table 2)
 * @param mode               coding mode of the configuration
 * @param bandwidth          audio bandwidth of the configuration
 * @param frameDurationMicros duration of each frame, in microseconds (2500 .. 60000)
 * @param stereo             the TOC 's' bit: the frames are coded as stereo
 * @param frameCount         number of frames in the packet, 1..48
 * @param carriesFec         the first frame holds LBRR (redundant) data for the previous frame
 */
public record OpusPacketHeader(
        int config,
        Mode mode,
        AudioBandwidth bandwidth,
        int frameDurationMicros,
        boolean stereo,
        int frameCount,
        boolean carriesFec) {

    /** Opus coding modes (RFC 6716 §2). */
    public enum Mode {
        /** Linear prediction (SILK) only. */
        SILK,
        /** SILK below 8 kHz plus CELT above. */
        HYBRID,
        /** MDCT (CELT) only. */
        CELT
    }

    /** RFC 6716 §3.4 R2: no frame is longer than 1275 bytes. */
    static final int MAX_FRAME_BYTES = 1275;
    /** RFC 6716 §3.4 R5: a packet lasts at most 120 ms. */
    static final int MAX_PACKET_MICROS = 120_000;

    public OpusPacketHeader {
        if (config < 0 || config > 31) {
            throw new IllegalArgumentException("config not in 0..31: " + config);
        }
        if (mode == null || bandwidth == null) {
            throw new IllegalArgumentException("mode and bandwidth are required");
        }
        if (frameCount < 1 || (long) frameCount * frameDurationMicros > MAX_PACKET_MICROS) {
            throw new IllegalArgumentException("packet longer than 120 ms: " + frameCount + " x " + frameDurationMicros);
        }
        if (carriesFec && mode == Mode.CELT) {
            throw new IllegalArgumentException("CELT-only packets carry no LBRR");
        }
    }

    /** Duration of the whole packet, in microseconds. */
    public int durationMicros() {
        return frameCount * frameDurationMicros;
    }

    /** Samples per channel the packet decodes to at {@code sampleRate} Hz. */
    public int samplesAt(int sampleRate) {
        return (int) ((long) durationMicros() * sampleRate / 1_000_000L);
    }

    /**
     * Parses and validates a whole Opus packet against RFC 6716 §3.4 rules R1..R7.
     *
     * @param packet the RTP payload; read only
     * @throws CodecFormatException if the packet breaks one of the rules; the message names the byte
     */
    public static OpusPacketHeader parse(byte[] packet) throws CodecFormatException {
        if (packet == null || packet.length == 0) {
            // R1: at least one byte.
            throw new CodecFormatException("byte 0", "empty packet has no TOC byte");
        }
        int toc = packet[0] & 0xFF;
        int config = toc >>> 3;
        boolean stereo = (toc & 0x04) != 0;
        int code = toc & 0x03;
        Mode mode;
        AudioBandwidth bandwidth;
        int frameMicros;
        // RFC 6716 Table 2.
        if (config < 12) {
            mode = Mode.SILK;
            bandwidth = config < 4 ? AudioBandwidth.NARROWBAND
                    : config < 8 ? AudioBandwidth.MEDIUMBAND : AudioBandwidth.WIDEBAND;
            frameMicros = new int[] {10_000, 20_000, 40_000, 60_000}[config & 3];
        } else if (config < 16) {
            mode = Mode.HYBRID;
            bandwidth = config < 14 ? AudioBandwidth.SUPERWIDEBAND : AudioBandwidth.FULLBAND;
            frameMicros = (config & 1) == 0 ? 10_000 : 20_000;
        } else {
            mode = Mode.CELT;
            bandwidth = new AudioBandwidth[] {AudioBandwidth.NARROWBAND, AudioBandwidth.WIDEBAND,
                AudioBandwidth.SUPERWIDEBAND, AudioBandwidth.FULLBAND}[(config - 16) >> 2];
            frameMicros = new int[] {2_500, 5_000, 10_000, 20_000}[config & 3];
        }

        int length = packet.length;
        int frameCount;
        int firstOffset;
        int firstLength;
        switch (code) {
            case 0 -> {
                frameCount = 1;
                firstOffset = 1;
                firstLength = length - 1;
                checkFrameLength(firstLength, 1);
            }
            case 1 -> {
                // R3: two frames of equal size.
                frameCount = 2;
                if (((length - 1) & 1) != 0) {
                    throw new CodecFormatException("byte 1", "code 1 payload of " + (length - 1) + " bytes is odd");
                }
                firstOffset = 1;
                firstLength = (length - 1) / 2;
                checkFrameLength(firstLength, 1);
            }
            case 2 -> {
                // R4: the first frame's length fits, the second takes the rest.
                frameCount = 2;
                int[] sizeAndBytes = readFrameLength(packet, 1, length);
                firstLength = sizeAndBytes[0];
                firstOffset = 1 + sizeAndBytes[1];
                if (firstLength > length - firstOffset) {
                    throw new CodecFormatException("byte 1", "first frame of " + firstLength
                            + " bytes exceeds the " + (length - firstOffset) + " bytes left");
                }
                checkFrameLength(firstLength, 1);
                checkFrameLength(length - firstOffset - firstLength, firstOffset + firstLength);
            }
            default -> {
                if (length < 2) {
                    throw new CodecFormatException("byte 1", "code 3 packet has no frame count byte");
                }
                int countByte = packet[1] & 0xFF;
                boolean vbr = (countByte & 0x80) != 0;
                boolean padded = (countByte & 0x40) != 0;
                frameCount = countByte & 0x3F;
                // R5: at least one frame, at most 120 ms.
                if (frameCount == 0 || frameCount * frameMicros > MAX_PACKET_MICROS) {
                    throw new CodecFormatException("byte 1", "code 3 frame count " + frameCount
                            + " of " + frameMicros + " us frames is not within 1 frame .. 120 ms");
                }
                int pos = 2;
                int padding = 0;
                if (padded) {
                    while (true) {
                        if (pos >= length) {
                            throw new CodecFormatException("byte " + pos, "padding length runs past the end");
                        }
                        int p = packet[pos++] & 0xFF;
                        padding += p == 255 ? 254 : p;
                        if (p != 255) {
                            break;
                        }
                    }
                }
                int dataEnd = length - padding;
                if (dataEnd < pos) {
                    throw new CodecFormatException("byte " + pos, "padding of " + padding + " bytes exceeds the packet");
                }
                if (vbr) {
                    // R7: M-1 coded lengths, the last frame takes what is left.
                    int total = 0;
                    firstLength = -1;
                    for (int i = 0; i < frameCount - 1; i++) {
                        int[] sizeAndBytes = readFrameLength(packet, pos, dataEnd);
                        int at = pos;
                        pos += sizeAndBytes[1];
                        checkFrameLength(sizeAndBytes[0], at);
                        if (i == 0) {
                            firstLength = sizeAndBytes[0];
                        }
                        total += sizeAndBytes[0];
                    }
                    int last = dataEnd - pos - total;
                    if (last < 0) {
                        throw new CodecFormatException("byte " + pos, "frame lengths exceed the "
                                + (dataEnd - pos) + " bytes left");
                    }
                    checkFrameLength(last, pos + total);
                    if (firstLength < 0) {
                        firstLength = last;
                    }
                } else {
                    // R6: CBR frames share the rest equally.
                    int rest = dataEnd - pos;
                    if (rest % frameCount != 0) {
                        throw new CodecFormatException("byte " + pos, "CBR payload of " + rest
                                + " bytes does not split into " + frameCount + " frames");
                    }
                    firstLength = rest / frameCount;
                    checkFrameLength(firstLength, pos);
                }
                firstOffset = pos;
            }
        }
        boolean fec = mode != Mode.CELT
                && hasLbrr(packet, firstOffset, firstLength, stereo, Math.max(1, frameMicros / 20_000));
        return new OpusPacketHeader(config, mode, bandwidth, frameMicros, stereo, frameCount, fec);
    }

    private static void checkFrameLength(int frameLength, int offset) throws CodecFormatException {
        if (frameLength > MAX_FRAME_BYTES) {
            throw new CodecFormatException("byte " + offset, "frame of " + frameLength
                    + " bytes exceeds " + MAX_FRAME_BYTES);
        }
    }

    /** RFC 6716 §3.2.1: returns {length, bytes used}. */
    private static int[] readFrameLength(byte[] packet, int pos, int end) throws CodecFormatException {
        if (pos >= end) {
            throw new CodecFormatException("byte " + pos, "frame length byte missing");
        }
        int b0 = packet[pos] & 0xFF;
        if (b0 < 252) {
            return new int[] {b0, 1};
        }
        if (pos + 1 >= end) {
            throw new CodecFormatException("byte " + (pos + 1), "second frame length byte missing");
        }
        return new int[] {4 * (packet[pos + 1] & 0xFF) + b0, 2};
    }

    /**
     * RFC 6716 §4.2.3: a SILK frame starts with, per channel, one VAD flag per 20 ms SILK frame
     * and then one LBRR flag, each range coded with probability 1/2. Frames of 0 or 1 byte are
     * DTX/lost (§4.2.1 / libopus treats them as missing) and carry nothing.
     */
    private static boolean hasLbrr(byte[] packet, int offset, int length, boolean stereo, int silkFrames) {
        if (length <= 1) {
            return false;
        }
        RangeDecoder rd = new RangeDecoder(packet, offset, length);
        boolean lbrr = false;
        for (int channel = 0; channel < (stereo ? 2 : 1); channel++) {
            for (int i = 0; i < silkFrames; i++) {
                rd.decodeBitLogp(1); // VAD flag
            }
            lbrr |= rd.decodeBitLogp(1);
        }
        return lbrr;
    }

    /** The range decoder of RFC 6716 §4.1, only as far as single bits go. */
    private static final class RangeDecoder {
        private final byte[] buf;
        private final int end;
        private int pos;
        private long rng;
        private long val;
        private int rem;

        RangeDecoder(byte[] buf, int offset, int length) {
            this.buf = buf;
            this.pos = offset;
            this.end = offset + length;
            // RFC 6716 §4.1.1: rng = 128, val = 127 - (b0 >> 1), keep b0's low bit.
            rem = readByte();
            rng = 128;
            val = 127 - (rem >> 1);
            normalize();
        }

        private int readByte() {
            return pos < end ? buf[pos++] & 0xFF : 0;
        }

        private void normalize() {
            // RFC 6716 §4.1.2.1: keep rng above 2^23.
            while (rng <= (1L << 23)) {
                rng <<= 8;
                int sym = rem;
                rem = readByte();
                sym = ((sym << 8) | rem) >> 1;
                val = ((val << 8) + (255 & ~sym)) & 0x7FFFFFFFL;
            }
        }

        /** RFC 6716 §4.1.3.2 ec_dec_bit_logp: a 1 takes the top 1/2^logp of the range. */
        boolean decodeBitLogp(int logp) {
            long s = rng >>> logp;
            boolean bit = val < s;
            if (!bit) {
                val -= s;
                rng -= s;
            } else {
                rng = s;
            }
            normalize();
            return bit;
        }
    }
}
