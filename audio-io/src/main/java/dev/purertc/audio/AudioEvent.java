package dev.purertc.audio;

import java.util.Objects;

/**
 * What the audio session reports while it runs: devices appearing and disappearing, the route of a
 * direction moving, and audio of a direction stopping and resuming. Each event prints as one line
 * ({@link #format()}), so a CLI can show the stream as it happens.
 */
public sealed interface AudioEvent {
    /** One line describing the event, e.g. {@code route-changed output: a -> b (NEW_DEVICE_AVAILABLE)}. */
    String format();

    /** A device appeared. */
    record DeviceAdded(AudioDevice device) implements AudioEvent {
        public DeviceAdded {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String format() {
            return "device-added " + device.direction().label() + ": " + device.shortName();
        }
    }

    /** A device disappeared. */
    record DeviceRemoved(AudioDevice device) implements AudioEvent {
        public DeviceRemoved {
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String format() {
            return "device-removed " + device.direction().label() + ": " + device.shortName();
        }
    }

    /**
     * The device carrying a direction changed.
     *
     * @param previous the device before, or null when there was none
     * @param current  the device now, or null when none is left (then an interruption begins too)
     */
    record RouteChanged(Direction direction, AudioDevice previous, AudioDevice current, RouteChangeReason reason)
            implements AudioEvent {
        public RouteChanged {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(reason, "reason");
            if (previous == null && current == null) {
                throw new IllegalArgumentException("a route change needs a device on at least one side");
            }
        }

        @Override
        public String format() {
            return "route-changed " + direction.label() + ": " + name(previous) + " -> " + name(current) + " (" + reason + ")";
        }

        private static String name(AudioDevice d) {
            return d == null ? "none" : d.shortName();
        }
    }

    /**
     * Audio of a direction stopped: its device vanished with nothing to fall back to, or its line
     * stalled (the sound server died, the device hung).
     *
     * @param why one line, e.g. "line stalled: no audio for 1000 ms"
     */
    record InterruptionBegan(Direction direction, String why) implements AudioEvent {
        public InterruptionBegan {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public String format() {
            return "interruption-began " + direction.label() + ": " + why;
        }
    }

    /** Audio of a direction flows again after an interruption. */
    record InterruptionEnded(Direction direction) implements AudioEvent {
        public InterruptionEnded {
            Objects.requireNonNull(direction, "direction");
        }

        @Override
        public String format() {
            return "interruption-ended " + direction.label();
        }
    }
}
