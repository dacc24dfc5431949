package dev.purertc.janus;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Records events from the driver thread; tests await them with a timeout (never a fixed sleep). */
final class EventRecorder<E> implements Consumer<E> {
    private final LinkedBlockingQueue<E> queue = new LinkedBlockingQueue<>();
    private final List<E> seen = new ArrayList<>();

    @Override
    public void accept(E event) {
        queue.add(event);
    }

    /** Waits for the first event of {@code type} matching {@code match}; earlier non-matching events are kept in {@link #seen()}. */
    <T extends E> T await(Class<T> type, Predicate<? super T> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            E e;
            try {
                e = left <= 0 ? null : queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            if (e == null) {
                return fail("no " + type.getSimpleName() + " within " + timeout + "; seen: " + seen);
            }
            synchronized (seen) {
                seen.add(e);
            }
            if (type.isInstance(e) && match.test(type.cast(e))) {
                return type.cast(e);
            }
        }
    }

    <T extends E> T await(Class<T> type, Duration timeout) {
        return await(type, x -> true, timeout);
    }

    /** Fails if an event of {@code type} arrives within {@code window}. */
    void assertNone(Class<? extends E> type, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            E e;
            try {
                e = queue.poll(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
            if (e == null) {
                return;
            }
            synchronized (seen) {
                seen.add(e);
            }
            if (type.isInstance(e)) {
                fail("unexpected " + e);
            }
        }
    }

    List<E> seen() {
        synchronized (seen) {
            return new ArrayList<>(seen);
        }
    }
}
