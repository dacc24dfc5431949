package dev.purertc.codec;

/**
 * ITU-T G.711 companding: µ-law (RTP PCMU, payload type 0) and A-law (PCMA, payload type 8), on
 * 16-bit linear PCM at 8 kHz.
 *
 * <p>The conversions follow the segment arithmetic of G.711 §2/§3 (Tables 1a/2a), as the ITU-T
 * G.191 reference software computes it: µ-law works on the 14 most significant bits with a bias
 * of 33, A-law on the 13 most significant bits; decoding gives the reconstruction value of each
 * code scaled to 16 bits (µ-law by 4, A-law by 8). Bit-exactness is checked in tests against all
 * 65536 inputs and all 256 codes of an independent implementation.
 *
 * <p>All methods are pure functions; the input arrays are only read and the results are new.
 */
public final class G711 {

    /** The two G.711 laws with their RTP static payload types (RFC 3551 Table 4). */
    public enum Law {
        /** µ-law, RTP "PCMU", static payload type 0. */
        ULAW("PCMU", 0),
        /** A-law, RTP "PCMA", static payload type 8. */
        ALAW("PCMA", 8);

        private final String encodingName;
        private final int payloadType;

        Law(String encodingName, int payloadType) {
            this.encodingName = encodingName;
            this.payloadType = payloadType;
        }

        /** The SDP rtpmap encoding name. */
        public String encodingName() {
            return encodingName;
        }

        /** The RTP static payload type. */
        public int payloadType() {
            return payloadType;
        }

        byte encode(short sample) {
            return this == ULAW ? ulaw(sample) : alaw(sample);
        }

        short decode(byte code) {
            return this == ULAW ? ULAW_TO_LINEAR[code & 0xFF] : ALAW_TO_LINEAR[code & 0xFF];
        }
    }

    /** G.711 clock rate, Hz (RFC 3551 §4.5.14). */
    public static final int SAMPLE_RATE = 8000;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];

    static {
        // Constant lookup tables, computed once; not mutable state.
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = ulawExpand(code);
            ALAW_TO_LINEAR[code] = alawExpand(code);
        }
    }

    private G711() {
    }

    /** µ-law encodes 16-bit linear samples, one code byte per sample. */
    public static byte[] ulawEncode(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = ulaw(pcm[i]);
        }
        return out;
    }

    /** µ-law decodes code bytes to 16-bit linear samples. */
    public static short[] ulawDecode(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = ULAW_TO_LINEAR[codes[i] & 0xFF];
        }
        return out;
    }

    /** A-law encodes 16-bit linear samples, one code byte per sample. */
    public static byte[] alawEncode(short[] pcm) {
        byte[] out = new byte[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = alaw(pcm[i]);
        }
        return out;
    }

    /** A-law decodes code bytes to 16-bit linear samples. */
    public static short[] alawDecode(byte[] codes) {
        short[] out = new short[codes.length];
        for (int i = 0; i < codes.length; i++) {
            out[i] = ALAW_TO_LINEAR[codes[i] & 0xFF];
        }
        return out;
    }

    private static byte ulaw(short sample) {
        int x = sample;
        // G.711 µ-law on 14 bits: magnitude (one's complement for negatives) plus bias 33.
        int magnitude = (x < 0 ? (~x) >> 2 : x >> 2) + 33;
        if (magnitude > 0x1FFF) {
            magnitude = 0x1FFF; // clip at the top of segment 8
        }
        int segment = 1;
        for (int i = magnitude >> 6; i != 0; i >>= 1) {
            segment++;
        }
        int highNibble = 0x08 - segment;
        int lowNibble = 0x0F - ((magnitude >> segment) & 0x0F);
        int code = (highNibble << 4) | lowNibble;
        if (x >= 0) {
            code |= 0x80;
        }
        return (byte) code;
    }

    private static short ulawExpand(int code) {
        int sign = code < 0x80 ? -1 : 1;
        int inverted = ~code; // µ-law codes are transmitted inverted
        int exponent = (inverted >> 4) & 0x07;
        int mantissa = inverted & 0x0F;
        int step = 4 << (exponent + 1);
        return (short) (sign * ((0x80 << exponent) + step * mantissa + step / 2 - 4 * 33));
    }

    private static byte alaw(short sample) {
        int x = sample;
        // G.711 A-law on 13 bits: magnitude in one's complement for negatives.
        int ix = x < 0 ? (~x) >> 4 : x >> 4;
        if (ix > 15) {
            int exponent = 1;
            while (ix > 16 + 15) {
                ix >>= 1;
                exponent++;
            }
            ix -= 16;
            ix += exponent << 4;
        }
        if (x >= 0) {
            ix |= 0x80;
        }
        return (byte) (ix ^ 0x55); // even bits inverted on the line
    }

    private static short alawExpand(int code) {
        int ix = (code ^ 0x55) & 0x7F;
        int exponent = ix >> 4;
        int mantissa = ix & 0x0F;
        if (exponent > 0) {
            mantissa += 16;
        }
        mantissa = (mantissa << 4) + 0x08;
        if (exponent > 1) {
            mantissa <<= exponent - 1;
        }
        return (short) (code > 127 ? mantissa : -mantissa);
    }
}
