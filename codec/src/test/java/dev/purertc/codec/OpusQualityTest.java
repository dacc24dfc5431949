package dev.purertc.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpusQualityTest {
    static final int RATE = 48000;

    static short[] roundTrip(OpusEncoderConfig config, short[] input) {
        OpusEncoder encoder = new OpusEncoder(config);
        OpusDecoder decoder = new OpusDecoder(config.sampleRate(), config.channels());
        int frame = config.frameSamples() * config.channels();
        short[] out = new short[input.length + frame];
        int written = 0;
        for (int at = 0; at + frame <= input.length; at += frame) {
            short[] pcm = new short[frame];
            System.arraycopy(input, at, pcm, 0, frame);
            short[] decoded = decoder.decode(encoder.encode(pcm));
            System.arraycopy(decoded, 0, out, written, decoded.length);
            written += decoded.length;
        }
        return out;
    }

    @ParameterizedTest(name = "{0} bit/s")
    @CsvSource({"16000, 20.0", "32000, 24.0", "64000, 32.0"})
    void aOneKilohertzToneStaysAOneKilohertzToneAboveADistortionFloor(int bitrate, double minSnrDb) {
        short[] tone = TestSignals.tone(RATE, 1000, 0.3, RATE * 2);
        short[] decoded = roundTrip(OpusEncoderConfig.defaults(RATE, 1, bitrate), tone);
        double frequency = SignalMetrics.dominantFrequency(decoded, RATE, 32768, RATE);
        double sinad = SignalMetrics.toneToRestDb(decoded, RATE, 32768, RATE, 1000, 20);
        System.out.printf("tone %d bit/s: peak %.2f Hz, tone/rest %.1f dB%n", bitrate, frequency, sinad);
        assertEquals(1000.0, frequency, 1.0, "dominant frequency");
        assertTrue(sinad >= minSnrDb, "tone-to-rest " + sinad + " dB below floor " + minSnrDb);
    }

    @ParameterizedTest(name = "{0} bit/s")
    @CsvSource({"12000, 4.5, 4.0", "16000, 4.2, 5.0", "32000, 4.0, 5.0", "64000, 3.3, 6.0"})
    void speechLikeSignalKeepsItsSpectrumWithinFloor(int bitrate, double maxLsdDb, double minSnrDb) {
        short[] speech = TestSignals.speechLike(RATE, 4.0, 42);
        short[] decoded = roundTrip(OpusEncoderConfig.defaults(RATE, 1, bitrate), speech);
        int lag = SignalMetrics.delay(speech, decoded, RATE, 9600, 1000);
        double lsd = SignalMetrics.logSpectralDistanceDb(speech, decoded, lag, RATE / 2, speech.length - 2000, RATE, 8000);
        double snr = SignalMetrics.snrDb(speech, decoded, lag, RATE / 2, speech.length - 2000);
        System.out.printf("speech %d bit/s: lag %d, LSD %.2f dB, SNR %.1f dB%n", bitrate, lag, lsd, snr);
        assertTrue(lsd <= maxLsdDb, "log-spectral distance " + lsd + " dB above ceiling " + maxLsdDb);
        assertTrue(snr >= minSnrDb, "SNR " + snr + " dB below floor " + minSnrDb);
    }
}
