package dev.purertc.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The router under random sequences of plugs, unplugs, default changes, stalls, recoveries and
 * user choices, checked against invariants a caller relies on.
 */
class AudioRouterProperties {
    /** Pool: 3 inputs and 3 outputs, one headset each. */
    private static final List<String> NAMES = List.of("Mic", "Line In", "Headset Mic", "Speaker", "HDMI", "USB Headset");

    enum Kind { PLUG, UNPLUG, DEFAULT, STALL, RECOVER, SELECT, FOLLOW_DEFAULT }

    record Op(Kind kind, int device) {
        Direction direction() {
            return device < 3 ? Direction.INPUT : Direction.OUTPUT;
        }
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 5)).as(Op::new)
                .list().ofMaxSize(60);
    }

    private static AudioDevice device(int i, boolean isDefault) {
        String name = NAMES.get(i);
        boolean headset = name.contains("Headset");
        return i < 3 ? Devices.input(name, isDefault, headset) : Devices.output(name, isDefault, headset);
    }

    @Property(tries = 500)
    void routesEventsAndInterruptionsStayConsistent(@ForAll("operations") List<Op> ops) {
        AudioRouter router = new AudioRouter(RoutePolicy.phoneLike());
        Set<Integer> present = new LinkedHashSet<>();
        Map<Direction, Integer> defaults = new EnumMap<>(Direction.class);
        Map<Direction, String> chosen = new EnumMap<>(Direction.class);
        Set<Direction> stalled = new HashSet<>();
        // What the events say, replayed.
        Set<String> announced = new HashSet<>();
        Map<Direction, String> announcedRoute = new EnumMap<>(Direction.class);
        Map<Direction, Boolean> announcedInterrupted = new EnumMap<>(Direction.class);

        for (Op op : ops) {
            Direction d = op.direction();
            switch (op.kind()) {
                case PLUG -> present.add(op.device());
                case UNPLUG -> present.remove(op.device());
                case DEFAULT -> defaults.put(d, op.device());
                case STALL -> {
                    router.lineStalled(d, "stalled");
                    stalled.add(d);
                }
                case RECOVER -> {
                    router.lineRecovered(d);
                    stalled.remove(d);
                }
                case SELECT -> {
                    try {
                        router.select(d, DeviceSelector.byId(device(op.device(), false).id()));
                        chosen.put(d, device(op.device(), false).id());
                    } catch (AudioDeviceException e) {
                        assertTrue(!present.contains(op.device()), "refused an available device: " + e.getMessage());
                    }
                }
                case FOLLOW_DEFAULT -> {
                    router.followDefault(d);
                    chosen.remove(d);
                }
            }
            if (op.kind() == Kind.PLUG || op.kind() == Kind.UNPLUG || op.kind() == Kind.DEFAULT) {
                List<AudioDevice> snapshot = new ArrayList<>();
                for (int i = 0; i < NAMES.size(); i++) {
                    if (present.contains(i)) {
                        Direction di = i < 3 ? Direction.INPUT : Direction.OUTPUT;
                        snapshot.add(device(i, defaults.getOrDefault(di, -1) == i));
                    }
                }
                router.updateDevices(snapshot);
            }
            AudioEvent e;
            while ((e = router.poll()) != null) {
                if (e instanceof AudioEvent.DeviceAdded a) {
                    assertTrue(announced.add(a.device().id()), "added twice: " + a.format());
                } else if (e instanceof AudioEvent.DeviceRemoved r) {
                    assertTrue(announced.remove(r.device().id()), "removed unknown: " + r.format());
                } else if (e instanceof AudioEvent.RouteChanged c) {
                    assertEquals(announcedRoute.get(c.direction()), c.previous() == null ? null : c.previous().id(),
                            "route changes chain");
                    announcedRoute.put(c.direction(), c.current() == null ? null : c.current().id());
                } else if (e instanceof AudioEvent.InterruptionBegan b) {
                    assertTrue(!announcedInterrupted.getOrDefault(b.direction(), false), "began twice");
                    announcedInterrupted.put(b.direction(), true);
                } else if (e instanceof AudioEvent.InterruptionEnded n) {
                    assertTrue(announcedInterrupted.getOrDefault(n.direction(), false), "ended without beginning");
                    announcedInterrupted.put(n.direction(), false);
                }
            }
            Set<String> presentIds = new HashSet<>();
            present.forEach(i -> presentIds.add(device(i, false).id()));
            assertEquals(presentIds, announced, "replayed add/remove events give the device set");
            for (Direction dir : Direction.values()) {
                boolean any = present.stream().anyMatch(i -> (i < 3) == (dir == Direction.INPUT));
                var route = router.route(dir);
                assertEquals(any, route.isPresent(), "a direction has a route exactly when it has devices");
                route.ifPresent(r -> assertTrue(presentIds.contains(r.id()), "the route is an available device"));
                assertEquals(announcedRoute.get(dir), route.map(AudioDevice::id).orElse(null), "events tell the route");
                String choice = chosen.get(dir);
                if (choice != null && presentIds.contains(choice)) {
                    assertEquals(choice, route.orElseThrow().id(), "the user's choice holds while it exists");
                }
                boolean interrupted = router.isInterrupted(dir);
                assertEquals(announcedInterrupted.getOrDefault(dir, false), interrupted, "events tell the interruption");
                if (stalled.contains(dir)) {
                    assertTrue(interrupted, "a stalled line is an interruption");
                }
                if (interrupted) {
                    assertTrue(stalled.contains(dir) || route.isEmpty(), "interrupted only when stalled or without route");
                }
            }
        }
    }
}
