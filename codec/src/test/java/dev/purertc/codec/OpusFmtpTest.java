package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class OpusFmtpTest {

    @Test
    void aBrowserOfferBindsOurEncoder() throws CodecFormatException {
        // Chrome's default Opus fmtp.
        OpusFmtp fmtp = OpusFmtp.parse("minptime=10;useinbandfec=1");
        OpusEncoderConfig config = fmtp.applyTo(OpusEncoderConfig.defaults(48000, 2, 64000).withInbandFec(false, 10));
        assertTrue(config.inbandFec());
        assertTrue(config.forceMono(), "stereo=0 by default: code mono");
        assertEquals(20, config.frameDurationMillis());
        assertEquals(64000, config.bitrate());
        assertEquals(AudioBandwidth.FULLBAND, config.maxBandwidth());
        assertFalse(config.dtx());
    }

    @Test
    void everyParameterMapsOntoItsSetting() throws CodecFormatException {
        OpusFmtp fmtp = OpusFmtp.parse(" maxplaybackrate=16000; sprop-maxcapturerate=16000;maxaveragebitrate=20000;"
                + "stereo=1;sprop-stereo=1;useinbandfec=0;usedtx=1;minptime=30;x-unknown=7;bare");
        assertEquals(new OpusFmtp(16000, 16000, OptionalInt.of(20000), true, true, false, true, OptionalInt.of(30)), fmtp);
        OpusEncoderConfig config = fmtp.applyTo(OpusEncoderConfig.defaults(48000, 2, 32000));
        assertEquals(AudioBandwidth.WIDEBAND, config.maxBandwidth());
        assertEquals(20000, config.bitrate());
        assertFalse(config.forceMono());
        assertFalse(config.inbandFec());
        assertTrue(config.dtx());
        assertEquals(40, config.frameDurationMillis());
        assertEquals(2, fmtp.decoderChannels(2));
        assertEquals(1, fmtp.decoderChannels(1));
    }

    @Test
    void outOfRangeValuesAreClampedOrIgnoredAsRfc7587Says() throws CodecFormatException {
        OpusFmtp fmtp = OpusFmtp.parse("maxplaybackrate=96000;maxaveragebitrate=1000000");
        assertEquals(48000, fmtp.maxPlaybackRate());
        assertEquals(OptionalInt.empty(), fmtp.maxAverageBitrate());
    }

    @Test
    void aBadValueNamesTheParameter() {
        CodecFormatException e = assertThrows(CodecFormatException.class, () -> OpusFmtp.parse("useinbandfec=yes"));
        assertEquals("fmtp useinbandfec", e.where());
        assertThrows(CodecFormatException.class, () -> OpusFmtp.parse("maxplaybackrate=-1"));
    }

    @Test
    void formatWritesOnlyWhatDiffersFromTheDefaults() throws CodecFormatException {
        assertEquals("", OpusFmtp.DEFAULTS.format());
        OpusFmtp fmtp = OpusFmtp.parse("useinbandfec=1;minptime=10");
        assertEquals("useinbandfec=1;minptime=10", fmtp.format());
        assertEquals(fmtp, OpusFmtp.parse(fmtp.format()));
    }
}
