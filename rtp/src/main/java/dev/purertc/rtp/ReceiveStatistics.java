package dev.purertc.rtp;

/**
 * Reception statistics of one remote RTP source, computed exactly as RFC 3550 appendix A does.
 *
 * <ul>
 *   <li>A.1: sequence number validation with probation ({@value #MIN_SEQUENTIAL} in-order packets
 *       before a source counts), {@value #MAX_DROPOUT}-packet dropout and {@value #MAX_MISORDER}
 *       misorder windows, restart after two in-order packets far away, and the cycle count that
 *       extends the sequence number past wrap-around.
 *   <li>A.3: expected, cumulative lost (signed, clamped to 24 bits on the wire) and the fraction
 *       lost per report interval.
 *   <li>A.8: interarrival jitter, {@code J += (|D| - J) / 16}, in RTP timestamp units.
 * </ul>
 *
 * <p>It also remembers the last sender report from this source, for the LSR and DLSR fields of the
 * next report block (RFC 3550 6.4.1).
 *
 * <p>Sans-I/O: every input carries its arrival time in nanoseconds on the caller's clock (one
 * clock per instance, any origin). Not thread-safe; one per remote SSRC.
 */
public final class ReceiveStatistics {
  /** RFC 3550 A.1: packets in sequence before a source is valid. */
  public static final int MIN_SEQUENTIAL = 2;
  /** RFC 3550 A.1: a forward jump below this is a dropout (loss), not a restart. */
  public static final int MAX_DROPOUT = 3000;
  /** RFC 3550 A.1: a backward step below this is a late (misordered) packet. */
  public static final int MAX_MISORDER = 100;
  private static final int SEQ_MOD = 1 << 16;

  private final long ssrc;
  private final int clockRate;

  // RFC 3550 A.1 source state, names as in the RFC.
  private int maxSeq;
  private long cycles;
  private int baseSeq;
  private int badSeq;
  private int probation;
  private long received;
  private long expectedPrior;
  private long receivedPrior;
  private boolean started;
  private int lastFractionLost;

  // RFC 3550 A.8 state: transit time of the previous packet in timestamp units.
  private boolean haveTransit;
  private double lastTransit;
  private double jitter;

  private long lastSenderReportNtpMiddle;
  private long lastSenderReportArrivalNanos;
  private boolean haveSenderReport;

  /**
   * @param ssrc the remote source
   * @param clockRate RTP clock rate of its payload, in Hz (48000 for Opus)
   */
  public ReceiveStatistics(long ssrc, int clockRate) {
    this.ssrc = U32.check("SSRC", ssrc);
    if (clockRate <= 0) {
      throw new IllegalArgumentException("clock rate " + clockRate + " is not positive");
    }
    this.clockRate = clockRate;
  }

  /** The remote source these statistics are about. */
  public long ssrc() {
    return ssrc;
  }

  /**
   * Accounts one received RTP packet.
   *
   * @param sequenceNumber its sequence number, 0..65535
   * @param rtpTimestamp its RTP timestamp, 0..2^32-1
   * @param arrivalNanos its arrival time on the caller's clock
   * @return true if RFC 3550 A.1 counts it (the source is valid and the packet is not a stray
   *     from before a restart); false while on probation or for a suspected restart
   */
  public boolean onPacket(int sequenceNumber, long rtpTimestamp, long arrivalNanos) {
    int seq = sequenceNumber & 0xFFFF;
    if (!started) {
      // RFC 3550 A.1: init_seq, then max_seq = seq - 1 and probation = MIN_SEQUENTIAL.
      initSeq(seq);
      maxSeq = (seq - 1) & 0xFFFF;
      probation = MIN_SEQUENTIAL;
      started = true;
    }
    boolean counted = updateSeq(seq);
    if (counted) {
      updateJitter(rtpTimestamp, arrivalNanos);
    }
    return counted;
  }

  private void initSeq(int seq) {
    baseSeq = seq;
    maxSeq = seq;
    badSeq = SEQ_MOD + 1; // so seq == badSeq is false
    cycles = 0;
    received = 0;
    receivedPrior = 0;
    expectedPrior = 0;
  }

  private boolean updateSeq(int seq) {
    int udelta = (seq - maxSeq) & 0xFFFF;
    if (probation > 0) {
      if (seq == ((maxSeq + 1) & 0xFFFF)) {
        probation--;
        maxSeq = seq;
        if (probation == 0) {
          initSeq(seq);
          received++;
          return true;
        }
      } else {
        probation = MIN_SEQUENTIAL - 1;
        maxSeq = seq;
      }
      return false;
    } else if (udelta < MAX_DROPOUT) {
      if (seq < maxSeq) {
        cycles += SEQ_MOD; // sequence number wrapped
      }
      maxSeq = seq;
    } else if (udelta <= SEQ_MOD - MAX_MISORDER) {
      // A very large jump: a restart if the next packet follows it, else a stray packet.
      if (seq == badSeq) {
        initSeq(seq);
        haveTransit = false;
      } else {
        badSeq = (seq + 1) & 0xFFFF;
        return false;
      }
    }
    // else: duplicate or reordered packet, counted as received (RFC 3550 A.1).
    received++;
    return true;
  }

  /** RFC 3550 A.8: D(i-1,i) = (Rj - Ri) - (Sj - Si); J += (|D| - J) / 16. */
  private void updateJitter(long rtpTimestamp, long arrivalNanos) {
    double arrival = arrivalNanos * (clockRate / 1e9); // arrival in timestamp units
    // The timestamp enters through its 32-bit difference, so wrap-around does not matter.
    double transit = arrival - (int) rtpTimestamp;
    if (haveTransit) {
      double d = transit - lastTransit;
      // Re-center the 32-bit wrap of the (int) cast: differences are small in practice.
      if (d > 0x7FFF_FFFFL) {
        d -= 0x1_0000_0000L;
      } else if (d < -0x8000_0000L) {
        d += 0x1_0000_0000L;
      }
      jitter += (Math.abs(d) - jitter) / 16.0;
    }
    lastTransit = transit;
    haveTransit = true;
  }

  /** Remembers a sender report from this source, for LSR/DLSR (RFC 3550 6.4.1). */
  public void onSenderReport(SenderReport report, long arrivalNanos) {
    lastSenderReportNtpMiddle = report.ntpMiddle32();
    lastSenderReportArrivalNanos = arrivalNanos;
    haveSenderReport = true;
  }

  /** Whether the source has passed probation (RFC 3550 A.1). */
  public boolean valid() {
    return started && probation == 0;
  }

  /** RFC 3550 A.3: extended highest sequence number received, cycles in the high bits. */
  public long extendedHighestSequence() {
    return cycles + maxSeq;
  }

  /** RFC 3550 A.3: packets expected since the base sequence number. */
  public long expected() {
    return valid() ? extendedHighestSequence() - baseSeq + 1 : 0;
  }

  /** RFC 3550 A.1 received count; the W3C {@code packetsReceived}. */
  public long packetsReceived() {
    return received;
  }

  /** RFC 3550 A.3 cumulative lost, unclamped (negative with duplicates); W3C {@code packetsLost}. */
  public long packetsLost() {
    return expected() - received;
  }

  /** Fraction lost computed by the last {@link #reportBlock} call, in 1/256 units. */
  public int lastFractionLost() {
    return lastFractionLost;
  }

  /** Interarrival jitter in RTP timestamp units (RFC 3550 A.8). */
  public double jitterTimestampUnits() {
    return jitter;
  }

  /** Interarrival jitter in milliseconds. */
  public double jitterMillis() {
    return jitter * 1000.0 / clockRate;
  }

  /**
   * A report block about this source, closing the current report interval (RFC 3550 A.3: the
   * fraction lost covers the packets since the previous call).
   *
   * @param nowNanos the current time on the same clock as the arrival times
   */
  public ReportBlock reportBlock(long nowNanos) {
    long expected = expected();
    long expectedInterval = expected - expectedPrior;
    expectedPrior = expected;
    long receivedInterval = received - receivedPrior;
    receivedPrior = received;
    long lostInterval = expectedInterval - receivedInterval;
    int fraction = (expectedInterval == 0 || lostInterval <= 0)
        ? 0
        : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    lastFractionLost = fraction;
    // RFC 3550 6.4.1: cumulative lost is a signed 24-bit number; clamp rather than wrap.
    long lost = Math.max(-(1 << 23), Math.min((1 << 23) - 1, packetsLost()));
    long lsr = 0;
    long dlsr = 0;
    if (haveSenderReport) {
      lsr = lastSenderReportNtpMiddle;
      // DLSR in units of 1/65536 s.
      dlsr = Math.max(0, Math.min(0xFFFF_FFFFL, ((nowNanos - lastSenderReportArrivalNanos) << 16) / 1_000_000_000L));
    }
    return new ReportBlock(ssrc, fraction, (int) lost, extendedHighestSequence() & 0xFFFF_FFFFL,
        Math.min(0xFFFF_FFFFL, (long) jitter), lsr, dlsr);
  }
}
