package dev.purertc.codec;

/** Mutable counters behind {@link DecoderStatistics}; owned by one decoder, one thread. */
final class DecoderCounters {
    long decodedFrames;
    long concealedFrames;
    long fecRecoveredFrames;
    long corruptPayloads;
    long decodedSamples;

    DecoderStatistics snapshot() {
        return new DecoderStatistics(decodedFrames, concealedFrames, fecRecoveredFrames, corruptPayloads,
                decodedSamples);
    }
}
