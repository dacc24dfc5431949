package dev.purertc.ice;

import dev.purertc.sdp.Candidate;
import dev.purertc.sdp.IceCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;

/** A {@link UdpIceTransport} on real sockets with its events recorded, for tests. */
final class RealPeer implements AutoCloseable {
  final UdpIceTransport transport;
  final BlockingQueue<ByteBuffer> received = new LinkedBlockingQueue<>();
  private final List<Candidate> candidates = new ArrayList<>();
  private final List<IceEvent> events = new ArrayList<>();
  private boolean endOfCandidates;
  private RealPeer trickleTo;

  RealPeer(IceConfig config, List<InetAddress> addresses, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    transport = UdpIceTransport.open(config, IceCredentials.random(r.split()), addresses,
        System::nanoTime, r.split(), this::onEvent);
  }

  private void onEvent(IceEvent e) {
    if (e instanceof IceEvent.DatagramReceived d) {
      received.add(d.data());
      return;
    }
    RealPeer to;
    synchronized (this) {
      events.add(e);
      if (e instanceof IceEvent.LocalCandidate c) {
        candidates.add(c.candidate());
      } else if (e instanceof IceEvent.EndOfCandidates) {
        endOfCandidates = true;
      }
      to = trickleTo;
      notifyAll();
    }
    if (to != null && e instanceof IceEvent.LocalCandidate c) {
      to.transport.addRemoteCandidate(c.candidate());
    } else if (to != null && e instanceof IceEvent.EndOfCandidates) {
      to.transport.endOfRemoteCandidates();
    }
  }

  /** From now on, trickle every local candidate (past and future) to the other peer. */
  void trickleTo(RealPeer other) {
    List<Candidate> past;
    boolean end;
    synchronized (this) {
      trickleTo = other;
      past = new ArrayList<>(candidates);
      end = endOfCandidates;
    }
    for (Candidate c : past) {
      other.transport.addRemoteCandidate(c);
    }
    if (end) {
      other.transport.endOfRemoteCandidates();
    }
  }

  synchronized List<IceEvent> events() {
    return new ArrayList<>(events);
  }

  synchronized List<Candidate> candidates() {
    return new ArrayList<>(candidates);
  }

  /** Waits (without sleeping blindly) until the condition holds; false on timeout. */
  synchronized boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      // Woken by every event; the 20 ms cap also catches conditions that change without one.
      wait(Math.max(1, Math.min(20, left / 1_000_000)));
    }
    return true;
  }

  /** Waits until the end-of-candidates event was delivered (so every candidate event was too). */
  boolean awaitEndOfCandidates(Duration timeout) throws InterruptedException {
    return await(() -> endOfCandidates, timeout);
  }

  boolean awaitUsable(Duration timeout) throws InterruptedException {
    return await(() -> {
      IceConnectionState s = transport.connectionState();
      return s == IceConnectionState.CONNECTED || s == IceConnectionState.COMPLETED;
    }, timeout);
  }

  boolean awaitState(IceConnectionState state, Duration timeout) throws InterruptedException {
    return await(() -> transport.connectionState() == state, timeout);
  }

  static void exchangeCredentials(RealPeer a, RealPeer b) {
    a.transport.setRemoteCredentials(b.transport.localCredentials());
    b.transport.setRemoteCredentials(a.transport.localCredentials());
  }

  @Override
  public void close() {
    transport.close();
  }
}
