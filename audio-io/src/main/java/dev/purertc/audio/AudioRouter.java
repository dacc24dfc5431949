package dev.purertc.audio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The route logic of the audio session, sans I/O: it is fed device snapshots and line-health
 * reports and answers with {@link AudioEvent}s; it owns no thread, no line and no process, so
 * tests drive it directly.
 *
 * <p>Inputs: {@link #updateDevices} (a full list from a device watcher), {@link #select} and
 * {@link #followDefault} (the user), {@link #lineStalled} / {@link #lineRecovered} (the
 * watchdog of the line carrying a direction). Output: {@link #poll()}.
 *
 * <p>Events of one input come in this order: devices removed, devices added, route changes,
 * interruption began/ended. An interruption of a direction begins when it loses its last device
 * or its line stalls, and ends when it has a device again and its line flows.
 *
 * <p>Threading: not thread-safe; the session calls it under its lock.
 */
public final class AudioRouter {
    private final RoutePolicy policy;
    private Map<String, AudioDevice> devices = new LinkedHashMap<>();
    private final Map<Direction, AudioDevice> route = new EnumMap<>(Direction.class);
    private final Map<Direction, DeviceSelector> userChoice = new EnumMap<>(Direction.class);
    private final Set<Direction> stalled = EnumSet.noneOf(Direction.class);
    private final Set<Direction> interrupted = EnumSet.noneOf(Direction.class);
    private final ArrayDeque<AudioEvent> events = new ArrayDeque<>();

    public AudioRouter(RoutePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * Takes the complete current device list (of all directions). Devices are told apart by id;
     * the first of duplicate ids counts.
     */
    public void updateDevices(List<AudioDevice> snapshot) {
        Map<String, AudioDevice> next = new LinkedHashMap<>();
        for (AudioDevice d : snapshot) {
            next.putIfAbsent(d.id(), d);
        }
        Map<String, AudioDevice> previous = devices;
        devices = next;
        for (AudioDevice d : previous.values()) {
            if (!next.containsKey(d.id())) {
                events.add(new AudioEvent.DeviceRemoved(d));
            }
        }
        List<AudioDevice> added = new ArrayList<>();
        for (AudioDevice d : next.values()) {
            if (!previous.containsKey(d.id())) {
                added.add(d);
                events.add(new AudioEvent.DeviceAdded(d));
            }
        }
        for (Direction direction : Direction.values()) {
            List<AudioDevice> addedHere = added.stream().filter(d -> d.direction() == direction).toList();
            boolean defaultChanged = !Objects.equals(defaultId(previous, direction), defaultId(next, direction));
            decide(direction, addedHere, defaultChanged);
        }
    }

    private static String defaultId(Map<String, AudioDevice> devices, Direction direction) {
        for (AudioDevice d : devices.values()) {
            if (d.direction() == direction && d.isDefault()) {
                return d.id();
            }
        }
        return null;
    }

    /**
     * The user chooses a device for a direction. It stays the route while it exists (with the
     * phone-like policy: also when it comes back after disappearing).
     *
     * @throws AudioDeviceException if no available device of that direction matches
     */
    public void select(Direction direction, DeviceSelector selector) throws AudioDeviceException {
        AudioDevice chosen = selector.find(available(direction), direction)
                .orElseThrow(() -> new AudioDeviceException(selector.format(),
                        "is not an available " + direction.label() + " device"));
        userChoice.put(direction, selector);
        move(direction, chosen, RouteChangeReason.USER_SELECTED);
    }

    /** Forgets the user's choice for a direction; the route goes back to the policy (the default). */
    public void followDefault(Direction direction) {
        userChoice.remove(direction);
        decide(direction, List.of(), true);
    }

    /** The line of a direction delivers no audio (zero-length or blocked transfers). */
    public void lineStalled(Direction direction, String why) {
        stalled.add(direction);
        beginInterruption(direction, why);
    }

    /** The line of a direction moves audio (again). */
    public void lineRecovered(Direction direction) {
        stalled.remove(direction);
        endInterruptionIfHealthy(direction);
    }

    /** The devices known now, in the order of the last snapshot. */
    public List<AudioDevice> devices() {
        return List.copyOf(devices.values());
    }

    /** The device carrying a direction now. */
    public Optional<AudioDevice> route(Direction direction) {
        return Optional.ofNullable(route.get(direction));
    }

    /** Whether a direction is interrupted now. */
    public boolean isInterrupted(Direction direction) {
        return interrupted.contains(direction);
    }

    /** The next event, or null when there is none. */
    public AudioEvent poll() {
        return events.poll();
    }

    private List<AudioDevice> available(Direction direction) {
        return devices.values().stream().filter(d -> d.direction() == direction).toList();
    }

    private void decide(Direction direction, List<AudioDevice> added, boolean defaultChanged) {
        AudioDevice old = route.get(direction);
        RouteContext context = new RouteContext(direction, old, userChoice.get(direction), available(direction),
                added, defaultChanged);
        AudioDevice next = policy.choose(context);
        if (next != null && (next.direction() != direction || context.find(next.id()).isEmpty())) {
            throw new IllegalStateException("route policy chose " + next.id() + ", which is not an available "
                    + direction.label() + " device");
        }
        RouteChangeReason reason;
        if (old == null) {
            reason = RouteChangeReason.DEVICE_AVAILABLE;
        } else if (!context.currentAvailable()) {
            reason = RouteChangeReason.OLD_DEVICE_UNAVAILABLE;
        } else if (next != null && added.stream().anyMatch(d -> d.id().equals(next.id()))) {
            reason = RouteChangeReason.NEW_DEVICE_AVAILABLE;
        } else if (defaultChanged) {
            reason = RouteChangeReason.DEFAULT_CHANGED;
        } else {
            reason = RouteChangeReason.POLICY;
        }
        move(direction, next, reason);
    }

    private void move(Direction direction, AudioDevice next, RouteChangeReason reason) {
        AudioDevice old = route.get(direction);
        if (next == null) {
            route.remove(direction);
        } else {
            route.put(direction, next);
        }
        String oldId = old == null ? null : old.id();
        String nextId = next == null ? null : next.id();
        if (Objects.equals(oldId, nextId)) {
            return; // same device (perhaps a refreshed record): no change to report
        }
        events.add(new AudioEvent.RouteChanged(direction, old, next, reason));
        if (next == null) {
            beginInterruption(direction, "no " + direction.label() + " device left");
        } else {
            endInterruptionIfHealthy(direction);
        }
    }

    private void beginInterruption(Direction direction, String why) {
        if (interrupted.add(direction)) {
            events.add(new AudioEvent.InterruptionBegan(direction, why));
        }
    }

    private void endInterruptionIfHealthy(Direction direction) {
        if (interrupted.contains(direction) && route.containsKey(direction) && !stalled.contains(direction)) {
            interrupted.remove(direction);
            events.add(new AudioEvent.InterruptionEnded(direction));
        }
    }
}
