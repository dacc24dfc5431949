package dev.purertc.ice;

import dev.purertc.ice.stun.StunAttribute;
import dev.purertc.ice.stun.StunAttribute.Address;
import dev.purertc.ice.stun.StunAttribute.ErrorCode;
import dev.purertc.ice.stun.StunAttribute.IceControlled;
import dev.purertc.ice.stun.StunAttribute.IceControlling;
import dev.purertc.ice.stun.StunAttribute.Priority;
import dev.purertc.ice.stun.StunAttribute.UseCandidate;
import dev.purertc.ice.stun.StunAttribute.Username;
import dev.purertc.ice.stun.StunClass;
import dev.purertc.ice.stun.StunIntegrity;
import dev.purertc.ice.stun.StunMessage;
import dev.purertc.ice.stun.StunParseException;
import dev.purertc.ice.stun.StunTransactions;
import dev.purertc.ice.stun.TransactionId;
import dev.purertc.ice.turn.TurnClient;
import dev.purertc.ice.turn.TurnEvent;
import dev.purertc.sdp.Candidate;
import dev.purertc.sdp.CandidateType;
import dev.purertc.sdp.IceCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full ICE agent (RFC 8445) for one data stream with one component (rtcp-mux), with trickle
 * (RFC 8838) and consent freshness (RFC 7675); sans-I/O.
 *
 * <p>It owns no socket, thread or clock. A driver ({@link UdpIceTransport}, or a test's
 * simulated network) gives it the local socket addresses to gather from ({@link #gather}),
 * every received datagram ({@link #handleDatagram}) and the time ({@link #handleTimeout} at
 * {@link #pollTimeoutNanos()}), and sends what {@link #pollTransmit()} returns from the named
 * local socket; {@link #pollEvent()} reports candidates, states, the selected pair and received
 * application datagrams. All times are nanos of one monotonic clock.
 *
 * <p>Implemented: host, server-reflexive (STUN) and relayed (TURN, UDP) candidates with RFC 8445
 * §5.1.2 priorities and §5.1.1.3 foundations; {@code iceTransportPolicy} all/relay; check list
 * with frozen/waiting states per foundation, triggered checks, pacing at Ta; roles with
 * tie-breakers and 487 repair; peer-reflexive local and remote candidates; regular nomination;
 * ICE-lite peers (we are then controlling); consent checks every ~5 s, {@code disconnected}
 * after {@link IceConfig#disconnectedAfterMillis()} and {@code failed} after 30 s without
 * consent; ICE restart keeping the previous selected pair for data until a new pair works.
 *
 * <p>Not thread-safe: the driver serialises calls.
 */
public final class IceAgent {
  private static final Logger LOG = LoggerFactory.getLogger(IceAgent.class);
  private static final long MS = 1_000_000L;
  private static final int MAX_PAIRS = 100;
  /** RFC 8445 §14.3: RTO for checks, at least 500 ms. */
  private static final long CHECK_RTO_NANOS = 500 * MS;
  /** Wait this long after the first valid pair for a better one before nominating. */
  private static final long NOMINATION_WAIT_NANOS = 500 * MS;

  enum PairState {
    FROZEN("frozen"), WAITING("waiting"), IN_PROGRESS("in-progress"), SUCCEEDED("succeeded"),
    FAILED("failed");

    final String w3c;

    PairState(String w3c) {
      this.w3c = w3c;
    }
  }

  /** A local candidate: where checks are sent from ({@code base}) and what it is. */
  static final class Local {
    final CandidateType type;
    final InetSocketAddress address;
    final InetSocketAddress base;
    final long priority;
    final String foundation;
    final InetSocketAddress related;
    final TurnClient turn;

    Local(CandidateType type, InetSocketAddress address, InetSocketAddress base, long priority,
        String foundation, InetSocketAddress related, TurnClient turn) {
      this.type = type;
      this.address = address;
      this.base = base;
      this.priority = priority;
      this.foundation = foundation;
      this.related = related;
      this.turn = turn;
    }

    Candidate toSdp() {
      return new Candidate(foundation, 1, "udp", priority, address.getAddress().getHostAddress(),
          address.getPort(), type,
          related == null ? Optional.empty() : Optional.of(related.getAddress().getHostAddress()),
          related == null ? OptionalInt.empty() : OptionalInt.of(related.getPort()), List.of());
    }
  }

  /** A remote candidate with its resolved address. */
  static final class Remote {
    final Candidate sdp;
    final InetSocketAddress address;
    long priority;

    Remote(Candidate sdp, InetSocketAddress address) {
      this.sdp = sdp;
      this.address = address;
      this.priority = sdp.priority();
    }
  }

  /** A candidate pair with its state and counters. */
  static final class Pair {
    final Local local;
    final Remote remote;
    PairState state = PairState.FROZEN;
    boolean nominated;
    boolean nominateOnSuccess;
    boolean useCandidatePending;
    long lastConsentNanos = Long.MIN_VALUE;
    long requestsSent;
    long requestsReceived;
    long responsesSent;
    long responsesReceived;
    long rttNanos = -1;
    long packetsSent;
    long packetsReceived;
    long bytesSent;
    long bytesReceived;

    Pair(Local local, Remote remote) {
      this.local = local;
      this.remote = remote;
    }

    String foundation() {
      return local.foundation + ":" + remote.sdp.foundation();
    }

    CandidatePairStats stats() {
      return new CandidatePairStats(local.toSdp(), remote.sdp, state.w3c, nominated, requestsSent,
          requestsReceived, responsesSent, responsesReceived, rttNanos < 0 ? -1 : rttNanos / 1e6,
          packetsSent, packetsReceived, bytesSent, bytesReceived);
    }
  }

  /** A check in flight. */
  private static final class Check {
    final Pair pair;
    final byte[] bytes;
    final byte[] key;
    final IceRole role;
    final boolean useCandidate;
    final boolean consent;
    final long sentNanos;

    Check(Pair pair, byte[] bytes, byte[] key, IceRole role, boolean useCandidate, boolean consent,
        long sentNanos) {
      this.pair = pair;
      this.bytes = bytes;
      this.key = key;
      this.role = role;
      this.useCandidate = useCandidate;
      this.consent = consent;
      this.sentNanos = sentNanos;
    }
  }

  /** A Binding request to a STUN server for a server-reflexive candidate. */
  private record Probe(String url, InetSocketAddress base, InetSocketAddress server, byte[] bytes) {}

  private final IceConfig config;
  private final RandomGenerator random;
  private IceRole role;
  private final long tieBreaker;
  private IceCredentials localCredentials;
  private IceCredentials remoteCredentials;
  /**
   * After our restart and until the peer's new credentials come: the peer's previous ufrag, whose
   * late candidates are dropped. Candidates without a ufrag are then taken as the new generation.
   */
  private String retiredRemoteUfrag;
  private boolean remoteLite;
  private boolean remoteEndOfCandidates;

  private final List<InetSocketAddress> bases = new ArrayList<>();
  private final List<Local> locals = new ArrayList<>();
  private final List<Remote> remotes = new ArrayList<>();
  private final List<Pair> pairs = new ArrayList<>();
  private final Deque<Pair> triggered = new ArrayDeque<>();
  private final Map<String, String> foundations = new HashMap<>();
  private final StunTransactions<Check> checks = new StunTransactions<>();
  private final StunTransactions<Probe> probes = new StunTransactions<>();
  private final Map<TurnClient, String> turnClients = new HashMap<>();
  private final Map<TurnClient, InetSocketAddress> turnBases = new HashMap<>();
  private final Deque<Transmit> out = new ArrayDeque<>();
  private final Deque<IceEvent> events = new ArrayDeque<>();

  private IceGatheringState gatheringState = IceGatheringState.NEW;
  private IceConnectionState connectionState = IceConnectionState.NEW;
  private Pair selected;
  /** After a restart, the old selected pair carries data until a new one works. */
  private Pair previousSelected;
  private long nextCheckNanos = Long.MIN_VALUE;
  private long firstValidNanos = Long.MAX_VALUE;
  private long nextConsentNanos = Long.MAX_VALUE;
  private boolean nominationStarted;
  private boolean closed;

  /**
   * @param config options
   * @param localCredentials our ufrag and pwd
   * @param random source of the tie-breaker, transaction ids and consent jitter (seed it in tests)
   */
  public IceAgent(IceConfig config, IceCredentials localCredentials, RandomGenerator random) {
    this.config = config;
    this.localCredentials = localCredentials;
    this.random = random;
    this.role = config.controlling() ? IceRole.CONTROLLING : IceRole.CONTROLLED;
    this.tieBreaker = random.nextLong();
  }

  // ---------------------------------------------------------------- inputs

  /**
   * Starts gathering from these local socket addresses (one bound UDP socket each): host
   * candidates (unless the policy is {@code relay}), then server-reflexive and relayed ones.
   */
  public void gather(List<InetSocketAddress> socketAddresses, long nowNanos) {
    if (closed || gatheringState != IceGatheringState.NEW) {
      return;
    }
    setGatheringState(IceGatheringState.GATHERING);
    bases.addAll(socketAddresses);
    for (int i = 0; i < bases.size(); i++) {
      InetSocketAddress base = bases.get(i);
      if (config.transportPolicy() == IceTransportPolicy.ALL) {
        addLocal(new Local(CandidateType.HOST, base, base, priority(126, localPreference(base)),
            foundation("host", base.getAddress(), null), null, null), nowNanos);
      }
      for (IceServer server : config.iceServers()) {
        for (IceServer.Url url : server.parsedUrls()) {
          String name = (url.turn() ? "turn:" : "stun:") + url.host() + ":" + url.port();
          InetSocketAddress serverAddress;
          try {
            // An IP literal never blocks; a host name is resolved here, on the caller's thread.
            serverAddress = url.address();
          } catch (IllegalArgumentException e) {
            events.add(new IceEvent.ServerError(name, 0, e.getMessage()));
            continue;
          }
          if (serverAddress.getAddress().getClass() != base.getAddress().getClass()) {
            continue;
          }
          if (url.turn()) {
            TurnClient turn = new TurnClient(serverAddress, server.username(), server.credential(),
                random);
            turnClients.put(turn, name);
            turnBases.put(turn, base);
            turn.start(nowNanos);
            drainTurn(turn, nowNanos);
          } else if (config.transportPolicy() == IceTransportPolicy.ALL) {
            TransactionId id = TransactionId.random(random);
            byte[] bytes = StunMessage.of(StunMessage.BINDING, StunClass.REQUEST, id).toBytes();
            Probe p = new Probe(name, base, serverAddress, bytes);
            // Gathering should not hang on a dead server: 3 sends, fail after 3.5 s.
            probes.start(id, p, nowNanos, CHECK_RTO_NANOS, 3, 4);
            out.add(new Transmit(base, serverAddress, bytes));
          }
        }
      }
    }
    maybeGatheringComplete();
  }

  /** Sets the peer's ufrag and pwd. A change of ufrag is an ICE restart by the peer. */
  public void setRemoteCredentials(IceCredentials credentials, long nowNanos) {
    if (closed) {
      return;
    }
    if (remoteCredentials != null && !remoteCredentials.ufrag().equals(credentials.ufrag())) {
      resetChecks(credentials.ufrag(), nowNanos);
    }
    remoteCredentials = credentials;
    retiredRemoteUfrag = null;
    if (connectionState == IceConnectionState.NEW && !pairs.isEmpty()) {
      setConnectionState(IceConnectionState.CHECKING);
    }
    maybeFailed();
  }

  /** Marks the peer as ICE-lite (RFC 8445 §6.1.1: then we must be controlling). */
  public void setRemoteIceLite(boolean lite) {
    remoteLite = lite;
    if (lite && role != IceRole.CONTROLLING) {
      role = IceRole.CONTROLLING;
      events.add(new IceEvent.RoleChanged(role));
    }
  }

  /**
   * Adds a remote candidate (trickled or from SDP) at any time, before or after the remote
   * credentials. Non-UDP candidates and components other than 1 are skipped; an mDNS
   * ({@code .local}) candidate is resolved with {@link IceConfig#mdnsResolver()} (which may
   * block the caller) or skipped with a logged reason.
   *
   * @return whether the candidate was added
   */
  public boolean addRemoteCandidate(Candidate candidate, long nowNanos) {
    if (closed) {
      return false;
    }
    if (!candidate.isUdp()) {
      LOG.debug("skipping remote candidate {}: only UDP is supported", candidate.toTrickleString());
      return false;
    }
    if (candidate.component() != 1) {
      LOG.debug("skipping remote candidate {}: component {} (rtcp-mux uses 1 only)",
          candidate.toTrickleString(), candidate.component());
      return false;
    }
    if (remoteCredentials == null && retiredRemoteUfrag != null
        && candidate.ufrag().filter(retiredRemoteUfrag::equals).isPresent()) {
      LOG.debug("skipping remote candidate {}: it belongs to the generation before our restart",
          candidate.toTrickleString());
      return false;
    }
    if (remoteCredentials != null && candidate.ufrag().isPresent()
        && !candidate.ufrag().get().equals(remoteCredentials.ufrag())) {
      LOG.debug("skipping remote candidate {}: it belongs to ufrag {}", candidate.toTrickleString(),
          candidate.ufrag().get());
      return false;
    }
    InetAddress ip;
    if (candidate.isMdns()) {
      Optional<InetAddress> resolved;
      try {
        resolved = config.mdnsResolver().apply(candidate.address());
      } catch (RuntimeException e) {
        resolved = Optional.empty();
      }
      if (resolved.isEmpty()) {
        LOG.info("skipping remote mDNS candidate {}: {} does not resolve",
            candidate.toTrickleString(), candidate.address());
        return false;
      }
      ip = resolved.get();
      // Pairs and stats show where datagrams really go.
      candidate = new Candidate(candidate.foundation(), candidate.component(), candidate.transport(),
          candidate.priority(), ip.getHostAddress(), candidate.port(), candidate.type(),
          candidate.relatedAddress(), candidate.relatedPort(), candidate.extensions());
    } else {
      try {
        ip = literal(candidate.address());
      } catch (UnknownHostException e) {
        LOG.info("skipping remote candidate {}: address is not an IP literal",
            candidate.toTrickleString());
        return false;
      }
    }
    InetSocketAddress address = new InetSocketAddress(ip, candidate.port());
    Remote existing = remote(address);
    if (existing != null) {
      // A signalled candidate replaces a peer-reflexive one learnt from a check (RFC 8445 §7.3.1.3).
      if (existing.sdp.type() == CandidateType.PRFLX) {
        existing.priority = candidate.priority();
      }
      return false;
    }
    Remote r = new Remote(candidate, address);
    remotes.add(r);
    for (Local l : locals) {
      pair(l, r, nowNanos);
    }
    if (connectionState == IceConnectionState.NEW && remoteCredentials != null) {
      setConnectionState(IceConnectionState.CHECKING);
    }
    return true;
  }

  /** The peer signalled end-of-candidates (RFC 8838 §4.6). */
  public void endOfRemoteCandidates(long nowNanos) {
    remoteEndOfCandidates = true;
    maybeFailed();
  }

  /**
   * ICE restart (RFC 8445 §9) with new local credentials: checks start again, local candidates
   * are reported again for the new generation, and data keeps flowing on the old selected pair
   * until a new pair works. Give the peer's new credentials with {@link #setRemoteCredentials}.
   */
  public void restart(IceCredentials newLocalCredentials, long nowNanos) {
    if (closed) {
      return;
    }
    localCredentials = newLocalCredentials;
    resetChecks(null, nowNanos);
    // RFC 8445 §9: the peer answers a restart with new credentials too. Until they come, no
    // checks go out with the old ones, and remote candidates trickled meanwhile (which may
    // overtake the peer's description, RFC 8838 §11) are kept for the new generation instead of
    // being dropped as the peer's restart when its new ufrag arrives.
    if (remoteCredentials != null) {
      retiredRemoteUfrag = remoteCredentials.ufrag();
    }
    remoteCredentials = null;
    for (Local l : locals) {
      if (l.type != CandidateType.PRFLX) {
        events.add(new IceEvent.LocalCandidate(l.toSdp()));
      }
    }
    if (gatheringState == IceGatheringState.COMPLETE) {
      events.add(new IceEvent.EndOfCandidates());
    }
  }

  private void resetChecks(String keepRemoteUfrag, long nowNanos) {
    if (selected != null) {
      previousSelected = selected;
    }
    selected = null;
    pairs.clear();
    triggered.clear();
    checks.clear();
    nominationStarted = false;
    firstValidNanos = Long.MAX_VALUE;
    remoteEndOfCandidates = false;
    List<Remote> kept = new ArrayList<>();
    for (Remote r : remotes) {
      if (keepRemoteUfrag != null && keepRemoteUfrag.equals(r.sdp.ufrag().orElse(null))) {
        kept.add(r);
      }
    }
    remotes.clear();
    locals.removeIf(l -> l.type == CandidateType.PRFLX);
    for (Remote r : kept) {
      remotes.add(r);
      for (Local l : locals) {
        pair(l, r, nowNanos);
      }
    }
    if (connectionState == IceConnectionState.COMPLETED) {
      setConnectionState(IceConnectionState.CONNECTED);
    }
  }

  /**
   * Handles a datagram received on the socket bound to {@code localSocket} from {@code source}.
   * STUN is recognised by RFC 7983 (first byte 0..3 and the magic cookie); TURN traffic from a
   * TURN server is unwrapped; anything else arriving on a usable pair is reported as
   * {@link IceEvent.DatagramReceived}. The buffer is read, not kept.
   */
  public void handleDatagram(InetSocketAddress localSocket, InetSocketAddress source,
      ByteBuffer datagram, long nowNanos) {
    if (closed) {
      return;
    }
    if (isProbeResponse(datagram)) {
      // The answer to a server-reflexive Binding probe, even when the same server address is
      // also a TURN server of ours (coturn serves both on one port).
      handleStun(null, localSocket, source, datagram, nowNanos);
      return;
    }
    for (Map.Entry<TurnClient, InetSocketAddress> e : turnBases.entrySet()) {
      TurnClient turn = e.getKey();
      if (e.getValue().equals(localSocket) && turn.server().equals(source)) {
        TurnClient.Received relayed = turn.handleDatagram(datagram, nowNanos);
        drainTurn(turn, nowNanos);
        if (relayed != null) {
          Local relay = relayLocal(turn);
          if (relay != null) {
            receive(relay, relayed.peer(), relayed.data(), nowNanos);
          }
        }
        return;
      }
    }
    Local host = null;
    for (Local l : locals) {
      if (l.type == CandidateType.HOST && l.base.equals(localSocket)) {
        host = l;
      }
    }
    if (host == null) {
      // Policy relay: the socket is only a way to the TURN server, and STUN probes' answers.
      if (StunMessage.isStun(datagram)) {
        handleStun(null, localSocket, source, datagram, nowNanos);
      }
      return;
    }
    receive(host, source, datagram, nowNanos);
  }

  private boolean isProbeResponse(ByteBuffer datagram) {
    if (probes.size() == 0 || !StunMessage.isStun(datagram)) {
      return false;
    }
    ByteBuffer b = datagram.duplicate(); // big-endian, whatever the caller's order
    int p = b.position();
    return probes.get(new TransactionId(b.getLong(p + 8), b.getInt(p + 16))) != null;
  }

  private void receive(Local local, InetSocketAddress source, ByteBuffer datagram, long nowNanos) {
    if (StunMessage.isStun(datagram)) {
      handleStun(local, local.base, source, datagram, nowNanos);
      return;
    }
    Pair pair = findPair(local, source);
    if (pair == null) {
      return;
    }
    int length = datagram.remaining();
    ByteBuffer copy = ByteBuffer.allocate(length);
    copy.put(datagram.duplicate()).flip();
    pair.packetsReceived++;
    pair.bytesReceived += length;
    events.add(new IceEvent.DatagramReceived(copy));
  }

  private void handleStun(Local local, InetSocketAddress socket, InetSocketAddress source,
      ByteBuffer datagram, long nowNanos) {
    ByteBuffer raw = datagram.duplicate();
    StunMessage m;
    try {
      m = StunMessage.parse(datagram.duplicate()).withoutAttributesAfterIntegrity();
    } catch (StunParseException e) {
      LOG.debug("dropping malformed STUN from {}: {}", source, e.getMessage());
      return;
    }
    if (m.method() != StunMessage.BINDING) {
      return;
    }
    if (m.messageClass() == StunClass.REQUEST && local != null) {
      handleCheckRequest(local, source, m, raw, nowNanos);
    } else if (m.isResponse()) {
      Probe probe = probes.complete(m.transactionId());
      if (probe != null) {
        handleProbeResponse(probe, m, nowNanos);
      } else if (local != null) {
        Check check = checks.complete(m.transactionId());
        if (check != null) {
          handleCheckResponse(check, local, source, m, raw, nowNanos);
        }
      }
    }
  }

  // ---------------------------------------------------------------- gathering

  private void handleProbeResponse(Probe probe, StunMessage m, long nowNanos) {
    Optional<Address> mapped = mappedAddress(m);
    if (m.messageClass() != StunClass.SUCCESS_RESPONSE || mapped.isEmpty()) {
      events.add(new IceEvent.ServerError(probe.url(), errorCode(m), "STUN Binding failed"));
    } else {
      InetSocketAddress address = mapped.get().address();
      boolean redundant = address.equals(probe.base());
      if (redundant && !config.keepRedundantCandidates()) {
        LOG.debug("server-reflexive {} from {} equals its base: redundant (RFC 8445 §5.1.3)",
            address, probe.url());
      } else {
        addLocal(new Local(CandidateType.SRFLX, address, probe.base(),
            priority(100, localPreference(probe.base())),
            foundation("srflx", probe.base().getAddress(), probe.server().getAddress()),
            probe.base(), null), nowNanos);
      }
    }
    maybeGatheringComplete();
  }

  private void drainTurn(TurnClient turn, long nowNanos) {
    TurnEvent e;
    while ((e = turn.pollEvent()) != null) {
      if (e instanceof TurnEvent.Allocated a) {
        InetSocketAddress base = turnBases.get(turn);
        Local relay = new Local(CandidateType.RELAY, a.relayed(), a.relayed(),
            priority(0, localPreference(base)),
            foundation("relay", base.getAddress(), turn.server().getAddress()),
            a.mapped(), turn);
        addLocal(relay, nowNanos);
        for (Remote r : remotes) {
          turn.createPermission(r.address, nowNanos);
        }
        maybeGatheringComplete();
      } else if (e instanceof TurnEvent.Failed f) {
        events.add(new IceEvent.ServerError(turnClients.get(turn), f.code(), f.reason()));
        maybeGatheringComplete();
        maybeFailed();
      }
    }
    byte[] bytes;
    while ((bytes = turn.pollTransmit()) != null) {
      out.add(new Transmit(turnBases.get(turn), turn.server(), bytes));
    }
  }

  private void maybeGatheringComplete() {
    if (gatheringState != IceGatheringState.GATHERING || probes.size() > 0) {
      return;
    }
    for (TurnClient t : turnClients.keySet()) {
      if (!t.isAllocated() && !t.isFinished()) {
        return;
      }
    }
    setGatheringState(IceGatheringState.COMPLETE);
    events.add(new IceEvent.EndOfCandidates());
    maybeFailed();
  }

  private void addLocal(Local l, long nowNanos) {
    for (Local existing : locals) {
      if (existing.address.equals(l.address) && existing.base.equals(l.base)
          && existing.type == l.type) {
        return;
      }
    }
    locals.add(l);
    if (l.type != CandidateType.PRFLX) {
      events.add(new IceEvent.LocalCandidate(l.toSdp()));
    }
    for (Remote r : remotes) {
      pair(l, r, nowNanos);
    }
  }

  // ---------------------------------------------------------------- pairs and checks

  private Pair pair(Local l, Remote r, long nowNanos) {
    // RFC 8445 §6.1.2.4: a server-reflexive local is replaced by its base, which is the host
    // candidate's pair already; peer-reflexive locals only get pairs from checks.
    if (l.type == CandidateType.SRFLX || l.type == CandidateType.PRFLX) {
      return null;
    }
    if (l.address.getAddress().getClass() != r.address.getAddress().getClass()) {
      return null;
    }
    for (Pair existing : pairs) {
      if (existing.local == l && existing.remote.address.equals(r.address)) {
        return existing;
      }
    }
    if (pairs.size() >= MAX_PAIRS) {
      return null;
    }
    Pair p = new Pair(l, r);
    // RFC 8445 §6.1.2.6: one pair per foundation starts Waiting, the rest Frozen.
    boolean foundationActive = false;
    for (Pair q : pairs) {
      if (q.foundation().equals(p.foundation()) && q.state != PairState.FROZEN) {
        foundationActive = true;
      }
    }
    p.state = foundationActive ? PairState.FROZEN : PairState.WAITING;
    pairs.add(p);
    if (l.turn != null) {
      // RFC 8445 §5.1.1.2 / RFC 8656 §9: permit the peer before checks go through the relay.
      l.turn.createPermission(r.address, nowNanos);
      drainTurn(l.turn, nowNanos);
    }
    return p;
  }

  private Pair findPair(Local l, InetSocketAddress remote) {
    for (Pair p : pairs) {
      if (p.local == l && p.remote.address.equals(remote)) {
        return p;
      }
    }
    if (previousSelected != null && previousSelected.local == l
        && previousSelected.remote.address.equals(remote)) {
      return previousSelected;
    }
    return null;
  }

  private long pairPriority(Pair p) {
    long g = role == IceRole.CONTROLLING ? p.local.priority : p.remote.priority;
    long d = role == IceRole.CONTROLLING ? p.remote.priority : p.local.priority;
    // RFC 8445 §6.1.2.3; compared unsigned because 2^32 * MIN can exceed 2^63.
    return (Math.min(g, d) << 32) + 2 * Math.max(g, d) + (g > d ? 1 : 0);
  }

  private final Comparator<Pair> byPriority =
      (a, b) -> Long.compareUnsigned(pairPriority(b), pairPriority(a));

  private void sendCheck(Pair p, boolean useCandidate, boolean consent, long nowNanos) {
    TransactionId id = TransactionId.random(random);
    StunMessage m = StunMessage.of(StunMessage.BINDING, StunClass.REQUEST, id,
        new Username(remoteCredentials.ufrag() + ":" + localCredentials.ufrag()),
        // RFC 8445 §7.1.1: PRIORITY is what a peer-reflexive candidate from this check would have.
        new Priority(priority(110, localPreference(p.local.base))),
        role == IceRole.CONTROLLING ? new IceControlling(tieBreaker) : new IceControlled(tieBreaker));
    if (useCandidate) {
      m = m.with(new UseCandidate());
    }
    byte[] key = StunIntegrity.shortTermKey(remoteCredentials.pwd());
    byte[] bytes = m.withIntegrity(key).withFingerprint().toBytes();
    Check check = new Check(p, bytes, key, role, useCandidate, consent, nowNanos);
    if (consent) {
      // RFC 7675 §5.1: consent checks are not retransmitted on the RFC 8489 schedule; the
      // next one follows in ~5 s. Forget this one after the consent interval.
      checks.start(id, check, nowNanos, config.consentIntervalMillis() * MS, 1, 1);
    } else {
      checks.start(id, check, nowNanos, CHECK_RTO_NANOS, StunTransactions.DEFAULT_RC,
          StunTransactions.DEFAULT_RM);
      if (p.state != PairState.SUCCEEDED) {
        p.state = PairState.IN_PROGRESS;
      }
    }
    transmit(p.local, p.remote.address, bytes, nowNanos);
    p.requestsSent++;
  }

  private void transmit(Local l, InetSocketAddress to, byte[] bytes, long nowNanos) {
    if (l.turn != null) {
      l.turn.send(to, ByteBuffer.wrap(bytes), nowNanos);
      drainTurn(l.turn, nowNanos);
    } else {
      out.add(new Transmit(l.base, to, bytes));
    }
  }

  private void handleCheckRequest(Local local, InetSocketAddress source, StunMessage m,
      ByteBuffer raw, long nowNanos) {
    byte[] key = StunIntegrity.shortTermKey(localCredentials.pwd());
    // RFC 8445 §7.3 / RFC 8489 §9.1.3: FINGERPRINT (if present), USERNAME and MESSAGE-INTEGRITY.
    boolean hasFingerprint = m.attribute(StunAttribute.Fingerprint.class).isPresent();
    if (hasFingerprint && !StunIntegrity.verifyFingerprint(raw)) {
      return;
    }
    Optional<Username> user = m.attribute(Username.class);
    if (user.isEmpty() || m.attribute(StunAttribute.MessageIntegrity.class).isEmpty()) {
      respondError(local, source, m, ErrorCode.BAD_REQUEST, "Bad Request", null, nowNanos);
      return;
    }
    if (!user.get().value().startsWith(localCredentials.ufrag() + ":")
        || !StunIntegrity.verify(raw, key)) {
      respondError(local, source, m, ErrorCode.UNAUTHENTICATED, "Unauthenticated", null, nowNanos);
      return;
    }
    // RFC 8489 §6.3.1.1: unknown comprehension-required attributes get a 420.
    List<Integer> unknown = new ArrayList<>();
    for (StunAttribute a : m.attributes()) {
      if (a instanceof StunAttribute.Unknown u && StunAttribute.isComprehensionRequired(u.type())) {
        unknown.add(u.type());
      }
    }
    if (!unknown.isEmpty()) {
      transmit(local, source, StunMessage.of(StunMessage.BINDING, StunClass.ERROR_RESPONSE,
          m.transactionId(), new ErrorCode(ErrorCode.UNKNOWN_ATTRIBUTE, "Unknown Attribute"),
          new StunAttribute.UnknownAttributes(unknown)).withIntegrity(key).withFingerprint()
          .toBytes(), nowNanos);
      return;
    }
    // RFC 8445 §7.3.1.1: role conflicts.
    Optional<IceControlling> theyControl = m.attribute(IceControlling.class);
    Optional<IceControlled> theyAreControlled = m.attribute(IceControlled.class);
    if (role == IceRole.CONTROLLING && theyControl.isPresent()) {
      if (Long.compareUnsigned(tieBreaker, theyControl.get().tieBreaker()) >= 0) {
        respondError(local, source, m, ErrorCode.ROLE_CONFLICT, "Role Conflict", key, nowNanos);
        return;
      }
      switchRole();
    } else if (role == IceRole.CONTROLLED && theyAreControlled.isPresent()) {
      if (Long.compareUnsigned(tieBreaker, theyAreControlled.get().tieBreaker()) < 0) {
        respondError(local, source, m, ErrorCode.ROLE_CONFLICT, "Role Conflict", key, nowNanos);
        return;
      }
      switchRole();
    }
    StunMessage response = StunMessage.of(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
        m.transactionId(), new Address(StunAttribute.XOR_MAPPED_ADDRESS, source));
    transmit(local, source, response.withIntegrity(key).withFingerprint().toBytes(), nowNanos);

    // RFC 8445 §7.3.1.3: learn a peer-reflexive remote candidate.
    Remote remote = remote(source);
    if (remote == null) {
      long prio = m.attribute(Priority.class).map(Priority::value).orElse(0L);
      Candidate sdp = new Candidate("prflx" + (remotes.size() + 1), 1, "udp", prio,
          source.getAddress().getHostAddress(), source.getPort(), CandidateType.PRFLX,
          Optional.empty(), OptionalInt.empty(), List.of());
      remote = new Remote(sdp, source);
      remotes.add(remote);
    }
    Pair p = pair(local, remote, nowNanos);
    if (p == null) {
      return;
    }
    p.requestsReceived++;
    p.responsesSent++;
    boolean useCandidate = m.attribute(UseCandidate.class).isPresent();
    // RFC 8445 §7.3.1.4: triggered check.
    if (p.state == PairState.SUCCEEDED) {
      if (useCandidate && role == IceRole.CONTROLLED) {
        nominate(p, nowNanos);
      }
    } else {
      if (useCandidate && role == IceRole.CONTROLLED) {
        p.nominateOnSuccess = true;
      }
      // RFC 8445 §7.3.1.4: a check in progress is answered with a fresh check now rather than
      // at its next retransmission (its first try may have been lost, e.g. before a TURN
      // permission existed); the older transaction may still succeed too.
      if (!triggered.contains(p)) {
        if (p.state != PairState.IN_PROGRESS) {
          p.state = PairState.WAITING;
        }
        triggered.add(p);
      }
    }
    if (connectionState == IceConnectionState.NEW) {
      setConnectionState(IceConnectionState.CHECKING);
    }
  }

  private void respondError(Local local, InetSocketAddress source, StunMessage request, int code,
      String reason, byte[] key, long nowNanos) {
    StunMessage error = StunMessage.of(StunMessage.BINDING, StunClass.ERROR_RESPONSE,
        request.transactionId(), new ErrorCode(code, reason));
    if (key != null) {
      error = error.withIntegrity(key);
    }
    transmit(local, source, error.withFingerprint().toBytes(), nowNanos);
  }

  private void switchRole() {
    role = role.other();
    events.add(new IceEvent.RoleChanged(role));
    nominationStarted = false;
  }

  private void handleCheckResponse(Check check, Local local, InetSocketAddress source,
      StunMessage m, ByteBuffer raw, long nowNanos) {
    Pair p = check.pair;
    if (!StunIntegrity.verify(raw, check.key)) {
      LOG.debug("check response from {} fails integrity; dropped", source);
      return;
    }
    p.responsesReceived++;
    if (m.messageClass() == StunClass.ERROR_RESPONSE) {
      int code = errorCode(m);
      if (code == ErrorCode.ROLE_CONFLICT) {
        // RFC 8445 §7.2.5.1: switch role if the check was sent in our current role, and retry.
        if (check.role == role) {
          switchRole();
        }
        if (!triggered.contains(p)) {
          p.state = PairState.WAITING;
          triggered.add(p);
        }
      } else if (!check.consent) {
        p.state = PairState.FAILED;
        maybeFailed();
      }
      return;
    }
    // RFC 8445 §7.2.5.2.1: the response must come from where the check went, to where it left.
    if (!source.equals(p.remote.address) || local != p.local) {
      if (!check.consent) {
        p.state = PairState.FAILED;
        maybeFailed();
      }
      return;
    }
    p.rttNanos = nowNanos - check.sentNanos;
    p.lastConsentNanos = nowNanos;
    Pair valid = p;
    Optional<Address> mapped = mappedAddress(m);
    if (!check.consent && mapped.isPresent() && local.turn == null
        && !mapped.get().address().equals(local.address)) {
      // RFC 8445 §7.2.5.3.1: a peer-reflexive local candidate with the same base.
      Local prflx = null;
      for (Local l : locals) {
        if (l.address.equals(mapped.get().address()) && l.base.equals(local.base)) {
          prflx = l;
        }
      }
      if (prflx == null) {
        prflx = new Local(CandidateType.PRFLX, mapped.get().address(), local.base,
            m.attribute(Priority.class).map(Priority::value)
                .orElse(priority(110, localPreference(local.base))),
            foundation("prflx", local.base.getAddress(), null), null, null);
        locals.add(prflx);
      }
      valid = null;
      for (Pair q : pairs) {
        if (q.local == prflx && q.remote == p.remote) {
          valid = q;
        }
      }
      if (valid == null) {
        valid = new Pair(prflx, p.remote);
        pairs.add(valid);
      }
      valid.lastConsentNanos = nowNanos;
      valid.rttNanos = p.rttNanos;
    }
    if (check.consent) {
      updateConsentState(nowNanos);
      return;
    }
    p.state = PairState.SUCCEEDED;
    valid.state = PairState.SUCCEEDED;
    // RFC 8445 §7.2.5.3.3: unfreeze pairs with the same foundation.
    for (Pair q : pairs) {
      if (q.state == PairState.FROZEN && q.foundation().equals(p.foundation())) {
        q.state = PairState.WAITING;
      }
    }
    if (firstValidNanos == Long.MAX_VALUE) {
      firstValidNanos = nowNanos;
    }
    if (check.useCandidate && role == IceRole.CONTROLLING) {
      nominate(valid, nowNanos);
    } else if (p.nominateOnSuccess && role == IceRole.CONTROLLED) {
      nominate(valid, nowNanos);
    } else if (selected == null) {
      select(valid, nowNanos);
    }
  }

  private void nominate(Pair p, long nowNanos) {
    p.nominated = true;
    // RFC 8445 §8.1.2: with a nominated pair, waiting and frozen pairs are not checked anymore.
    pairs.removeIf(q -> q != p && (q.state == PairState.WAITING || q.state == PairState.FROZEN));
    triggered.removeIf(q -> q != p && !pairs.contains(q));
    select(p, nowNanos);
    setConnectionState(IceConnectionState.COMPLETED);
  }

  private void select(Pair p, long nowNanos) {
    if (selected != p) {
      selected = p;
      previousSelected = null;
      p.lastConsentNanos = Math.max(p.lastConsentNanos, nowNanos);
      events.add(new IceEvent.SelectedPairChanged(p.stats()));
      scheduleConsent(nowNanos);
    }
    if (connectionState != IceConnectionState.COMPLETED) {
      setConnectionState(IceConnectionState.CONNECTED);
    }
  }

  private void scheduleConsent(long nowNanos) {
    // RFC 7675 §5.1: uniformly random in [0.8, 1.2] times the interval.
    double factor = 0.8 + 0.4 * random.nextDouble();
    nextConsentNanos = nowNanos + (long) (config.consentIntervalMillis() * MS * factor);
  }

  private void updateConsentState(long nowNanos) {
    Pair p = selected != null ? selected : previousSelected;
    if (p == null || connectionState == IceConnectionState.FAILED
        || connectionState == IceConnectionState.CLOSED) {
      return;
    }
    long silentNanos = nowNanos - p.lastConsentNanos;
    if (silentNanos >= config.consentTimeoutMillis() * MS) {
      LOG.info("consent expired on {} -> {} (RFC 7675)", p.local.address, p.remote.address);
      selected = null;
      previousSelected = null;
      setConnectionState(IceConnectionState.FAILED);
    } else if (silentNanos >= config.disconnectedAfterMillis() * MS) {
      setConnectionState(IceConnectionState.DISCONNECTED);
    } else if (connectionState == IceConnectionState.DISCONNECTED && selected != null) {
      setConnectionState(selected.nominated ? IceConnectionState.COMPLETED
          : IceConnectionState.CONNECTED);
    }
  }

  private void maybeFailed() {
    // RFC 8838 §8 / W3C "failed": both sides' candidates are all in and every pair failed; with
    // no pair at all (nothing pairs up, or a relay-only agent whose TURN server refused it) that
    // holds as soon as the peer's credentials and end-of-candidates are known.
    if (selected != null || previousSelected != null || !remoteEndOfCandidates
        || gatheringState != IceGatheringState.COMPLETE
        || (pairs.isEmpty() && remoteCredentials == null)
        || connectionState == IceConnectionState.FAILED) {
      return;
    }
    for (Pair p : pairs) {
      if (p.state != PairState.FAILED) {
        return;
      }
    }
    setConnectionState(IceConnectionState.FAILED);
  }

  /** Sends checks, nominations and consent checks that are due; retransmits; expires consent. */
  public void handleTimeout(long nowNanos) {
    if (closed) {
      return;
    }
    checks.poll(nowNanos, new StunTransactions.Listener<>() {
      @Override
      public void retransmit(Check c) {
        transmit(c.pair.local, c.pair.remote.address, c.bytes, nowNanos);
        c.pair.requestsSent++;
      }

      @Override
      public void timedOut(Check c) {
        if (!c.consent && c.pair.state == PairState.IN_PROGRESS) {
          c.pair.state = PairState.FAILED;
          maybeFailed();
        }
      }
    });
    probes.poll(nowNanos, new StunTransactions.Listener<>() {
      @Override
      public void retransmit(Probe p) {
        out.add(new Transmit(p.base(), p.server(), p.bytes()));
      }

      @Override
      public void timedOut(Probe p) {
        events.add(new IceEvent.ServerError(p.url(), 0, "no response from STUN server"));
        maybeGatheringComplete();
      }
    });
    for (TurnClient t : new ArrayList<>(turnClients.keySet())) {
      if (t.nextDeadlineNanos() - nowNanos <= 0) {
        t.handleTimeout(nowNanos);
      }
      drainTurn(t, nowNanos);
    }
    if (remoteCredentials != null && hasCheckWork() && checkDueNanos() <= nowNanos) {
      // RFC 8445 §6.1.4.2: at most one check per Ta.
      nextCheckNanos = nowNanos + config.taMillis() * MS;
      sendNextCheck(nowNanos);
    }
    Pair consentPair = selected;
    if (consentPair != null && remoteCredentials != null && nextConsentNanos - nowNanos <= 0) {
      sendCheck(consentPair, false, true, nowNanos);
      scheduleConsent(nowNanos);
    }
    updateConsentState(nowNanos);
  }

  /** Whether a triggered, waiting or frozen pair, or a nomination, waits for the pacer. */
  private boolean hasCheckWork() {
    if (!triggered.isEmpty()
        || (role == IceRole.CONTROLLING && !nominationStarted && firstValidNanos != Long.MAX_VALUE)) {
      return true;
    }
    for (Pair p : pairs) {
      if (p.state == PairState.WAITING || p.state == PairState.FROZEN) {
        return true;
      }
    }
    return false;
  }

  /** When the pacer may send the next check: Ta after the last one (at once if none yet). */
  private long checkDueNanos() {
    return nextCheckNanos;
  }

  /** RFC 8445 §6.1.4.2: one check per Ta, triggered first, then the best waiting pair. */
  private boolean sendNextCheck(long nowNanos) {
    maybeNominate(nowNanos);
    Pair next = triggered.poll();
    boolean useCandidate = false;
    if (next != null) {
      useCandidate = next.useCandidatePending && role == IceRole.CONTROLLING;
      next.useCandidatePending = false;
    } else {
      List<Pair> sorted = new ArrayList<>(pairs);
      sorted.sort(byPriority);
      for (Pair p : sorted) {
        if (p.state == PairState.WAITING) {
          next = p;
          break;
        }
      }
      if (next == null) {
        for (Pair p : sorted) {
          if (p.state == PairState.FROZEN) {
            next = p;
            break;
          }
        }
      }
    }
    if (next == null) {
      return false;
    }
    sendCheck(next, useCandidate, false, nowNanos);
    return true;
  }

  /** Regular nomination (RFC 8445 §8.1.1): the controlling agent picks the best valid pair. */
  private void maybeNominate(long nowNanos) {
    if (role != IceRole.CONTROLLING || nominationStarted || firstValidNanos == Long.MAX_VALUE) {
      return;
    }
    Pair best = null;
    boolean betterPending = false;
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort(byPriority);
    for (Pair p : sorted) {
      if (p.state == PairState.SUCCEEDED && p.local.type != CandidateType.SRFLX) {
        best = p;
        break;
      }
      if (p.state == PairState.WAITING || p.state == PairState.IN_PROGRESS
          || p.state == PairState.FROZEN) {
        betterPending = true;
      }
    }
    if (best == null || (betterPending && nowNanos - firstValidNanos < NOMINATION_WAIT_NANOS)) {
      return;
    }
    nominationStarted = true;
    best.useCandidatePending = true;
    triggered.addFirst(best);
  }

  /**
   * Sends an application datagram (DTLS, SRTP, ...) on the selected pair, or during a restart on
   * the previous one. The buffer is read from position to limit and not kept.
   *
   * @return false if there is no usable pair (not yet connected, failed or closed)
   */
  public boolean send(ByteBuffer datagram, long nowNanos) {
    Pair p = selected != null ? selected : previousSelected;
    if (closed || p == null || connectionState == IceConnectionState.FAILED) {
      return false;
    }
    int length = datagram.remaining();
    byte[] bytes = new byte[length];
    datagram.get(bytes);
    transmit(p.local, p.remote.address, bytes, nowNanos);
    p.packetsSent++;
    p.bytesSent += length;
    return true;
  }

  /**
   * Stops the agent: deallocates TURN allocations (their Refresh goes out through
   * {@link #pollTransmit()}) and reports {@code closed}. Idempotent.
   */
  public void close(long nowNanos) {
    if (closed) {
      return;
    }
    for (TurnClient t : turnClients.keySet()) {
      t.close(nowNanos);
      drainTurn(t, nowNanos);
    }
    closed = true;
    checks.clear();
    probes.clear();
    selected = null;
    previousSelected = null;
    setConnectionState(IceConnectionState.CLOSED);
  }

  // ---------------------------------------------------------------- outputs

  /** The next datagram to send, or null. */
  public Transmit pollTransmit() {
    return out.poll();
  }

  /** The next event, or null. */
  public IceEvent pollEvent() {
    return events.poll();
  }

  /** When {@link #handleTimeout} next has work, in nanos; {@link Long#MAX_VALUE} if never. */
  public long pollTimeoutNanos() {
    if (closed) {
      return Long.MAX_VALUE;
    }
    long next = Math.min(checks.nextDeadlineNanos(), probes.nextDeadlineNanos());
    for (TurnClient t : turnClients.keySet()) {
      next = Math.min(next, t.nextDeadlineNanos());
    }
    if (remoteCredentials != null) {
      if (hasCheckWork()) {
        next = Math.min(next, checkDueNanos());
      }
      if (selected != null) {
        next = Math.min(next, nextConsentNanos);
      }
    }
    // Also while a restart waits for the peer's new credentials: the old pair's consent runs out.
    Pair p = selected != null ? selected : previousSelected;
    if (p != null && connectionState != IceConnectionState.FAILED) {
      long disconnectAt = p.lastConsentNanos + config.disconnectedAfterMillis() * MS;
      long failAt = p.lastConsentNanos + config.consentTimeoutMillis() * MS;
      next = Math.min(next, connectionState == IceConnectionState.DISCONNECTED ? failAt
          : disconnectAt);
    }
    return next;
  }

  /** The current {@code iceConnectionState}. */
  public IceConnectionState connectionState() {
    return connectionState;
  }

  /** The current {@code iceGatheringState}. */
  public IceGatheringState gatheringState() {
    return gatheringState;
  }

  /** The current role. */
  public IceRole role() {
    return role;
  }

  /** Our credentials for this generation. */
  public IceCredentials localCredentials() {
    return localCredentials;
  }

  /** The selected pair, if any. */
  public Optional<CandidatePairStats> selectedPair() {
    return Optional.ofNullable(selected).map(Pair::stats);
  }

  /** Every pair of the current check list, best first. */
  public List<CandidatePairStats> pairStats() {
    List<Pair> sorted = new ArrayList<>(pairs);
    sorted.sort(byPriority);
    List<CandidatePairStats> out = new ArrayList<>();
    for (Pair p : sorted) {
      out.add(p.stats());
    }
    return out;
  }

  /** The local candidates gathered so far, as signalled. */
  public List<Candidate> localCandidates() {
    List<Candidate> out = new ArrayList<>();
    for (Local l : locals) {
      if (l.type != CandidateType.PRFLX) {
        out.add(l.toSdp());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private void setConnectionState(IceConnectionState s) {
    if (connectionState != s && connectionState != IceConnectionState.CLOSED) {
      connectionState = s;
      events.add(new IceEvent.ConnectionStateChanged(s));
    }
  }

  private void setGatheringState(IceGatheringState s) {
    if (gatheringState != s) {
      gatheringState = s;
      events.add(new IceEvent.GatheringStateChanged(s));
    }
  }

  private Remote remote(InetSocketAddress address) {
    for (Remote r : remotes) {
      if (r.address.equals(address)) {
        return r;
      }
    }
    return null;
  }

  private Local relayLocal(TurnClient turn) {
    for (Local l : locals) {
      if (l.turn == turn) {
        return l;
      }
    }
    return null;
  }

  /** RFC 8445 §5.1.2.1: type preference, local preference, component 1. */
  private static long priority(int typePreference, int localPreference) {
    return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - 1);
  }

  /** RFC 8445 §5.1.2.1: distinct local preferences per base IP, IPv6 first (RFC 8421 spirit). */
  private int localPreference(InetSocketAddress base) {
    int index = 0;
    for (InetSocketAddress b : bases) {
      if (b.equals(base)) {
        break;
      }
      index++;
    }
    int family = base.getAddress() instanceof java.net.Inet6Address ? 0 : 1;
    return Math.max(0, 65535 - family * 1024 - index * 8);
  }

  /** RFC 8445 §5.1.1.3: same type, base IP and server give the same foundation. */
  private String foundation(String type, InetAddress baseIp, InetAddress server) {
    String key = type + "|" + baseIp.getHostAddress() + "|" + (server == null ? "" : server.getHostAddress());
    return foundations.computeIfAbsent(key, k -> Integer.toString(foundations.size() + 1));
  }

  private static Optional<Address> mappedAddress(StunMessage m) {
    Optional<Address> plain = Optional.empty();
    for (StunAttribute a : m.attributes()) {
      if (a instanceof Address ad && ad.type() == StunAttribute.XOR_MAPPED_ADDRESS) {
        return Optional.of(ad);
      }
      if (a instanceof Address ad && ad.type() == StunAttribute.MAPPED_ADDRESS) {
        plain = Optional.of(ad);
      }
    }
    return plain;
  }

  private static int errorCode(StunMessage m) {
    return m.attribute(ErrorCode.class).map(ErrorCode::code).orElse(0);
  }

  /** Parses an IP literal without DNS. */
  static InetAddress literal(String text) throws UnknownHostException {
    if (text.indexOf(':') >= 0 || text.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      return InetAddress.getByName(text);
    }
    throw new UnknownHostException(text);
  }
}
