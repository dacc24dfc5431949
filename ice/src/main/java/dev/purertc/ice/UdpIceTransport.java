package dev.purertc.ice;

import dev.purertc.sdp.Candidate;
import dev.purertc.sdp.IceCredentials;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thin driver that binds an {@link IceAgent} to UDP sockets: one non-blocking
 * {@link DatagramChannel} per chosen local address, one thread named {@code purertc-ice-io}
 * that reads them and fires the agent's timers, and a clock.
 *
 * <p>Threading: every method is thread-safe (calls into the agent are serialised on one lock).
 * Events, including received datagrams, are delivered to the {@link Listener} on the I/O thread,
 * in order; a listener must not block for long.
 */
public final class UdpIceTransport implements IceTransport {
  private static final Logger LOG = LoggerFactory.getLogger(UdpIceTransport.class);
  private static final int MAX_DATAGRAM = 65_535;

  /** Receives the agent's events on the I/O thread. */
  @FunctionalInterface
  public interface Listener {
    void onEvent(IceEvent event);
  }

  private final Object lock = new Object();
  private final IceAgent agent;
  private final IceConfig config;
  private final LongSupplier nanoClock;
  private final Listener listener;
  private final Selector selector;
  private final Map<InetSocketAddress, DatagramChannel> channels = new LinkedHashMap<>();
  private final Thread thread;
  private volatile boolean closed;

  private UdpIceTransport(IceConfig config, IceCredentials local, List<InetAddress> addresses,
      LongSupplier nanoClock, RandomGenerator random, Listener listener) throws IOException {
    this.config = config;
    this.nanoClock = nanoClock;
    this.listener = listener;
    this.agent = new IceAgent(config, local, random);
    this.selector = Selector.open();
    try {
      for (InetAddress address : addresses) {
        DatagramChannel ch = DatagramChannel.open(address instanceof Inet4Address
            ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 1 << 20);
        ch.bind(new InetSocketAddress(address, 0));
        ch.configureBlocking(false);
        ch.register(selector, SelectionKey.OP_READ);
        channels.put((InetSocketAddress) ch.getLocalAddress(), ch);
      }
    } catch (IOException | RuntimeException e) {
      closeChannels();
      throw e;
    }
    this.thread = new Thread(this::run, "purertc-ice-io");
    this.thread.setDaemon(true);
  }

  /**
   * Opens sockets on the given local addresses, starts the I/O thread and gathering.
   *
   * @param addresses local IPs to gather host candidates from (see {@link #interfaceAddresses})
   * @param nanoClock monotonic nanos ({@code System::nanoTime} in production)
   * @param random source of credentials' tie-breaker, transaction ids and jitter
   * @param listener receives events on the I/O thread
   */
  public static UdpIceTransport open(IceConfig config, IceCredentials local,
      List<InetAddress> addresses, LongSupplier nanoClock, RandomGenerator random,
      Listener listener) throws IOException {
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("no local address to gather from");
    }
    UdpIceTransport t = new UdpIceTransport(config, local, addresses, nanoClock, random, listener);
    synchronized (t.lock) {
      t.agent.gather(new ArrayList<>(t.channels.keySet()), nanoClock.getAsLong());
    }
    t.thread.start();
    return t;
  }

  /** {@link #open(IceConfig, IceCredentials, List, LongSupplier, RandomGenerator, Listener)} with the system clock. */
  public static UdpIceTransport open(IceConfig config, IceCredentials local,
      List<InetAddress> addresses, Listener listener) throws IOException {
    return open(config, local, addresses, System::nanoTime, new java.security.SecureRandom(),
        listener);
  }

  /**
   * The addresses of the interfaces that are up: IPv4 and global IPv6, loopback only when asked
   * (two agents in one process connect over loopback with no network).
   */
  public static List<InetAddress> interfaceAddresses(boolean includeLoopback) throws SocketException {
    List<InetAddress> out = new ArrayList<>();
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || (nif.isLoopback() && !includeLoopback)) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a.isLinkLocalAddress() || (a.isLoopbackAddress() && !includeLoopback)) {
          continue;
        }
        out.add(a);
      }
    }
    return out;
  }

  // ------------------------------------------------------------ control, any thread

  /** See {@link IceAgent#setRemoteCredentials}. */
  public void setRemoteCredentials(IceCredentials credentials) {
    synchronized (lock) {
      agent.setRemoteCredentials(credentials, nanoClock.getAsLong());
    }
    kick();
  }

  /** See {@link IceAgent#setRemoteIceLite}. */
  public void setRemoteIceLite(boolean lite) {
    synchronized (lock) {
      agent.setRemoteIceLite(lite);
    }
    kick();
  }

  /**
   * Adds a remote candidate at any time. An mDNS name is resolved here, on the caller's thread,
   * before the agent sees it.
   */
  public boolean addRemoteCandidate(Candidate candidate) {
    if (candidate.isMdns()) {
      Optional<InetAddress> ip;
      try {
        ip = config.mdnsResolver().apply(candidate.address());
      } catch (RuntimeException e) {
        ip = Optional.empty();
      }
      if (ip.isEmpty()) {
        LOG.info("skipping remote mDNS candidate {}: {} does not resolve",
            candidate.toTrickleString(), candidate.address());
        return false;
      }
      candidate = new Candidate(candidate.foundation(), candidate.component(),
          candidate.transport(), candidate.priority(), ip.get().getHostAddress(), candidate.port(),
          candidate.type(), candidate.relatedAddress(), candidate.relatedPort(),
          candidate.extensions());
    }
    boolean added;
    synchronized (lock) {
      added = agent.addRemoteCandidate(candidate, nanoClock.getAsLong());
    }
    kick();
    return added;
  }

  /** See {@link IceAgent#endOfRemoteCandidates}. */
  public void endOfRemoteCandidates() {
    synchronized (lock) {
      agent.endOfRemoteCandidates(nanoClock.getAsLong());
    }
    kick();
  }

  /** See {@link IceAgent#restart}. */
  public void restart(IceCredentials newLocal) {
    synchronized (lock) {
      agent.restart(newLocal, nanoClock.getAsLong());
    }
    kick();
  }

  @Override
  public boolean send(ByteBuffer datagram) {
    boolean sent;
    synchronized (lock) {
      sent = agent.send(datagram, nanoClock.getAsLong());
      flushLocked();
    }
    return sent;
  }

  @Override
  public IceConnectionState connectionState() {
    synchronized (lock) {
      return agent.connectionState();
    }
  }

  /** The {@code iceGatheringState}. */
  public IceGatheringState gatheringState() {
    synchronized (lock) {
      return agent.gatheringState();
    }
  }

  /** Our credentials for the current generation. */
  public IceCredentials localCredentials() {
    synchronized (lock) {
      return agent.localCredentials();
    }
  }

  /** The current role. */
  public IceRole role() {
    synchronized (lock) {
      return agent.role();
    }
  }

  /** The local candidates gathered so far (as also reported by events). */
  public List<Candidate> localCandidates() {
    synchronized (lock) {
      return agent.localCandidates();
    }
  }

  /** The selected pair, if any. */
  public Optional<CandidatePairStats> selectedPair() {
    synchronized (lock) {
      return agent.selectedPair();
    }
  }

  /** Stats of every pair, best first. */
  public List<CandidatePairStats> pairStats() {
    synchronized (lock) {
      return agent.pairStats();
    }
  }

  /** The local socket addresses (one per chosen interface address). */
  public List<InetSocketAddress> socketAddresses() {
    return new ArrayList<>(channels.keySet());
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      agent.close(nanoClock.getAsLong());
      flushLocked(); // TURN deallocations
    }
    selector.wakeup();
    if (Thread.currentThread() != thread) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeChannels();
    deliverEvents();
  }

  // ------------------------------------------------------------ I/O thread

  private void kick() {
    synchronized (lock) {
      flushLocked();
    }
    selector.wakeup();
  }

  private void run() {
    ByteBuffer buf = ByteBuffer.allocateDirect(MAX_DATAGRAM);
    try {
      while (!closed) {
        long waitMillis;
        synchronized (lock) {
          long deadline = agent.pollTimeoutNanos();
          long now = nanoClock.getAsLong();
          if (deadline <= now) {
            agent.handleTimeout(now);
            flushLocked();
            deadline = agent.pollTimeoutNanos();
          }
          waitMillis = deadline == Long.MAX_VALUE ? 0
              : Math.max(1, (deadline - nanoClock.getAsLong() + 999_999) / 1_000_000);
        }
        deliverEvents();
        selector.select(waitMillis);
        if (closed) {
          break;
        }
        for (SelectionKey key : selector.selectedKeys()) {
          DatagramChannel ch = (DatagramChannel) key.channel();
          InetSocketAddress local = (InetSocketAddress) ch.getLocalAddress();
          for (int i = 0; i < 256; i++) {
            buf.clear();
            InetSocketAddress from = (InetSocketAddress) ch.receive(buf);
            if (from == null) {
              break;
            }
            buf.flip();
            synchronized (lock) {
              agent.handleDatagram(local, from, buf, nanoClock.getAsLong());
              flushLocked();
            }
          }
        }
        selector.selectedKeys().clear();
        deliverEvents();
      }
    } catch (IOException | RuntimeException e) {
      if (!closed) {
        LOG.error("ICE I/O thread failed", e);
      }
    }
    deliverEvents();
  }

  private void deliverEvents() {
    while (true) {
      IceEvent e;
      synchronized (lock) {
        e = agent.pollEvent();
      }
      if (e == null) {
        return;
      }
      try {
        listener.onEvent(e);
      } catch (RuntimeException ex) {
        LOG.warn("ICE listener threw", ex);
      }
    }
  }

  private void flushLocked() {
    Transmit t;
    while ((t = agent.pollTransmit()) != null) {
      DatagramChannel ch = channels.get(t.from());
      if (ch == null || !ch.isOpen()) {
        continue;
      }
      try {
        ch.send(ByteBuffer.wrap(t.data()), t.to());
      } catch (IOException e) {
        LOG.debug("send {} -> {} failed: {}", t.from(), t.to(), e.toString());
      }
    }
  }

  private void closeChannels() {
    for (DatagramChannel ch : channels.values()) {
      try {
        ch.close();
      } catch (IOException e) {
        LOG.debug("closing {} failed", ch, e);
      }
    }
    try {
      selector.close();
    } catch (IOException e) {
      LOG.debug("closing selector failed", e);
    }
  }
}
