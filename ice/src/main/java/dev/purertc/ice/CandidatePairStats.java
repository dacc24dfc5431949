package dev.purertc.ice;

import dev.purertc.sdp.Candidate;

/**
 * A snapshot of one candidate pair in webrtc-stats terms ({@code RTCIceCandidatePairStats}).
 *
 * @param local the local candidate (for a relayed one, the relayed address)
 * @param remote the remote candidate
 * @param state {@code frozen}, {@code waiting}, {@code in-progress}, {@code succeeded}, {@code failed}
 * @param nominated whether the pair is nominated
 * @param requestsSent connectivity and consent checks sent (retransmissions included)
 * @param requestsReceived checks received
 * @param responsesSent responses sent
 * @param responsesReceived responses received
 * @param currentRoundTripTimeMillis the last check's round trip, or -1 if none yet
 * @param packetsSent application datagrams sent
 * @param packetsReceived application datagrams received
 * @param bytesSent application bytes sent (payload, without STUN or TURN framing)
 * @param bytesReceived application bytes received
 */
public record CandidatePairStats(
    Candidate local,
    Candidate remote,
    String state,
    boolean nominated,
    long requestsSent,
    long requestsReceived,
    long responsesSent,
    long responsesReceived,
    double currentRoundTripTimeMillis,
    long packetsSent,
    long packetsReceived,
    long bytesSent,
    long bytesReceived) {}
