package dev.purertc.audio;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Settings of an {@link AudioSession}. Start from {@link #defaults()} and change what differs.
 *
 * @param clockNanos          time source for frame timestamps and stall detection, nanoseconds;
 *                            it must advance with real time (the drivers wait in real time)
 * @param policy              route policy
 * @param bufferMillis        line buffer, 20..500 ms (default 60: three frames)
 * @param devicePollMillis    how often the javax.sound mixer list is re-read (default 500)
 * @param stallMillis         no audio for this long on a running line = stalled (default 1000);
 *                            also the retry interval for reopening a stalled device
 * @param startupGraceMillis  for this long after a line is opened no stall is reported (default
 *                            4000: PulseAudio's first second can take 2-3 s, real-peers.md §3)
 * @param soundServerWatcher  follow PulseAudio/PipeWire through {@code pactl} when it is installed
 *                            and a server answers (default true)
 */
public record AudioSessionConfig(LongSupplier clockNanos, RoutePolicy policy, int bufferMillis, long devicePollMillis,
                                 long stallMillis, long startupGraceMillis, boolean soundServerWatcher) {
    public AudioSessionConfig {
        Objects.requireNonNull(clockNanos, "clockNanos");
        Objects.requireNonNull(policy, "policy");
        if (bufferMillis < 20 || bufferMillis > 500) {
            throw new IllegalArgumentException("buffer not in 20..500 ms: " + bufferMillis);
        }
        if (devicePollMillis < 10 || stallMillis < 50 || startupGraceMillis < stallMillis) {
            throw new IllegalArgumentException("poll >= 10 ms, stall >= 50 ms and grace >= stall are needed: "
                    + devicePollMillis + ", " + stallMillis + ", " + startupGraceMillis);
        }
    }

    /** System.nanoTime, phone-like routes, 60 ms buffers, 500 ms polls, 1 s stalls, 4 s start-up grace, pactl on. */
    public static AudioSessionConfig defaults() {
        return new AudioSessionConfig(System::nanoTime, RoutePolicy.phoneLike(), 60, 500, 1000, 4000, true);
    }

    public AudioSessionConfig withPolicy(RoutePolicy newPolicy) {
        return new AudioSessionConfig(clockNanos, newPolicy, bufferMillis, devicePollMillis, stallMillis, startupGraceMillis,
                soundServerWatcher);
    }

    public AudioSessionConfig withBufferMillis(int newBufferMillis) {
        return new AudioSessionConfig(clockNanos, policy, newBufferMillis, devicePollMillis, stallMillis, startupGraceMillis,
                soundServerWatcher);
    }

    public AudioSessionConfig withTimings(long newDevicePollMillis, long newStallMillis, long newStartupGraceMillis) {
        return new AudioSessionConfig(clockNanos, policy, bufferMillis, newDevicePollMillis, newStallMillis,
                newStartupGraceMillis, soundServerWatcher);
    }

    public AudioSessionConfig withSoundServerWatcher(boolean enabled) {
        return new AudioSessionConfig(clockNanos, policy, bufferMillis, devicePollMillis, stallMillis, startupGraceMillis,
                enabled);
    }
}
