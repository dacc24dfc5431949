package dev.purertc.audio;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Collects a session's events and awaits them with a timeout (never a fixed sleep). */
final class EventLog implements Consumer<AudioEvent> {
    private final List<AudioEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void accept(AudioEvent event) {
        events.add(event);
    }

    List<AudioEvent> all() {
        return List.copyOf(events);
    }

    /** Waits until an event matching {@code what} has arrived and returns the first such. */
    <T extends AudioEvent> T await(Class<T> type, Predicate<T> what, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (AudioEvent e : events) {
                if (type.isInstance(e) && what.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching " + type.getSimpleName() + " within " + timeout + "; events:\n  "
                        + events.stream().map(AudioEvent::format).collect(Collectors.joining("\n  ")));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Waits until {@code condition} holds. */
    static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    void clear() {
        events.clear();
    }
}
