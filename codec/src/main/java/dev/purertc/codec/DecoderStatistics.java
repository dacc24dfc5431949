package dev.purertc.codec;

/**
 * What a decoder has done since it was created; a snapshot, immutable.
 *
 * @param decodedFrames   payloads decoded normally
 * @param concealedFrames frames produced by packet loss concealment (asked for, or because a
 *                        payload was corrupt, or because a FEC request found no redundancy)
 * @param fecRecoveredFrames lost frames rebuilt from in-band FEC of the next packet
 * @param corruptPayloads payloads that could not be decoded and were concealed instead
 * @param decodedSamples  samples per channel produced by all calls
 */
public record DecoderStatistics(
        long decodedFrames,
        long concealedFrames,
        long fecRecoveredFrames,
        long corruptPayloads,
        long decodedSamples) {

    public DecoderStatistics {
        if (decodedFrames < 0 || concealedFrames < 0 || fecRecoveredFrames < 0
                || corruptPayloads < 0 || decodedSamples < 0) {
            throw new IllegalArgumentException("counters are never negative");
        }
    }
}
