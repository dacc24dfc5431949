package dev.purertc.rtp;

/**
 * Settings of a {@link JitterBuffer}. The defaults follow libwebrtc NetEQ's delay manager where
 * it has a counterpart (95th percentile, forgetting factor 0.983, 500 ms windows, 80 ms start).
 *
 * @param clockRate RTP clock rate in Hz (48000 for Opus)
 * @param frameSamples samples per packet and per pull (960 = 20 ms at 48 kHz)
 * @param capacityPackets slots in the buffer, a power of two; older or newer packets reset it
 * @param startDelayMillis target delay before anything was measured
 * @param minDelayMillis lower bound of the target delay (at least one frame is always added)
 * @param maxDelayMillis upper bound of the target delay
 * @param quantile share of 500 ms windows whose worst packet must arrive in time, 0.5..0.999
 * @param forgetFactor weight kept by the delay histogram at each new window, 0.5..0.9999
 * @param windowMillis length of the window whose worst relative delay enters the histogram
 * @param accelerateIntervalMillis least time between two frames dropped to reduce delay
 * @param idleAfterMillis with the buffer empty and no packet for this long, play silence, not PLC
 * @param fecLossPercent above this smoothed loss rate the target holds one more frame, so that a
 *     lost frame's successor is usually buffered in time for in-band FEC; 100 turns it off
 */
public record JitterBufferConfig(int clockRate, int frameSamples, int capacityPackets,
    int startDelayMillis, int minDelayMillis, int maxDelayMillis, double quantile, double forgetFactor,
    int windowMillis, int accelerateIntervalMillis, int idleAfterMillis, double fecLossPercent) {

  /** Validates ranges. */
  public JitterBufferConfig {
    if (clockRate <= 0 || frameSamples <= 0) {
      throw new IllegalArgumentException("clock rate and frame size must be positive");
    }
    if (capacityPackets < 16 || Integer.bitCount(capacityPackets) != 1) {
      throw new IllegalArgumentException("capacity " + capacityPackets + " is not a power of two >= 16");
    }
    if (minDelayMillis < 0 || maxDelayMillis < minDelayMillis || startDelayMillis < 0) {
      throw new IllegalArgumentException("delays must satisfy 0 <= min <= max and start >= 0");
    }
    if (!(quantile >= 0.5 && quantile <= 0.999) || !(forgetFactor >= 0.5 && forgetFactor <= 0.9999)) {
      throw new IllegalArgumentException("quantile or forget factor out of range");
    }
    if (!(fecLossPercent >= 0 && fecLossPercent <= 100)) {
      throw new IllegalArgumentException("FEC loss threshold " + fecLossPercent + " is not a percentage");
    }
    if (windowMillis <= 0 || accelerateIntervalMillis < 0 || idleAfterMillis <= 0) {
      throw new IllegalArgumentException("window, accelerate interval and idle time must be positive");
    }
  }

  /** Defaults for a stream of {@code frameSamples}-sample packets at {@code clockRate}. */
  public static JitterBufferConfig defaults(int clockRate, int frameSamples) {
    return new JitterBufferConfig(clockRate, frameSamples, 512, 80, 0, 2000, 0.95, 0.983, 500, 500, 400, 1.0);
  }

  /** Frame duration in milliseconds. */
  public double frameMillis() {
    return frameSamples * 1000.0 / clockRate;
  }
}
