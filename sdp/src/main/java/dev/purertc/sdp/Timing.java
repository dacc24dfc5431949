package dev.purertc.sdp;

import java.util.List;

/**
 * A {@code t=} line with the {@code r=} lines that follow it (RFC 8866 §5.9, §5.10). WebRTC
 * sessions are unbounded: {@code t=0 0}.
 *
 * @param startTime NTP start time in seconds, 0 for unbounded
 * @param stopTime NTP stop time in seconds, 0 for unbounded
 * @param repeats the values of the {@code r=} lines, kept as written
 */
public record Timing(long startTime, long stopTime, List<String> repeats) {

  /** {@code t=0 0}: a session that is not bounded in time. */
  public static final Timing UNBOUNDED = new Timing(0, 0, List.of());

  public Timing {
    if (startTime < 0 || stopTime < 0) {
      throw new IllegalArgumentException("t= times must not be negative");
    }
    repeats = List.copyOf(repeats);
    repeats.forEach(r -> Fields.requireLine(r, "r="));
  }

  /** Parses the value of a {@code t=} line (the repeats are added by the description parser). */
  public static Timing parse(String value) {
    return SdpParseException.reading(value, Timing::read);
  }

  private static Timing read(String value) {
    List<String> f = Fields.split(value, 2, "t=", "<start-time> <stop-time>");
    if (f.size() != 2) {
      throw new SdpParseException("t=: expected 2 fields but got " + f.size());
    }
    return new Timing(Fields.number(f.get(0), "t= start-time", 0, Long.MAX_VALUE),
        Fields.number(f.get(1), "t= stop-time", 0, Long.MAX_VALUE), List.of());
  }

  /** The value of the {@code t=} line. */
  public String format() {
    return startTime + " " + stopTime;
  }

  Timing withRepeat(String repeat) {
    var all = new java.util.ArrayList<>(repeats);
    all.add(repeat);
    return new Timing(startTime, stopTime, all);
  }
}
