package dev.purertc.ice;

import dev.purertc.sdp.IceCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

/**
 * A deterministic simulated network for sans-I/O ICE agents: a virtual clock, a fixed one-way
 * latency, and a drop rule. Nothing sleeps; a minute of call time runs in milliseconds.
 */
final class SimNetwork {
  static final long MS = 1_000_000L;

  /** One agent on the simulated network and everything it reported. */
  static final class Peer {
    final String name;
    final IceAgent agent;
    final List<InetSocketAddress> sockets;
    final List<IceEvent> events = new ArrayList<>();
    final List<ByteBuffer> received = new ArrayList<>();
    final Map<IceConnectionState, Long> firstStateNanos = new HashMap<>();

    Peer(String name, IceAgent agent, List<InetSocketAddress> sockets) {
      this.name = name;
      this.agent = agent;
      this.sockets = sockets;
    }

    List<dev.purertc.sdp.Candidate> localCandidates() {
      List<dev.purertc.sdp.Candidate> out = new ArrayList<>();
      for (IceEvent e : events) {
        if (e instanceof IceEvent.LocalCandidate c) {
          out.add(c.candidate());
        }
      }
      return out;
    }

    IceConnectionState state() {
      return agent.connectionState();
    }
  }

  /** A datagram in flight. */
  private record Packet(long atNanos, long seq, InetSocketAddress from, InetSocketAddress to,
      byte[] data) {}

  private final PriorityQueue<Packet> inFlight = new PriorityQueue<>(
      (a, b) -> a.atNanos != b.atNanos ? Long.compare(a.atNanos, b.atNanos) : Long.compare(a.seq, b.seq));
  private final Map<InetSocketAddress, Peer> bySocket = new HashMap<>();
  private final List<Peer> peers = new ArrayList<>();
  /** Endpoints that are not agents (e.g. an ICE-lite responder): get (from, to, datagram). */
  final Map<InetSocketAddress, Endpoint> endpoints = new HashMap<>();

  /** A non-agent endpoint on the simulated network. */
  interface Endpoint {
    void receive(InetSocketAddress from, InetSocketAddress to, byte[] data);
  }
  private final SplittableRandom random;
  long nowNanos = 1_000 * MS;
  long latencyNanos = 5 * MS;
  long seq;
  long delivered;
  /** Return true to drop a datagram. */
  BiPredicate<InetSocketAddress, InetSocketAddress> drop = (from, to) -> false;

  SimNetwork(long seed) {
    this.random = new SplittableRandom(seed);
  }

  static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  Peer add(String name, IceConfig config, String ip, int port) {
    IceAgent agent = new IceAgent(config, IceCredentials.random(random.split()), random.split());
    Peer p = new Peer(name, agent, List.of(address(ip, port)));
    peers.add(p);
    bySocket.put(p.sockets.get(0), p);
    return p;
  }

  void gather(Peer p) {
    p.agent.gather(p.sockets, nowNanos);
    pump();
  }

  /** Gives each agent the other's credentials; candidates are exchanged with {@link #trickle}. */
  static void exchangeCredentials(Peer a, Peer b, long nowNanos) {
    a.agent.setRemoteCredentials(b.agent.localCredentials(), nowNanos);
    b.agent.setRemoteCredentials(a.agent.localCredentials(), nowNanos);
  }

  /** Gives {@code to} every local candidate {@code from} reported so far. */
  void trickle(Peer from, Peer to) {
    for (dev.purertc.sdp.Candidate c : from.localCandidates()) {
      to.agent.addRemoteCandidate(c, nowNanos);
    }
    pump();
  }

  /** Collects outputs of all agents. */
  void pump() {
    boolean more = true;
    while (more) {
      more = false;
      for (Peer p : peers) {
        Transmit t;
        while ((t = p.agent.pollTransmit()) != null) {
          more = true;
          send(t.from(), t.to(), t.data());
        }
        IceEvent e;
        while ((e = p.agent.pollEvent()) != null) {
          more = true;
          p.events.add(e);
          if (e instanceof IceEvent.DatagramReceived d) {
            p.received.add(d.data());
          } else if (e instanceof IceEvent.ConnectionStateChanged s) {
            p.firstStateNanos.putIfAbsent(s.state(), nowNanos);
          }
        }
      }
    }
  }

  void send(InetSocketAddress from, InetSocketAddress to, byte[] data) {
    if (drop.test(from, to)) {
      return;
    }
    inFlight.add(new Packet(nowNanos + latencyNanos, seq++, from, to, data));
  }

  /**
   * Runs the network until the condition holds or {@code maxNanos} of virtual time passed.
   *
   * @return whether the condition holds
   */
  boolean runUntil(BooleanSupplier condition, long maxNanos) {
    long end = nowNanos + maxNanos;
    pump();
    long lastNow = nowNanos;
    int stuck = 0;
    while (!condition.getAsBoolean()) {
      if (nowNanos == lastNow && ++stuck > 100_000) {
        throw new AssertionError("an agent asks for a timeout that does no work at " + nowNanos);
      }
      if (nowNanos != lastNow) {
        lastNow = nowNanos;
        stuck = 0;
      }
      long next = Long.MAX_VALUE;
      Packet head = inFlight.peek();
      if (head != null) {
        next = head.atNanos;
      }
      for (Peer p : peers) {
        next = Math.min(next, p.agent.pollTimeoutNanos());
      }
      if (next > end) {
        nowNanos = end;
        return condition.getAsBoolean();
      }
      nowNanos = Math.max(nowNanos, next);
      while (inFlight.peek() != null && inFlight.peek().atNanos <= nowNanos) {
        Packet pk = inFlight.poll();
        Peer to = bySocket.get(pk.to);
        Endpoint endpoint = endpoints.get(pk.to);
        if (endpoint != null) {
          delivered++;
          endpoint.receive(pk.from, pk.to, pk.data);
        } else if (to != null) {
          delivered++;
          to.agent.handleDatagram(pk.to, pk.from, ByteBuffer.wrap(pk.data), nowNanos);
        }
      }
      for (Peer p : peers) {
        if (p.agent.pollTimeoutNanos() <= nowNanos) {
          p.agent.handleTimeout(nowNanos);
        }
      }
      pump();
    }
    return true;
  }

  /** Runs for a fixed span of virtual time. */
  void runFor(long nanos) {
    runUntil(() -> false, nanos);
  }
}
