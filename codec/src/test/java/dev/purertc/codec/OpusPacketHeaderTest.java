package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jaredmdobson.concentus.OpusException;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class OpusPacketHeaderTest {

    @Test
    void tocConfigurationsFollowRfc6716Table2() throws CodecFormatException {
        // config 1: SILK NB 20 ms; config 13: hybrid SWB 20 ms; config 31: CELT FB 20 ms (code 0, 1 byte frame).
        OpusPacketHeader silk = OpusPacketHeader.parse(new byte[] {(byte) (1 << 3), 0});
        assertEquals(OpusPacketHeader.Mode.SILK, silk.mode());
        assertEquals(AudioBandwidth.NARROWBAND, silk.bandwidth());
        assertEquals(20_000, silk.frameDurationMicros());
        OpusPacketHeader hybrid = OpusPacketHeader.parse(new byte[] {(byte) (13 << 3 | 0x04), 0});
        assertEquals(OpusPacketHeader.Mode.HYBRID, hybrid.mode());
        assertEquals(AudioBandwidth.SUPERWIDEBAND, hybrid.bandwidth());
        assertTrue(hybrid.stereo());
        OpusPacketHeader celt = OpusPacketHeader.parse(new byte[] {(byte) (16 << 3)});
        assertEquals(2_500, celt.frameDurationMicros());
        assertEquals(AudioBandwidth.NARROWBAND, celt.bandwidth());
    }

    @Test
    void code3PacketsCountFramesAndPadding() throws CodecFormatException {
        // CELT FB 20 ms, code 3, CBR, padding flag, 3 frames, padding 254+2 bytes, 3 frames of 2 bytes.
        byte[] packet = new byte[2 + 2 + 6 + 256];
        packet[0] = (byte) (31 << 3 | 3);
        packet[1] = (byte) (0x40 | 3);
        packet[2] = (byte) 255;
        packet[3] = 2;
        OpusPacketHeader header = OpusPacketHeader.parse(packet);
        assertEquals(3, header.frameCount());
        assertEquals(60_000, header.durationMicros());
        assertEquals(2880, header.samplesAt(48000));
        // Seven 20 ms frames are 140 ms: over the 120 ms limit (R5).
        CodecFormatException tooLong = assertThrows(CodecFormatException.class,
                () -> OpusPacketHeader.parse(new byte[] {(byte) (31 << 3 | 3), 7, 0, 0, 0, 0, 0, 0, 0}));
        assertEquals("byte 1", tooLong.where());
    }

    /**
     * The LBRR flag read by {@link OpusPacketHeader} agrees with what Concentus's decoder does
     * with the packet: asked for FEC, it gives exactly its plain concealment when the flag is
     * clear, and something else when it is set.
     */
    @Test
    void theLbrrFlagAgreesWithConcentusFecDecoding() throws OpusException {
        OpusEncoder encoder = new OpusEncoder(OpusEncoderConfig.defaults(48000, 1, 32000).withInbandFec(true, 20));
        List<byte[]> packets = OpusCodecTest.encodeAll(encoder, TestSignals.speechLike(48000, 1.0, 3));
        int withFlag = 0;
        int withoutFlag = 0;
        for (int i = 1; i < packets.size(); i++) {
            io.github.jaredmdobson.concentus.OpusDecoder plc = new io.github.jaredmdobson.concentus.OpusDecoder(48000, 1);
            io.github.jaredmdobson.concentus.OpusDecoder fec = new io.github.jaredmdobson.concentus.OpusDecoder(48000, 1);
            short[] scratch = new short[5760];
            for (int j = 0; j < i; j++) {
                byte[] p = packets.get(j);
                plc.decode(p, 0, p.length, scratch, 0, 5760, false);
                fec.decode(p, 0, p.length, scratch, 0, 5760, false);
            }
            short[] concealed = new short[960];
            short[] recovered = new short[960];
            plc.decode(null, 0, 0, concealed, 0, 960, false);
            byte[] next = packets.get(i);
            fec.decode(next, 0, next.length, recovered, 0, 960, true);
            if (OpusCodecTest.header(next).carriesFec()) {
                withFlag++;
                assertFalse(Arrays.equals(concealed, recovered), "packet " + i + " has LBRR but decodes as PLC");
            } else {
                withoutFlag++;
                assertArrayEquals(concealed, recovered, "packet " + i + " has no LBRR but FEC decoding differs from PLC");
            }
        }
        assertTrue(withFlag > 0 && withoutFlag > 0, withFlag + " with, " + withoutFlag + " without");
    }
}
