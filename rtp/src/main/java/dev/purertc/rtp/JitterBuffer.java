package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * An adaptive jitter buffer for constant-duration audio frames (one frame per RTP packet, e.g. 20
 * ms Opus): it reorders packets, drops duplicates and packets that come after their playout time,
 * tells the decoder stage when to conceal and when the next packet can recover a loss with FEC,
 * and adapts its delay to the network.
 *
 * <h2>Driving it</h2>
 *
 * Sans-I/O. {@link #insert} takes each packet with its arrival time; {@link #pull} is called once
 * per frame period ({@link #frameDurationNanos()}) by the playout clock (the audio device or a
 * scheduler), never by packet arrival, and returns exactly one {@link PlayoutEvent} covering one
 * frame. Both take times in nanoseconds on the same monotonic clock. Not thread-safe: call from one
 * thread, or synchronize.
 *
 * <h2>Delay estimate (after libwebrtc NetEQ's delay manager)</h2>
 *
 * <ol>
 *   <li>Each arriving packet gets a transit delay {@code d = arrival - timestamp / clockRate}
 *       (origin at the first packet, so a constant clock offset between sender and receiver
 *       cancels out).
 *   <li>The base is the minimum {@code d} over the last four windows (2 s by default): the delay
 *       of the fastest recent packet. A sliding minimum, rather than the first packet, follows
 *       clock drift between sender and receiver.
 *   <li>The relative delay {@code r = d - base} of every packet is how much later than the fastest
 *       one it came. Per window (500 ms) the worst {@code r} enters a histogram of 5 ms buckets
 *       with a forgetting factor (0.983 per window; the first windows get more weight, like
 *       NetEQ's start weight).
 *   <li>The target delay is one frame plus the 95th percentile of that histogram, plus one more
 *       frame while the smoothed loss rate (over about 500 frames) is above {@code
 *       fecLossPercent}: a lost frame can only be recovered from its successor's in-band FEC if
 *       the successor is already here when the lost frame is due.
 * </ol>
 *
 * Why the worst packet per window and a high quantile: a packet that misses its playout time
 * costs a concealed frame, which is heard, while a few extra milliseconds of delay are not; and
 * jitter comes in bursts, which a per-packet mean hides. Why a forgetting histogram rather than a
 * running maximum: it grows within about three windows of sustained jitter (each window adds
 * 1.7% of weight) yet ignores a single spike, and it shrinks back slowly, only after the high
 * windows' weight decays below 5%, so the delay does not pump up and down. (After 20 s of 80 ms
 * jitter, the trace test's episode, the target starts to fall about 68 s after the jitter ends
 * and is back at the calm level after about 77 s; a shorter episode decays sooner.)
 *
 * <h2>Playout</h2>
 *
 * The packet with timestamp {@code ts} is due at {@code playAt(ts) = arrival of a fastest packet
 * + target - one frame}. At each pull the buffer compares the pull time with {@code playAt} of the
 * next frame, {@code e = now - playAt}:
 *
 * <ul>
 *   <li>packet here, {@code -frame/4 <= e < frame + frame/4}: {@link PlayoutEvent.Frame};
 *   <li>packet here but {@code e} below that: the target grew, so {@link PlayoutEvent.Conceal}
 *       with cause {@code STRETCH} adds one frame of delay (or {@link PlayoutEvent.Idle} when the
 *       packet's timestamp is later than expected: a DTX pause);
 *   <li>packet here and {@code e} above that: the delay is too high, so the frame is skipped if
 *       more are buffered behind it (at most once per {@code accelerateIntervalMillis}: shrink
 *       slowly);
 *   <li>packet missing, later packets here: it is lost; {@link PlayoutEvent.ConcealWithFec} if
 *       its successor is here, else {@link PlayoutEvent.Conceal} with cause {@code LOSS};
 *   <li>buffer empty: late or lost, it cannot tell yet; conceal ({@code LATE}) and keep waiting,
 *       or, with no arrival for {@code idleAfterMillis}, {@link PlayoutEvent.Idle}. A packet is
 *       declared lost only when a later one is due: then the buffer jumps to that one, and the
 *       {@code LATE} conceals were the lost frames' concealment (one concealed frame per lost
 *       frame period, no added delay). If the awaited packet does come, it plays late: the
 *       delay grew, and skipping shrinks it again.
 * </ul>
 *
 * <h2>Discontinuous transmission (DTX)</h2>
 *
 * A sender in DTX sends nothing while its user is silent but a short update now and then (Opus
 * in WebRTC: one per 400 ms). Its sequence numbers stay contiguous and its timestamps jump over
 * the silence, so a timestamp gap without a sequence gap means nothing was sent: it is played
 * as {@link PlayoutEvent.Idle}, never concealed, and the W3C counters (concealedSamples,
 * concealmentEvents, totalSamplesReceived) leave it out. When the next packet here has the next
 * sequence number but a later timestamp, the time up to it is idle. When packets are missing
 * before the next one here, they are assumed to lie just before it (the first packets of the new
 * talk spurt, or lost updates): the time before them is idle and they are concealed when due.
 *
 * <p>The start of a pause cannot be told from a late packet: after the last packet of a talk
 * spurt the buffer conceals ({@code LATE}) as for any late packet, because if the packet is only
 * late, PLC is what is heard least, and a pause is known only once the sender's next packet
 * shows the timestamp jump (at most {@code idleAfterMillis} later, or the update interval).
 * Then those conceals are taken back out of the counters: they stood in for nothing that was
 * sent. From then on the sender is known to be paused, and an empty buffer plays {@code Idle}
 * at once until a packet after the first one past the pause is played (talk resumed).
 *
 * <h2>Timestamp outliers and discontinuities</h2>
 *
 * A timestamp that disagrees with its sequence number (it goes back while the sequence number
 * goes forward, or it puts the packet more than {@code maxDelayMillis} off the recent transit
 * delays) is not a network delay: taken in, one such packet would move the sliding base or fill
 * the histogram's top bucket and cost seconds of audio. So it is dropped ({@code DISCARDED},
 * counted in packetsDiscarded) and its frame is concealed like a lost one. Only when the next
 * packet disagrees the same way (RFC 3550 A.1's restart rule, applied to timestamps) is it the
 * sender's new timeline (a restart, a clock jump): from then on its timestamps are shifted to
 * continue the buffer's own, so the delay estimate, the histogram and the buffered packets stay
 * valid and the jump costs one frame. Event timestamps are on the buffer's timeline. A network
 * stall of more than {@code maxDelayMillis} looks the same and is treated the same; its packets
 * would be too late to play anyway.
 *
 * <h2>Limits</h2>
 *
 * Every packet must carry exactly {@code frameSamples} samples (the negotiated ptime);
 * a stream whose packets carry another duration (a ptime change to 40 ms, say) is not handled:
 * its extra time would be played as {@code Idle} or concealed. Without time-stretching in this
 * layer, delay changes in whole frames; the decoder stage may
 * smooth a {@code STRETCH} or a skipped frame. A jump of more than the capacity in sequence
 * numbers, seen on two consecutive packets, restarts the buffer (RFC 3550 A.1's restart rule).
 */
public final class JitterBuffer {

  /** What {@link #insert} did with a packet. */
  public enum InsertResult {
    /** Stored for playout. */
    BUFFERED,
    /** Already buffered; dropped. */
    DUPLICATE,
    /** Its frame was already played or concealed; dropped. */
    LATE,
    /**
     * Far outside the sequence window (a stray, or the first packet of a restart), or a timestamp
     * that disagrees with its sequence number (an outlier, or the first packet of a timestamp
     * jump); dropped.
     */
    DISCARDED
  }

  /** A free slot. Occupied slots hold the (non-negative) extended sequence number. */
  private static final long EMPTY = Long.MIN_VALUE;
  private static final double BUCKET_MILLIS = 5.0;
  private static final int BASE_WINDOWS = 4;

  private final JitterBufferConfig config;
  private final int frameSamples;
  private final double frameMillis;
  private final double slackMillis;
  private final int mask;
  private final long[] slotSeq;
  private final long[] slotTimestamp;
  private final long[] slotArrivalNanos;
  private final byte[][] slotPayload;
  private int count;
  private long minBufferedSeq = Long.MAX_VALUE;
  private long lastTimestamp;
  private boolean haveTimestamp;
  private int straySeq = -1;
  // Timestamp outliers. Buffered timestamps are the sender's (unwrapped) plus tsShift, which
  // changes only at a sender's timestamp discontinuity, so that the timeline stays continuous.
  private long tsShift;
  private boolean haveReference; // the accepted packet with the highest sequence number
  private long referenceSeq;
  private long referenceTs;
  private long referenceArrivalNanos;
  private boolean outlierPending; // the last packet was a timestamp outlier (dropped)
  private long outlierSeq;
  private long outlierRawTs;
  private long outlierArrivalNanos;

  private boolean started;
  private long nextSeq;
  private long nextTimestamp;
  private long lastArrivalNanos;
  private long lastAccelerateNanos = Long.MIN_VALUE / 2;
  private boolean concealing;
  // DTX: the sender is known to be paused from the packet with sequence number pausedSeq on (its
  // timestamp jumped further than its sequence number), until a packet after it is played.
  private boolean senderPaused;
  private long pausedSeq;
  // The LATE conceals since the last frame consumed: stand-ins for a late packet, or for nothing
  // if the wait turns out to have been a DTX pause.
  private long lateRunFrames;
  private boolean lateRunOpenedEvent;

  // Delay estimator.
  private boolean haveOrigin;
  private long originArrivalNanos;
  private long originTimestamp;
  private final double[] windowMin = new double[BASE_WINDOWS];
  private int windowIndex;
  private double currentMin;
  private double currentMaxRelative;
  private boolean windowHasSample;
  private long windowStartNanos;
  private double baseMillis;
  private final double[] histogram;
  private long histogramAdds;
  private double targetMillis;
  private double jitterTargetMillis;
  private double lossRate;

  // Statistics (W3C names, see JitterBufferStats).
  private long packetsReceived;
  private long packetsDiscarded;
  private long packetsDuplicated;
  private double delaySeconds;
  private double targetDelaySeconds;
  private long emittedSamples;
  private long concealedSamples;
  private long concealmentEvents;
  private long totalSamples;
  private long insertedSamples;
  private long removedSamples;
  private long fecSamples;

  /** A buffer with these settings; see {@link JitterBufferConfig#defaults}. */
  public JitterBuffer(JitterBufferConfig config) {
    this.config = config;
    this.frameSamples = config.frameSamples();
    this.frameMillis = config.frameMillis();
    this.slackMillis = frameMillis / 4;
    int capacity = config.capacityPackets();
    this.mask = capacity - 1;
    this.slotSeq = new long[capacity];
    Arrays.fill(slotSeq, EMPTY);
    this.slotTimestamp = new long[capacity];
    this.slotArrivalNanos = new long[capacity];
    this.slotPayload = new byte[capacity][];
    this.histogram = new double[(int) Math.ceil(config.maxDelayMillis() / BUCKET_MILLIS) + 1];
    this.jitterTargetMillis = config.startDelayMillis();
    this.targetMillis = clampTarget(jitterTargetMillis);
    resetEstimatorWindows();
  }

  /** How often {@link #pull} must be called: one frame, in nanoseconds. */
  public long frameDurationNanos() {
    return frameSamples * 1_000_000_000L / config.clockRate();
  }

  /** The current target delay in milliseconds (one frame plus the measured percentile). */
  public double targetDelayMillis() {
    return targetMillis;
  }

  /** Packets waiting in the buffer. */
  public int bufferedPackets() {
    return count;
  }

  /**
   * Takes in one received packet; its payload is copied, so the caller may reuse its buffer.
   *
   * @param arrivalNanos arrival time on the playout clock's time base
   */
  public InsertResult insert(RtpPacket packet, long arrivalNanos) {
    packetsReceived++;
    int seq16 = packet.sequenceNumber();
    long ref = started ? nextSeq : (count > 0 ? minBufferedSeq : EMPTY);
    long seq;
    if (ref == EMPTY) {
      seq = (1L << 32) + seq16; // any origin; kept positive for readability
    } else {
      seq = ref + (short) (seq16 - (int) (ref & 0xFFFF));
      int capacity = mask + 1;
      if (seq >= ref + capacity || seq < ref - capacity) {
        // RFC 3550 A.1's rule: a far jump is a restart only if the next packet follows it.
        if (seq16 == straySeq) {
          restart();
          seq = (1L << 32) + seq16;
        } else {
          straySeq = (seq16 + 1) & 0xFFFF;
          packetsDiscarded++;
          return InsertResult.DISCARDED;
        }
      }
    }
    straySeq = -1;
    int s = (int) (seq & mask);
    if (slotSeq[s] == seq || slotSeq[s] == ~seq) { // buffered, or played (marked ~seq)
      packetsDuplicated++; // a copy says nothing about the path's delay: not observed
      return InsertResult.DUPLICATE;
    }
    long rawTs = unwrapTimestamp(packet.timestamp());
    long ts = rawTs + tsShift;
    if (isTimestampOutlier(seq, ts, arrivalNanos)) {
      // RFC 3550 A.1's restart rule, applied to timestamps: one packet whose timestamp disagrees
      // with its sequence number is dropped (it costs its own frame, which its successor's FEC
      // may recover); a second one in a row that agrees with the first is a new timeline.
      if (outlierPending && seq > outlierSeq && seq - outlierSeq <= mask
          && Math.abs(transitDifferenceMillis(rawTs, arrivalNanos)) <= config.maxDelayMillis()) {
        outlierPending = false;
        ts = rebaseTimestamps(seq, rawTs, arrivalNanos);
      } else {
        outlierPending = true;
        outlierSeq = seq;
        outlierRawTs = rawTs;
        outlierArrivalNanos = arrivalNanos;
        packetsDiscarded++;
        return InsertResult.DISCARDED;
      }
    } else {
      outlierPending = false;
    }
    commitTimestamp(rawTs);
    if (!haveReference || seq > referenceSeq) {
      haveReference = true;
      referenceSeq = seq;
      referenceTs = ts;
      referenceArrivalNanos = arrivalNanos;
    }
    observeDelay(ts, arrivalNanos); // late packets too: they are the delay we failed to cover
    lastArrivalNanos = arrivalNanos;
    if (started && seq < nextSeq) {
      packetsDiscarded++;
      return InsertResult.LATE;
    }
    if (slotSeq[s] >= 0) {
      packetsDiscarded++; // the span of buffered packets would exceed the capacity
      return InsertResult.DISCARDED;
    }
    ByteBuffer payload = packet.payload();
    byte[] copy = new byte[payload.remaining()];
    payload.get(copy);
    slotSeq[s] = seq;
    slotTimestamp[s] = ts;
    slotArrivalNanos[s] = arrivalNanos;
    slotPayload[s] = copy;
    count++;
    if (!started && seq < minBufferedSeq) {
      minBufferedSeq = seq;
    }
    return InsertResult.BUFFERED;
  }

  /** The sender's timestamp, unwrapped near the highest one accepted so far (not committed). */
  private long unwrapTimestamp(long ts32) {
    if (!haveTimestamp) {
      return ts32;
    }
    return lastTimestamp + (int) (ts32 - (lastTimestamp & 0xFFFF_FFFFL));
  }

  private void commitTimestamp(long rawTs) {
    if (!haveTimestamp || rawTs > lastTimestamp) {
      haveTimestamp = true;
      lastTimestamp = rawTs;
    }
  }

  /**
   * Whether a packet's timestamp disagrees with its sequence number, judged against the accepted
   * packet with the highest sequence number: in the other order (one sender's clock does not go
   * back; how far it goes forward per packet is not judged, as a shorter ptime would make it
   * move less than a frame), or putting the packet more than {@code maxDelayMillis} off the
   * sliding base either way (later: more than any delay the buffer covers; earlier: a network
   * does not deliver a packet seconds before the fastest recent one, and DTX moves timestamp and
   * arrival forward together). Such a timestamp, taken in, would move the sliding base or fill
   * the histogram's top bucket and cost seconds of delay.
   */
  private boolean isTimestampOutlier(long seq, long ts, long arrivalNanos) {
    if (!haveReference) {
      return false;
    }
    if (seq > referenceSeq ? ts < referenceTs : seq < referenceSeq && ts > referenceTs) {
      return true;
    }
    double relative = transitMillis(ts, arrivalNanos) - baseMillis;
    return relative < -config.maxDelayMillis() || relative > config.maxDelayMillis();
  }

  /** How much later (ms) a packet came, by its raw timestamp, than the pending outlier did. */
  private double transitDifferenceMillis(long rawTs, long arrivalNanos) {
    return (arrivalNanos - outlierArrivalNanos) / 1e6 - (rawTs - outlierRawTs) * 1000.0 / config.clockRate();
  }

  /**
   * A sender's timestamp discontinuity (a restart with a new random base, a jump): instead of
   * starting the delay estimate, the histogram and the buffered packets over, the new timestamps
   * are shifted to continue the old timeline, so nothing buffered or learnt is lost. The packet
   * gets the timestamp its sequence number implies, later if it came later than that (the
   * sender paused, DTX) by more than the target delay, which covers the jitter.
   *
   * @return the packet's timestamp on the buffer's timeline
   */
  private long rebaseTimestamps(long seq, long rawTs, long arrivalNanos) {
    long frames = seq - referenceSeq;
    double arrivalFrames = ((arrivalNanos - referenceArrivalNanos) / 1e6 - targetMillis) / frameMillis;
    frames = Math.max(frames, Math.round(arrivalFrames));
    long ts = referenceTs + frames * frameSamples;
    tsShift = ts - rawTs;
    haveTimestamp = true;
    lastTimestamp = rawTs; // unwrap the sender's new timestamps near the new ones
    return ts;
  }

  /** Flushes everything for a new stream; the histogram (the network's history) is kept. */
  private void restart() {
    for (int i = 0; i <= mask; i++) {
      if (slotSeq[i] >= 0) {
        packetsDiscarded++;
      }
      slotSeq[i] = EMPTY;
      slotPayload[i] = null;
    }
    count = 0;
    minBufferedSeq = Long.MAX_VALUE;
    started = false;
    haveReference = false;
    outlierPending = false;
    tsShift = 0;
    senderPaused = false;
    lateRunFrames = 0;
    haveTimestamp = false;
    haveOrigin = false;
    resetEstimatorWindows();
  }

  private void resetEstimatorWindows() {
    Arrays.fill(windowMin, Double.POSITIVE_INFINITY);
    currentMin = Double.POSITIVE_INFINITY;
    currentMaxRelative = 0;
    windowHasSample = false;
  }

  /** Steps 1 to 3 of the class comment: transit delay, sliding base, worst relative delay. */
  private void observeDelay(long ts, long arrivalNanos) {
    if (!haveOrigin) {
      haveOrigin = true;
      originArrivalNanos = arrivalNanos;
      originTimestamp = ts;
      windowStartNanos = arrivalNanos;
    }
    long windowNanos = config.windowMillis() * 1_000_000L;
    if (arrivalNanos - windowStartNanos >= windowNanos) {
      closeWindow();
      // Skip whole empty windows too, so the start stays on the window grid.
      windowStartNanos += (arrivalNanos - windowStartNanos) / windowNanos * windowNanos;
    }
    double d = transitMillis(ts, arrivalNanos);
    if (d < currentMin) {
      currentMin = d;
    }
    double base = currentMin;
    for (double m : windowMin) {
      base = Math.min(base, m);
    }
    baseMillis = base;
    double relative = d - base;
    if (!windowHasSample || relative > currentMaxRelative) {
      currentMaxRelative = relative;
    }
    windowHasSample = true;
  }

  private double transitMillis(long ts, long arrivalNanos) {
    return (arrivalNanos - originArrivalNanos) / 1e6 - (ts - originTimestamp) * 1000.0 / config.clockRate();
  }

  /** Step 3 and 4: the window's worst relative delay enters the histogram; new target. */
  private void closeWindow() {
    if (windowHasSample) {
      histogramAdds++;
      // NetEQ's start weight: the first windows are averaged, later ones forgotten at f.
      double f = Math.min(config.forgetFactor(), 1.0 - 2.0 / (histogramAdds + 1));
      int bucket = (int) Math.min(histogram.length - 1, Math.floor(currentMaxRelative / BUCKET_MILLIS));
      for (int i = 0; i < histogram.length; i++) {
        histogram[i] *= f;
      }
      histogram[bucket] += 1 - f;
      double cumulative = 0;
      double sum = 0;
      for (double h : histogram) {
        sum += h;
      }
      int q = histogram.length - 1;
      for (int i = 0; i < histogram.length; i++) {
        cumulative += histogram[i];
        if (cumulative >= config.quantile() * sum) {
          q = i;
          break;
        }
      }
      // Upper edge of the bucket: the percentile delay is covered, not cut.
      jitterTargetMillis = frameMillis + (q + 1) * BUCKET_MILLIS;
      updateTarget();
    }
    windowMin[windowIndex] = currentMin;
    windowIndex = (windowIndex + 1) % BASE_WINDOWS;
    currentMin = Double.POSITIVE_INFINITY;
    currentMaxRelative = 0;
    windowHasSample = false;
  }

  /** Records whether a frame period's packet was lost (1) or played (0); 500-frame average. */
  private void observeLoss(boolean lost) {
    lossRate += ((lost ? 1.0 : 0.0) - lossRate) / 500.0;
    updateTarget();
  }

  private void updateTarget() {
    boolean fec = lossRate * 100 > config.fecLossPercent();
    targetMillis = clampTarget(jitterTargetMillis + (fec ? frameMillis : 0));
  }

  /** The smoothed share of frames whose packet was lost, 0..1. */
  public double lossRate() {
    return lossRate;
  }

  private double clampTarget(double millis) {
    return Math.max(Math.max(frameMillis, config.minDelayMillis()), Math.min(config.maxDelayMillis(), millis));
  }

  /** {@code playAt(ts) - now}, negated: how late (positive) a pull at {@code now} is for ts. */
  private double lateness(long nowNanos, long ts) {
    double playAt = baseMillis + (ts - originTimestamp) * 1000.0 / config.clockRate() + targetMillis - frameMillis;
    return (nowNanos - originArrivalNanos) / 1e6 - playAt;
  }

  /**
   * Produces the event for the next frame period. Call once per {@link #frameDurationNanos()} from
   * the playout clock.
   *
   * @param nowNanos the pull time, on the same clock as the arrival times
   */
  public PlayoutEvent pull(long nowNanos) {
    if (!started) {
      if (count == 0) {
        return new PlayoutEvent.Idle(-1, frameSamples);
      }
      int s = (int) (minBufferedSeq & mask);
      if (lateness(nowNanos, slotTimestamp[s]) < -slackMillis) {
        return new PlayoutEvent.Idle(-1, frameSamples);
      }
      started = true;
      nextSeq = minBufferedSeq;
      nextTimestamp = slotTimestamp[s];
    }
    return next(nowNanos, true);
  }

  private PlayoutEvent next(long nowNanos, boolean mayAccelerate) {
    int s = (int) (nextSeq & mask);
    if (slotSeq[s] == nextSeq) {
      long ts = slotTimestamp[s];
      double e = lateness(nowNanos, ts);
      if (e < -slackMillis) {
        if (ts > nextTimestamp) { // timestamp gap without a sequence gap: DTX pause
          senderPausedFrom(nextSeq);
          long idleTs = nextTimestamp;
          nextTimestamp = Math.min(ts, nextTimestamp + frameSamples);
          return idle(idleTs);
        }
        return conceal(nextTimestamp, PlayoutEvent.Cause.STRETCH);
      }
      // Skip only with more audio behind it: dropping the last buffered frame sheds no delay.
      if (mayAccelerate && count >= 2 && e >= frameMillis + slackMillis
          && nowNanos - lastAccelerateNanos >= config.accelerateIntervalMillis() * 1_000_000L) {
        lastAccelerateNanos = nowNanos;
        take(s);
        packetsDiscarded++;
        removedSamples += frameSamples;
        return next(nowNanos, false);
      }
      long arrival = slotArrivalNanos[s];
      if (ts > nextTimestamp) {
        senderPausedFrom(nextSeq); // a pause that ended just as we learnt of it
      } else if (senderPaused && nextSeq > pausedSeq) {
        senderPaused = false; // a packet after the first one past the pause: talking again
      }
      byte[] payload = take(s);
      observeLoss(false);
      concealing = false;
      lateRunFrames = 0;
      emittedSamples += frameSamples;
      totalSamples += frameSamples;
      delaySeconds += (nowNanos - arrival) / 1e9 * frameSamples;
      targetDelaySeconds += targetMillis / 1000.0 * frameSamples;
      return new PlayoutEvent.Frame(ts, nextSeq - 1, ByteBuffer.wrap(payload).asReadOnlyBuffer(),
          frameSamples, nowNanos - arrival);
    }
    if (count > 0) {
      long earliest = earliestBuffered();
      if (earliest != EMPTY) {
        long earliestTs = slotTimestamp[(int) (earliest & mask)];
        // Where the missing packets' timestamps would start if they had been sent back to back
        // with the earliest one here. Later than expected: the sender paused (DTX) before them,
        // so the time up to there is silence, not loss. (The missing ones may have been DTX
        // updates with timestamps anywhere in the pause; nothing better is known of them.)
        long resumeTs = earliestTs - (earliest - nextSeq) * frameSamples;
        if (resumeTs > nextTimestamp) {
          senderPausedFrom(earliest);
          if (lateness(nowNanos, resumeTs) < -slackMillis) {
            long idleTs = nextTimestamp;
            nextTimestamp = Math.min(resumeTs, nextTimestamp + frameSamples);
            return idle(idleTs);
          }
          nextTimestamp = resumeTs;
        }
        if (lateness(nowNanos, earliestTs) >= -slackMillis) {
          // The earliest packet here is due: the missing ones before it are lost and their time
          // is past (the LATE conceals while we waited stood in for them). Jump to it.
          for (long k = nextSeq; k < earliest; k++) {
            observeLoss(true);
          }
          nextSeq = earliest;
          nextTimestamp = earliestTs;
          return next(nowNanos, mayAccelerate);
        }
        // Not due yet. Lost frames whose time passed while we waited were covered by the LATE
        // conceals: move up to the missing frame that is due now, so that the one just before
        // the earliest packet is concealed with that packet's FEC.
        while (nextSeq + 1 < earliest) {
          long ts = earliestTs - (earliest - (nextSeq + 1)) * frameSamples;
          if (lateness(nowNanos, ts) < -slackMillis) {
            break;
          }
          nextSeq++;
          nextTimestamp = ts;
          observeLoss(true);
        }
      }
      if (lateness(nowNanos, nextTimestamp) < -slackMillis) {
        return conceal(nextTimestamp, PlayoutEvent.Cause.STRETCH); // early: it may still come
      }
      long lostTs = nextTimestamp;
      nextSeq++;
      nextTimestamp += frameSamples;
      observeLoss(true);
      int n = (int) (nextSeq & mask);
      if (slotSeq[n] == nextSeq) {
        lateRunFrames = 0;
        fecSamples += frameSamples;
        countConcealed();
        return new PlayoutEvent.ConcealWithFec(lostTs, frameSamples,
            ByteBuffer.wrap(slotPayload[n]).asReadOnlyBuffer());
      }
      return conceal(lostTs, PlayoutEvent.Cause.LOSS);
    }
    if (senderPaused) {
      // The last packet came after a pause in sending: a DTX update, and in DTX the sender
      // sends nothing between updates (some 400 ms apart), so an empty buffer is expected
      // silence. (It also holds after the first packet of a new talk spurt, until its successor
      // plays: if that successor is late, it gets silence rather than PLC for a frame or two.)
      return idle(nextTimestamp);
    }
    if (nowNanos - lastArrivalNanos > config.idleAfterMillis() * 1_000_000L) {
      return idle(nextTimestamp); // the sender is quiet or gone: silence, not concealment
    }
    // Nothing here: late or lost, or the sender has paused (DTX), we cannot tell yet. Conceal
    // and keep waiting: if the packet is merely late, PLC now is what is heard least; a lost
    // packet is declared lost when a later one arrives (above), never on an empty buffer, so a
    // pause in sending does not skip the packets that follow it. If the next packet reveals a
    // pause (its sequence number is the next one, its timestamp far ahead), these conceals are
    // taken back out of the statistics (senderPausedFrom): they stood in for nothing that was
    // sent. The wait ends after idleAfterMillis without arrivals (above).
    return conceal(nextTimestamp, PlayoutEvent.Cause.LATE);
  }

  /** The lowest buffered sequence number at or after nextSeq, or EMPTY. */
  private long earliestBuffered() {
    for (long m = nextSeq; m <= nextSeq + mask; m++) {
      if (slotSeq[(int) (m & mask)] == m) {
        return m;
      }
    }
    return EMPTY;
  }

  private byte[] take(int s) {
    byte[] payload = slotPayload[s];
    slotSeq[s] = ~slotSeq[s]; // remembered as played, so a late duplicate is recognised
    slotPayload[s] = null;
    count--;
    nextTimestamp = slotTimestamp[s] + frameSamples;
    nextSeq++;
    return payload;
  }

  /**
   * A packet (sequence number {@code seq}) came after a gap in timestamps with none in sequence
   * numbers: nothing was sent in between (RFC 3551 DTX; Opus sends a short update every 400 ms).
   * The LATE conceals played while we waited for it were DTX silence: W3C concealedSamples and
   * totalSamplesReceived count sent audio only, so they are taken back out.
   */
  private void senderPausedFrom(long seq) {
    if (!senderPaused || seq > pausedSeq) {
      pausedSeq = seq;
    }
    senderPaused = true;
    if (lateRunFrames > 0) {
      concealedSamples -= lateRunFrames * frameSamples;
      totalSamples -= lateRunFrames * frameSamples;
      if (lateRunOpenedEvent) {
        concealmentEvents--;
      }
      lateRunFrames = 0;
    }
  }

  private PlayoutEvent idle(long ts) {
    concealing = false;
    return new PlayoutEvent.Idle(ts, frameSamples);
  }

  private PlayoutEvent conceal(long ts, PlayoutEvent.Cause cause) {
    if (cause == PlayoutEvent.Cause.LATE) {
      if (lateRunFrames++ == 0) {
        lateRunOpenedEvent = !concealing;
      }
    } else {
      lateRunFrames = 0;
    }
    if (cause == PlayoutEvent.Cause.STRETCH) {
      insertedSamples += frameSamples;
      totalSamples += frameSamples;
    } else {
      countConcealed();
    }
    return new PlayoutEvent.Conceal(ts, frameSamples, cause);
  }

  private void countConcealed() {
    if (!concealing) {
      concealmentEvents++;
      concealing = true;
    }
    concealedSamples += frameSamples;
    totalSamples += frameSamples;
  }

  /** A snapshot of the counters. */
  public JitterBufferStats stats() {
    return new JitterBufferStats(packetsReceived, packetsDiscarded, packetsDuplicated, delaySeconds,
        targetDelaySeconds, emittedSamples, concealedSamples, concealmentEvents, totalSamples,
        insertedSamples, removedSamples, fecSamples, targetMillis);
  }
}
