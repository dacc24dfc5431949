package dev.purertc.audio;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RoutePolicy} sees when it decides one direction's route.
 *
 * @param direction      the direction being decided
 * @param current        the device in use, or null; may no longer be in {@code available}
 * @param userChoice     what the user chose for this direction, or null when the route is automatic
 * @param available      the devices of this direction that exist now
 * @param added          the devices of this direction that appeared with this change
 * @param defaultChanged whether the default device of this direction changed with this change
 */
public record RouteContext(Direction direction, AudioDevice current, DeviceSelector userChoice,
                           List<AudioDevice> available, List<AudioDevice> added, boolean defaultChanged) {
    public RouteContext {
        Objects.requireNonNull(direction, "direction");
        available = List.copyOf(available);
        added = List.copyOf(added);
    }

    /** Whether the current device is still available. */
    public boolean currentAvailable() {
        return current != null && find(current.id()).isPresent();
    }

    /** The available device with this id. */
    public Optional<AudioDevice> find(String id) {
        return available.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The default device of this direction, else the first available, else empty. */
    public Optional<AudioDevice> defaultOrFirst() {
        return available.stream().filter(AudioDevice::isDefault).findFirst().or(() -> available.stream().findFirst());
    }
}
