package dev.purertc.ice.stun;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Client transactions over UDP (RFC 8489 §6.2.1), sans-I/O: the caller sends the request once
 * itself, registers it here, and on each {@link #poll} learns which requests to send again and
 * which timed out. Times are {@link System#nanoTime()}-style nanos from the caller's clock.
 *
 * <p>Schedule: retransmit at RTO, 3 RTO, 7 RTO, ... (doubling), {@code rc} sends in all; the
 * transaction fails {@code rm} RTO after the last send. RFC 8489 defaults: RTO 500 ms, Rc 7,
 * Rm 16, so a request to a silent server fails after 39.5 s.
 *
 * <p>Not thread-safe: the owner (an agent or TURN client) calls it under its own lock.
 *
 * @param <T> what the caller keeps with a transaction (the bytes to resend, the destination)
 */
public final class StunTransactions<T> {
  /** RFC 8489 §6.2.1 default initial RTO. */
  public static final long DEFAULT_RTO_NANOS = 500_000_000L;
  /** RFC 8489 §6.2.1 default Rc. */
  public static final int DEFAULT_RC = 7;
  /** RFC 8489 §6.2.1 default Rm. */
  public static final int DEFAULT_RM = 16;

  private final Map<TransactionId, Entry<T>> entries = new HashMap<>();

  private static final class Entry<T> {
    final T context;
    final long rtoNanos;
    final int rc;
    final int rm;
    int sent = 1;
    long intervalNanos;
    long dueNanos;

    Entry(T context, long now, long rtoNanos, int rc, int rm) {
      this.context = context;
      this.rtoNanos = rtoNanos;
      this.rc = rc;
      this.rm = rm;
      this.intervalNanos = rtoNanos;
      this.dueNanos = rc <= 1 ? now + rm * rtoNanos : now + rtoNanos;
    }
  }

  /** What {@link #poll} found due. */
  public interface Listener<T> {
    /** Send the request again now. */
    void retransmit(T context);

    /** No response came: the transaction failed. */
    void timedOut(T context);
  }

  /** Registers a request that was just sent for the first time, with the RFC 8489 defaults. */
  public void start(TransactionId id, T context, long nowNanos) {
    start(id, context, nowNanos, DEFAULT_RTO_NANOS, DEFAULT_RC, DEFAULT_RM);
  }

  /** Registers a request that was just sent for the first time. */
  public void start(TransactionId id, T context, long nowNanos, long rtoNanos, int rc, int rm) {
    if (rtoNanos <= 0 || rc < 1 || rm < 1) {
      throw new IllegalArgumentException("RTO, Rc and Rm must be positive");
    }
    entries.put(id, new Entry<>(context, nowNanos, rtoNanos, rc, rm));
  }

  /** Ends a transaction (a response came, or the owner gives up); returns its context or null. */
  public T complete(TransactionId id) {
    Entry<T> e = entries.remove(id);
    return e == null ? null : e.context;
  }

  /** The context of a running transaction, or null. */
  public T get(TransactionId id) {
    Entry<T> e = entries.get(id);
    return e == null ? null : e.context;
  }

  /** Number of running transactions. */
  public int size() {
    return entries.size();
  }

  /** Drops every transaction without reporting them. */
  public void clear() {
    entries.clear();
  }

  /** Contexts of all running transactions. */
  public List<T> contexts() {
    List<T> out = new ArrayList<>();
    for (Entry<T> e : entries.values()) {
      out.add(e.context);
    }
    return out;
  }

  /** The earliest time something is due, or {@link Long#MAX_VALUE}. */
  public long nextDeadlineNanos() {
    long next = Long.MAX_VALUE;
    for (Entry<T> e : entries.values()) {
      next = Math.min(next, e.dueNanos);
    }
    return next;
  }

  /** Reports and advances everything due at or before {@code nowNanos}. */
  public void poll(long nowNanos, Listener<T> listener) {
    List<Map.Entry<TransactionId, Entry<T>>> due = new ArrayList<>();
    for (Map.Entry<TransactionId, Entry<T>> e : entries.entrySet()) {
      if (e.getValue().dueNanos - nowNanos <= 0) {
        due.add(e);
      }
    }
    for (Map.Entry<TransactionId, Entry<T>> me : due) {
      Entry<T> e = me.getValue();
      if (e.sent >= e.rc) {
        entries.remove(me.getKey());
        listener.timedOut(e.context);
        continue;
      }
      e.sent++;
      e.intervalNanos *= 2;
      // RFC 8489 §6.2.1: after the last (Rc-th) send, wait Rm * RTO for a response.
      e.dueNanos = e.sent >= e.rc ? nowNanos + e.rm * e.rtoNanos : nowNanos + e.intervalNanos;
      listener.retransmit(e.context);
    }
  }
}
