package dev.purertc.rtp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, virtual-time network between an audio sender (one 20 ms packet per sender-clock
 * period) and a receiver whose playout clock pulls a {@link JitterBuffer} every 20 ms. No threads,
 * no sleeps: minutes of call run in milliseconds.
 */
final class NetworkSimulator {
  static final int CLOCK_RATE = 48_000;
  static final int FRAME_SAMPLES = 960;
  static final long FRAME_NANOS = 20_000_000L;
  static final long MS = 1_000_000L;

  /** How the network treats packet {@code index} sent at receiver time {@code sentNanos}. */
  interface Network {
    /** Arrival delays of the copies of the packet (empty = lost; two = duplicated). */
    long[] delaysNanos(int index, long sentNanos, SplittableRandom random);
  }

  /**
   * Which 20 ms frames the sender sends, and the timestamp it writes. Sequence numbers count the
   * packets sent, so they stay contiguous over frames not sent (DTX), as a real sender's do.
   */
  interface Sender {
    boolean sends(int frame);

    /** Added to the frame's true RTP timestamp: 0 for a sane sender. */
    default long timestampErrorSamples(int frame) {
      return 0;
    }
  }

  static final Sender CONTINUOUS = frame -> true;

  /**
   * @param name label for reports
   * @param network the path
   * @param senderClockPpm how much faster the sender's sampling clock runs than the receiver's
   * @param senderOffsetNanos constant offset between the two clocks (must cancel out)
   * @param sender which frames are sent, with which timestamps
   */
  record Profile(String name, Network network, double senderClockPpm, long senderOffsetNanos, Sender sender) {
    Profile(String name, Network network, double senderClockPpm, long senderOffsetNanos) {
      this(name, network, senderClockPpm, senderOffsetNanos, CONTINUOUS);
    }

    static Profile of(String name, Network network) {
      return new Profile(name, network, 0, 0);
    }

    static Profile of(String name, Network network, Sender sender) {
      return new Profile(name, network, 0, 0, sender);
    }
  }

  /** What one run produced. */
  record Result(Profile profile, JitterBufferStats stats, List<PlayoutEvent> events, List<Double> targetEverySecond,
      int packetsSent) {
    long frames(Class<? extends PlayoutEvent> type) {
      return events.stream().filter(type::isInstance).count();
    }

    long conceals(PlayoutEvent.Cause cause) {
      return events.stream().filter(e -> e instanceof PlayoutEvent.Conceal c && c.cause() == cause).count();
    }
  }

  private record Arrival(long atNanos, int index, int seq) {}

  static Result run(Profile profile, long seed, int seconds) {
    return run(profile, seed, seconds, JitterBufferConfig.defaults(CLOCK_RATE, FRAME_SAMPLES));
  }

  static Result run(Profile profile, long seed, int seconds, JitterBufferConfig config) {
    SplittableRandom random = new SplittableRandom(seed);
    int packets = seconds * 50;
    // The sender's 20 ms period, seen on the receiver's clock.
    double periodNanos = FRAME_NANOS / (1 + profile.senderClockPpm() * 1e-6);
    List<Arrival> arrivals = new ArrayList<>();
    int sentPackets = 0;
    int lastFrame = -1;
    for (int i = 0; i < packets; i++) {
      if (!profile.sender().sends(i)) {
        continue;
      }
      long sent = 100 * MS + Math.round(i * periodNanos);
      for (long d : profile.network().delaysNanos(i, sent, random)) {
        arrivals.add(new Arrival(sent + d, i, sentPackets));
      }
      sentPackets++;
      lastFrame = i;
    }
    arrivals.sort(Comparator.comparingLong(Arrival::atNanos));

    RtpWriter writer = new RtpWriter(0x5EED, 111, List.of(), 0);
    ByteBuffer wire = ByteBuffer.allocate(256);
    ByteBuffer payload = ByteBuffer.allocate(4);
    // The sender's clock offset shows only in its RTP timestamps: the receiver has its own clock.
    // The timestamps and sequence numbers wrap during the run.
    long ts0 = (0xFFFF_0000L + profile.senderOffsetNanos() / 1000 * CLOCK_RATE / 1_000_000) & 0xFFFF_FFFFL;
    int seq0 = 65_000;

    JitterBuffer buffer = new JitterBuffer(config);
    List<PlayoutEvent> events = new ArrayList<>();
    List<Double> targets = new ArrayList<>();
    long pull = 7 * MS; // the device clock's phase is unrelated to the sender's
    long end = 100 * MS + packets * FRAME_NANOS + 500 * MS;
    int next = 0;
    // On the sender's true timeline, which the buffer keeps across a timestamp jump.
    long lastTimestamp = ts0 + (long) FRAME_SAMPLES * lastFrame;
    long consumed = Long.MIN_VALUE;
    boolean lastPlayed = false;
    // Until the last packet's frame is played or concealed: the call ends there, so the
    // buffer running dry after it is not counted as concealment. (Or until the last packet is
    // played, whatever its timestamp.)
    while (pull < end && consumed < lastTimestamp && !lastPlayed) {
      while (next < arrivals.size() && arrivals.get(next).atNanos() <= pull) {
        Arrival a = arrivals.get(next++);
        payload.clear();
        payload.putInt(0, a.index());
        wire.clear();
        long ts = ts0 + (long) FRAME_SAMPLES * a.index() + profile.sender().timestampErrorSamples(a.index());
        writer.write(wire, (seq0 + a.seq()) & 0xFFFF, ts & 0xFFFF_FFFFL, false, payload);
        buffer.insert(RtpPacket.parse(wire.flip()), a.atNanos());
      }
      PlayoutEvent e = buffer.pull(pull);
      events.add(e);
      if (e instanceof PlayoutEvent.Frame || e instanceof PlayoutEvent.ConcealWithFec
          || (e instanceof PlayoutEvent.Conceal c && c.cause() == PlayoutEvent.Cause.LOSS)) {
        consumed = e.rtpTimestamp();
      }
      if (e instanceof PlayoutEvent.Frame f && f.payload().getInt(0) == lastFrame) {
        lastPlayed = true;
      }
      if ((pull / FRAME_NANOS) % 50 == 0) {
        targets.add(buffer.targetDelayMillis());
      }
      pull += FRAME_NANOS;
    }
    return new Result(profile, buffer.stats(), events, targets, sentPackets);
  }

  // Senders ----------------------------------------------------------------------------------

  /**
   * Talk spurts of {@code talkFrames} alternating with DTX pauses of {@code dtxFrames}, as a
   * WebRTC Opus sender does: the first frame of a pause is sent (the encoder's DTX frame), then
   * one update every {@code updateEveryFrames} (Opus: 400 ms), nothing in between.
   */
  static Sender dtx(int talkFrames, int dtxFrames, int updateEveryFrames) {
    return frame -> {
      int inCycle = frame % (talkFrames + dtxFrames);
      return inCycle < talkFrames || (inCycle - talkFrames) % updateEveryFrames == 0;
    };
  }

  /** True if {@code frame} falls in a DTX pause of {@link #dtx} (its updates included). */
  static boolean inDtx(int frame, int talkFrames, int dtxFrames) {
    return frame % (talkFrames + dtxFrames) >= talkFrames;
  }

  /** Sends every frame; frame {@code at} gets its timestamp off by {@code errorSamples}. */
  static Sender timestampOutlier(int at, long errorSamples) {
    return new Sender() {
      @Override public boolean sends(int frame) {
        return true;
      }

      @Override public long timestampErrorSamples(int frame) {
        return frame == at ? errorSamples : 0;
      }
    };
  }

  /** Sends every frame; from frame {@code at} on, timestamps are off by {@code jumpSamples}. */
  static Sender timestampJump(int at, long jumpSamples) {
    return new Sender() {
      @Override public boolean sends(int frame) {
        return true;
      }

      @Override public long timestampErrorSamples(int frame) {
        return frame >= at ? jumpSamples : 0;
      }
    };
  }

  // Paths ------------------------------------------------------------------------------------

  static Network fixed(long baseNanos) {
    return (i, sent, r) -> new long[] {baseNanos};
  }

  /** Base delay plus a uniform extra delay in [0, jitter]; packets may overtake each other. */
  static Network uniformJitter(long baseNanos, long jitterNanos) {
    return (i, sent, r) -> new long[] {baseNanos + r.nextLong(jitterNanos + 1)};
  }

  /** Independent loss with probability {@code p}. */
  static Network randomLoss(Network path, double p) {
    return (i, sent, r) -> r.nextDouble() < p ? new long[0] : path.delaysNanos(i, sent, r);
  }

  /** Gilbert-Elliott loss: good to bad with {@code pBad}, bad to good with {@code pGood}. */
  static Network burstLoss(Network path, double pBad, double pGood) {
    boolean[] bad = {false};
    return (i, sent, r) -> {
      bad[0] = bad[0] ? r.nextDouble() >= pGood : r.nextDouble() < pBad;
      return bad[0] ? new long[0] : path.delaysNanos(i, sent, r);
    };
  }

  /** A share {@code p} of packets is held back by {@code extraNanos} and overtaken. */
  static Network reorder(Network path, double p, long extraNanos) {
    return (i, sent, r) -> {
      long[] d = path.delaysNanos(i, sent, r);
      if (d.length > 0 && r.nextDouble() < p) {
        d[0] += extraNanos;
      }
      return d;
    };
  }

  /** A share {@code p} of packets arrives twice, the copy up to {@code maxLagNanos} later. */
  static Network duplicate(Network path, double p, long maxLagNanos) {
    return (i, sent, r) -> {
      long[] d = path.delaysNanos(i, sent, r);
      if (d.length == 1 && r.nextDouble() < p) {
        return new long[] {d[0], d[0] + r.nextLong(maxLagNanos + 1)};
      }
      return d;
    };
  }

  /** {@code jittery} during [fromNanos, toNanos) of send time, {@code calm} otherwise. */
  static Network episode(Network calm, Network jittery, long fromNanos, long toNanos) {
    return (i, sent, r) -> sent >= fromNanos && sent < toNanos ? jittery.delaysNanos(i, sent, r)
        : calm.delaysNanos(i, sent, r);
  }

  private NetworkSimulator() {}
}
