package dev.purertc.audio;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a caller names a device: by its exact {@link AudioDevice#id() id}, or by a regular
 * expression found in its name or id (case-insensitive).
 *
 * @param id          exact id, or null when choosing by pattern
 * @param namePattern pattern, or null when choosing by id
 */
public record DeviceSelector(String id, Pattern namePattern) {
    public DeviceSelector {
        if ((id == null) == (namePattern == null)) {
            throw new IllegalArgumentException("a selector has exactly one of id and name pattern");
        }
    }

    /** Chooses the device with exactly this id. */
    public static DeviceSelector byId(String id) {
        return new DeviceSelector(Objects.requireNonNull(id, "id"), null);
    }

    /**
     * Chooses the first device whose name or id contains a match of {@code regex}, case-insensitive.
     *
     * @throws java.util.regex.PatternSyntaxException if the pattern is not a valid expression
     */
    public static DeviceSelector byName(String regex) {
        return new DeviceSelector(null, Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    /** Whether this selector names {@code device}. */
    public boolean matches(AudioDevice device) {
        if (id != null) {
            return id.equals(device.id());
        }
        return namePattern.matcher(device.name()).find() || namePattern.matcher(device.id()).find();
    }

    /** The first of {@code devices} in {@code direction} this selector names. */
    public Optional<AudioDevice> find(List<AudioDevice> devices, Direction direction) {
        return devices.stream().filter(d -> d.direction() == direction && matches(d)).findFirst();
    }

    /** {@code id=<id>} or {@code name~<pattern>}. */
    public String format() {
        return id != null ? "id=" + id : "name~" + namePattern.pattern();
    }

    @Override
    public String toString() {
        return format();
    }
}
