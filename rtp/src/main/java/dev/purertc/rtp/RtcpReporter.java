package dev.purertc.rtp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Decides when to send RTCP and what to put in it, for one local source in a session (RFC 3550
 * section 6.3 and appendix A.7).
 *
 * <p>Sans-I/O: it owns no timer and no socket. The driver tells it what was sent and received,
 * asks {@link #nextReportNanos()} when to wake up, and calls {@link #poll()} then; a non-empty
 * result is one compound packet to send: an SR (if we sent RTP in the last two intervals, RFC 3550
 * 6.3.8) or an RR, with a report block per valid remote source, followed by an SDES with our
 * CNAME (RFC 3550 6.1).
 *
 * <p>Interval (RFC 3550 6.3.1 and A.7): the RTCP bandwidth is shared between senders (a quarter)
 * and receivers when senders are few, divided by the number of members and multiplied by the
 * average compound size; the result is at least the minimum interval (half of it before the first
 * report), randomized by a factor in [0.5, 1.5) and divided by e - 3/2. Timer reconsideration on
 * expiry (A.7 {@code OnExpire}) is done; BYE reconsideration and member timeouts are not.
 *
 * <p>Round-trip time comes from report blocks about our source: {@code RTT = A - LSR - DLSR}
 * with A the arrival time in NTP middle-32 format (RFC 3550 6.4.1).
 *
 * <p>Time: one injected clock of nanoseconds since the Unix epoch, used both for scheduling and
 * for the NTP timestamps of sender reports (tests pass a virtual clock). Not thread-safe.
 */
public final class RtcpReporter {
  /** RFC 3550 6.2: the recommended minimum interval is 5 seconds. */
  public static final long DEFAULT_MIN_INTERVAL_NANOS = 5_000_000_000L;
  /** Seconds from the NTP epoch (1900) to the Unix epoch (1970). */
  static final long NTP_UNIX_OFFSET_SECONDS = 2_208_988_800L;
  private static final double COMPENSATION = Math.E - 1.5; // RFC 3550 6.3.1
  private static final int UDP_IP_OVERHEAD_BYTES = 28; // RFC 3550 6.3.1: sizes include lower layers

  private final long localSsrc;
  private final String cname;
  private final int clockRate;
  private final LongSupplier clockNanos;
  private final RandomGenerator random;
  private final double rtcpBytesPerSecond;
  private final long minIntervalNanos;

  private final Map<Long, ReceiveStatistics> sources = new LinkedHashMap<>();
  private final Map<Long, Long> lastRtpFromSourceNanos = new LinkedHashMap<>();

  private long packetsSent;
  private long octetsSent;
  private long lastRtpTimestampSent;
  private long lastRtpSentNanos = Long.MIN_VALUE;
  private double averageRtcpSizeBytes;
  private boolean initial = true;
  private long previousReportNanos;
  private long nextReportNanos;
  private double lastIntervalNanos;
  private double rttMillis = Double.NaN;

  /**
   * @param localSsrc our SSRC
   * @param cname our CNAME (RFC 3550 6.5.1; RFC 7022 random identifiers are fine)
   * @param clockRate RTP clock rate of what we send and receive, in Hz
   * @param clockNanos the current time in nanoseconds since the Unix epoch
   * @param random randomizes the interval (seed it in tests)
   * @param sessionBandwidthBitsPerSecond the session bandwidth; RTCP gets 5% of it (RFC 3550 6.2)
   * @param minIntervalNanos the minimum report interval, {@link #DEFAULT_MIN_INTERVAL_NANOS} by RFC 3550
   */
  public RtcpReporter(long localSsrc, String cname, int clockRate, LongSupplier clockNanos,
      RandomGenerator random, long sessionBandwidthBitsPerSecond, long minIntervalNanos) {
    this.localSsrc = U32.check("SSRC", localSsrc);
    this.cname = cname;
    if (clockRate <= 0 || sessionBandwidthBitsPerSecond <= 0 || minIntervalNanos <= 0) {
      throw new IllegalArgumentException("clock rate, bandwidth and minimum interval must be positive");
    }
    this.clockRate = clockRate;
    this.clockNanos = clockNanos;
    this.random = random;
    this.rtcpBytesPerSecond = sessionBandwidthBitsPerSecond * 0.05 / 8;
    this.minIntervalNanos = minIntervalNanos;
    long now = clockNanos.getAsLong();
    this.previousReportNanos = now;
    // RFC 3550 6.3.2: initial average size is that of the first compound we will send.
    this.averageRtcpSizeBytes = UDP_IP_OVERHEAD_BYTES + new ReceiverReport(localSsrc, List.of()).sizeBytes()
        + SourceDescription.ofCname(localSsrc, cname).sizeBytes();
    this.nextReportNanos = now + (long) interval();
  }

  /** Accounts one RTP packet we sent (RFC 3550 6.4.1 sender's packet and octet counts). */
  public void onRtpSent(long rtpTimestamp, int payloadBytes) {
    packetsSent++;
    octetsSent += payloadBytes;
    lastRtpTimestampSent = rtpTimestamp & 0xFFFF_FFFFL;
    lastRtpSentNanos = clockNanos.getAsLong();
  }

  /** Accounts one RTP packet received; returns the statistics of its source. */
  public ReceiveStatistics onRtpReceived(RtpPacket packet) {
    long now = clockNanos.getAsLong();
    ReceiveStatistics stats = sources.computeIfAbsent(packet.ssrc(), s -> new ReceiveStatistics(s, clockRate));
    stats.onPacket(packet.sequenceNumber(), packet.timestamp(), now);
    lastRtpFromSourceNanos.put(packet.ssrc(), now);
    return stats;
  }

  /** The statistics of a remote source, or null if nothing was received from it. */
  public ReceiveStatistics source(long ssrc) {
    return sources.get(ssrc);
  }

  /** Takes in a received compound packet: SRs for LSR, report blocks for RTT, BYEs for members. */
  public void onRtcpReceived(List<RtcpPacket> compound, int sizeBytes) {
    long now = clockNanos.getAsLong();
    // RFC 3550 6.3.3: avg_rtcp_size = 1/16 * packet_size + 15/16 * avg_rtcp_size.
    averageRtcpSizeBytes += ((sizeBytes + UDP_IP_OVERHEAD_BYTES) - averageRtcpSizeBytes) / 16.0;
    for (RtcpPacket p : compound) {
      if (p instanceof SenderReport sr) {
        ReceiveStatistics stats = sources.get(sr.ssrc());
        if (stats != null) {
          stats.onSenderReport(sr, now);
        }
        blocks(sr.reportBlocks(), now);
      } else if (p instanceof ReceiverReport rr) {
        blocks(rr.reportBlocks(), now);
      } else if (p instanceof Goodbye bye) {
        for (long s : bye.ssrcs()) {
          sources.remove(s);
          lastRtpFromSourceNanos.remove(s);
        }
      }
    }
  }

  private void blocks(List<ReportBlock> blocks, long now) {
    for (ReportBlock b : blocks) {
      if (b.ssrc() == localSsrc && b.lastSenderReport() != 0) {
        // RFC 3550 6.4.1: RTT = A - LSR - DLSR, all in 1/65536 s.
        long a = ntpMiddle32(now);
        long rtt = (a - b.lastSenderReport() - b.delaySinceLastSenderReport()) & 0xFFFF_FFFFL;
        if (rtt < 0x8000_0000L) { // a negative result means clocks or reports are inconsistent
          rttMillis = rtt * 1000.0 / 65536.0;
        }
      }
    }
  }

  /** The last round-trip time measured from a report block about our source, in milliseconds. */
  public OptionalDouble roundTripTimeMillis() {
    return Double.isNaN(rttMillis) ? OptionalDouble.empty() : OptionalDouble.of(rttMillis);
  }

  /** When {@link #poll()} wants to be called next, in nanoseconds on the injected clock. */
  public long nextReportNanos() {
    return nextReportNanos;
  }

  /** The last interval computed, in nanoseconds (for tests and diagnostics). */
  public double lastIntervalNanos() {
    return lastIntervalNanos;
  }

  /**
   * Returns the compound packet to send now, or an empty list if it is not time yet (or timer
   * reconsideration moved the report later, RFC 3550 A.7).
   */
  public List<RtcpPacket> poll() {
    long now = clockNanos.getAsLong();
    if (now < nextReportNanos) {
      return List.of();
    }
    // RFC 3550 A.7 OnExpire: recompute the interval with the current state; send only if the
    // previous report plus the new interval has passed, else reschedule.
    long t = (long) interval();
    if (previousReportNanos + t > now) {
      nextReportNanos = previousReportNanos + t;
      return List.of();
    }
    List<RtcpPacket> compound = build(now);
    int size = 0;
    for (RtcpPacket p : compound) {
      size += p.sizeBytes();
    }
    averageRtcpSizeBytes += ((size + UDP_IP_OVERHEAD_BYTES) - averageRtcpSizeBytes) / 16.0;
    previousReportNanos = now;
    initial = false;
    nextReportNanos = now + (long) interval();
    return compound;
  }

  private List<RtcpPacket> build(long now) {
    List<ReportBlock> blocks = new ArrayList<>();
    for (ReceiveStatistics s : sources.values()) {
      if (s.valid() && blocks.size() < 31) {
        blocks.add(s.reportBlock(now));
      }
    }
    List<RtcpPacket> compound = new ArrayList<>(2);
    if (weSent(now)) {
      long elapsed = now - lastRtpSentNanos;
      // The SR's RTP timestamp is the same instant as its NTP timestamp (RFC 3550 6.4.1).
      long rtp = (lastRtpTimestampSent + Math.floorDiv(elapsed * clockRate, 1_000_000_000L)) & 0xFFFF_FFFFL;
      compound.add(new SenderReport(localSsrc, ntpTimestamp(now), rtp, packetsSent & 0xFFFF_FFFFL,
          octetsSent & 0xFFFF_FFFFL, blocks));
    } else {
      compound.add(new ReceiverReport(localSsrc, blocks));
    }
    compound.add(SourceDescription.ofCname(localSsrc, cname));
    return List.copyOf(compound);
  }

  /** RFC 3550 6.3.8: a sender is one that sent RTP during the last two report intervals. */
  private boolean weSent(long now) {
    return lastRtpSentNanos != Long.MIN_VALUE
        && now - lastRtpSentNanos <= 2 * Math.max(lastIntervalNanos, minIntervalNanos);
  }

  /** RFC 3550 A.7 rtcp_interval(), in nanoseconds. */
  private double interval() {
    long now = clockNanos.getAsLong();
    boolean weSent = weSent(now);
    int remoteSenders = 0;
    for (Map.Entry<Long, Long> e : lastRtpFromSourceNanos.entrySet()) {
      if (now - e.getValue() <= 2 * Math.max(lastIntervalNanos, minIntervalNanos)) {
        remoteSenders++;
      }
    }
    int members = 1 + sources.size();
    int senders = remoteSenders + (weSent ? 1 : 0);
    double bw = rtcpBytesPerSecond;
    double n = members;
    if (senders <= members * 0.25) {
      if (weSent) {
        bw *= 0.25;
        n = senders;
      } else {
        bw *= 0.75;
        n -= senders;
      }
    }
    double minSeconds = (initial ? minIntervalNanos / 2.0 : minIntervalNanos) / 1e9;
    double t = Math.max(averageRtcpSizeBytes * n / bw, minSeconds);
    t = t * (random.nextDouble() + 0.5) / COMPENSATION;
    lastIntervalNanos = t * 1e9;
    return lastIntervalNanos;
  }

  /** The 64-bit NTP timestamp of a Unix-epoch time in nanoseconds. */
  static long ntpTimestamp(long unixNanos) {
    long seconds = Math.floorDiv(unixNanos, 1_000_000_000L);
    long nanos = Math.floorMod(unixNanos, 1_000_000_000L);
    long fraction = (nanos << 32) / 1_000_000_000L;
    return ((seconds + NTP_UNIX_OFFSET_SECONDS) << 32) | fraction;
  }

  /** The middle 32 bits of the NTP timestamp of a Unix-epoch time (RFC 3550 6.4.1 LSR format). */
  static long ntpMiddle32(long unixNanos) {
    return (ntpTimestamp(unixNanos) >>> 16) & 0xFFFF_FFFFL;
  }
}
