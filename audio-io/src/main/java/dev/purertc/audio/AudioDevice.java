package dev.purertc.audio;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An audio input or output as the session sees it.
 *
 * @param id          stable identifier: the same physical or virtual device has the same id across
 *                    enumerations and restarts of the session ({@code javasound:<mixer name>} or
 *                    {@code pulse:<sink or source name>}, suffixed {@code :input}/{@code :output})
 * @param name        human-readable name (mixer name, or the PulseAudio description)
 * @param direction   input or output
 * @param backend     what the device is reached through
 * @param formats     PCM formats the device offers; empty when unknown
 * @param isDefault   whether this is the system's default device for its direction
 * @param headsetLike whether a phone-like policy should prefer it when it appears (a headset,
 *                    headphones, or a USB or Bluetooth device)
 */
public record AudioDevice(String id, String name, Direction direction, AudioBackend backend,
                          List<SupportedFormat> formats, boolean isDefault, boolean headsetLike) {
    public AudioDevice {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(backend, "backend");
        if (id.isBlank()) {
            throw new IllegalArgumentException("device id is blank");
        }
        formats = List.copyOf(formats);
    }

    /** Builds the stable id for a device of a backend: {@code <prefix>:<native name>:<direction>}. */
    static String idOf(AudioBackend backend, String nativeName, Direction direction) {
        return (backend == AudioBackend.JAVA_SOUND ? "javasound:" : "pulse:") + nativeName + ":" + direction.label();
    }

    /** The backend's own name of the device: the mixer name, or the sink or source name. */
    String nativeName() {
        int first = id.indexOf(':');
        int last = id.lastIndexOf(':');
        return first < last ? id.substring(first + 1, last) : id;
    }

    /**
     * One line for a device list, e.g.
     * {@code output  pulse:vsink:output  "Virtual Sink"  default headset  [44100 Hz/2 ch/16 bit]}.
     */
    public String format() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-6s  %s  \"%s\"", direction.label(), id, name));
        if (isDefault) {
            b.append("  default");
        }
        if (headsetLike) {
            b.append("  headset");
        }
        if (!formats.isEmpty()) {
            b.append("  [").append(formats.stream().map(SupportedFormat::format).collect(Collectors.joining(", "))).append(']');
        }
        return b.toString();
    }

    /** Short form for events: {@code pulse:vsink:output "Virtual Sink"}. */
    public String shortName() {
        return id + " \"" + name + "\"";
    }
}
