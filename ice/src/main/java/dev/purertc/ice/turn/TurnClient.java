package dev.purertc.ice.turn;

import dev.purertc.ice.stun.StunAttribute;
import dev.purertc.ice.stun.StunAttribute.Address;
import dev.purertc.ice.stun.StunAttribute.ChannelNumber;
import dev.purertc.ice.stun.StunAttribute.Data;
import dev.purertc.ice.stun.StunAttribute.ErrorCode;
import dev.purertc.ice.stun.StunAttribute.Lifetime;
import dev.purertc.ice.stun.StunAttribute.Nonce;
import dev.purertc.ice.stun.StunAttribute.Realm;
import dev.purertc.ice.stun.StunAttribute.RequestedTransport;
import dev.purertc.ice.stun.StunAttribute.Username;
import dev.purertc.ice.stun.StunClass;
import dev.purertc.ice.stun.StunIntegrity;
import dev.purertc.ice.stun.StunMessage;
import dev.purertc.ice.stun.StunParseException;
import dev.purertc.ice.stun.StunTransactions;
import dev.purertc.ice.stun.TransactionId;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TURN client for one allocation over UDP (RFC 8656), sans-I/O: it never touches a socket.
 * Feed it every datagram that came from the server with {@link #handleDatagram}, call
 * {@link #handleTimeout} at {@link #nextDeadlineNanos()}, and send what {@link #pollTransmit()}
 * returns to {@link #server()}.
 *
 * <p>It allocates with the 401 realm/nonce exchange and long-term credentials (RFC 8489 §9.2),
 * follows a 438 stale nonce, refreshes the allocation before it expires, installs a permission
 * (CreatePermission) the first time the application sends to a peer IP and keeps it fresh, then
 * binds a channel to that peer and uses ChannelData; until the channel is bound it uses Send
 * indications. Data indications and ChannelData from the server come back as {@link Received}.
 * {@link #close} deallocates (Refresh with lifetime 0). Wrong credentials end in
 * {@link TurnEvent.Failed} with code 401.
 *
 * <p>Not thread-safe: one owner calls it. Times are nanos from the owner's clock.
 */
public final class TurnClient {
  private static final Logger LOG = LoggerFactory.getLogger(TurnClient.class);
  /** RFC 8656 §9: permissions last 300 s; refresh a minute early. */
  static final long PERMISSION_REFRESH_NANOS = 240_000_000_000L;
  /** RFC 8656 §12: channel bindings last 600 s; refresh a minute early. */
  static final long CHANNEL_REFRESH_NANOS = 540_000_000_000L;
  private static final int MAX_QUEUED_PER_PEER = 32;

  /** An application datagram relayed from a peer. */
  public record Received(InetSocketAddress peer, ByteBuffer data) {}

  private enum State { NEW, ALLOCATING, ALLOCATED, FAILED, CLOSED }

  private enum Kind { ALLOCATE, REFRESH, PERMISSION, CHANNEL_BIND, DEALLOCATE }

  private static final class Request {
    final Kind kind;
    final StunMessage unsigned;
    final InetSocketAddress peer;
    final int channel;
    InetAddress peerIp;
    int authAttempts;
    byte[] bytes;

    Request withPeerIp(Peer p) {
      peerIp = p.ip;
      return this;
    }

    Request(Kind kind, StunMessage unsigned, InetSocketAddress peer, int channel) {
      this.kind = kind;
      this.unsigned = unsigned;
      this.peer = peer;
      this.channel = channel;
    }
  }

  private static final class Peer {
    final InetAddress ip;
    boolean permitted;
    boolean permissionPending;
    long permissionRefreshAt = Long.MAX_VALUE;
    final Deque<byte[]> queued = new ArrayDeque<>();
    final Map<InetSocketAddress, Integer> wantChannel = new HashMap<>();

    Peer(InetAddress ip) {
      this.ip = ip;
    }
  }

  private final InetSocketAddress server;
  private final String username;
  private final String password;
  private final RandomGenerator random;
  private final StunTransactions<Request> transactions = new StunTransactions<>();
  private final Deque<byte[]> out = new ArrayDeque<>();
  private final Deque<TurnEvent> events = new ArrayDeque<>();
  private final Map<InetAddress, Peer> peers = new HashMap<>();
  private final Map<InetSocketAddress, Integer> channelByPeer = new HashMap<>();
  private final Map<Integer, InetSocketAddress> peerByChannel = new HashMap<>();
  private final Map<InetSocketAddress, Long> channelRefreshAt = new HashMap<>();
  private final Map<InetSocketAddress, Boolean> channelPending = new HashMap<>();
  private int nextChannel = 0x4000;
  private State state = State.NEW;
  private String realm;
  private String nonce;
  private byte[] key;
  private InetSocketAddress relayed;
  private long refreshAtNanos = Long.MAX_VALUE;

  /**
   * @param server the TURN server's UDP address
   * @param username long-term credential user name
   * @param password long-term credential password
   * @param random source of transaction ids
   */
  public TurnClient(InetSocketAddress server, String username, String password,
      RandomGenerator random) {
    this.server = server;
    this.username = username;
    this.password = password;
    this.random = random;
  }

  /** The server address all of this client's datagrams go to. */
  public InetSocketAddress server() {
    return server;
  }

  /** The relayed address once allocated, else null. */
  public InetSocketAddress relayedAddress() {
    return relayed;
  }

  /** Whether the allocation exists. */
  public boolean isAllocated() {
    return state == State.ALLOCATED;
  }

  /** Whether the client failed or was closed. */
  public boolean isFinished() {
    return state == State.FAILED || state == State.CLOSED;
  }

  /** Starts the allocation: sends Allocate without credentials (RFC 8656 §7.1). */
  public void start(long nowNanos) {
    if (state != State.NEW) {
      return;
    }
    state = State.ALLOCATING;
    send(new Request(Kind.ALLOCATE, StunMessage.of(StunMessage.ALLOCATE, StunClass.REQUEST,
        TransactionId.random(random), new RequestedTransport(RequestedTransport.UDP)), null, 0),
        nowNanos);
  }

  /**
   * Sends an application datagram to a peer through the relay. The first datagram to a new peer
   * IP waits (a few are queued) until the server installs the permission.
   */
  public void send(InetSocketAddress peer, ByteBuffer data, long nowNanos) {
    if (state != State.ALLOCATED) {
      return;
    }
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    Integer channel = channelByPeer.get(peer);
    if (channel != null) {
      // RFC 8656 §12.4: ChannelData, no padding over UDP.
      ByteBuffer cd = ByteBuffer.allocate(4 + bytes.length);
      cd.putShort((short) (int) channel).putShort((short) bytes.length).put(bytes);
      out.add(cd.array());
      return;
    }
    Peer p = peer(peer.getAddress(), nowNanos);
    if (!p.permitted) {
      if (p.queued.size() < MAX_QUEUED_PER_PEER) {
        p.queued.add(sendIndication(peer, bytes));
      }
      return;
    }
    out.add(sendIndication(peer, bytes));
    bindChannel(peer, nowNanos);
  }

  /** Installs a permission for the peer's IP now (ICE does this for each remote candidate). */
  public void createPermission(InetSocketAddress peer, long nowNanos) {
    if (state == State.ALLOCATED) {
      peer(peer.getAddress(), nowNanos);
    }
  }

  private Peer peer(InetAddress ip, long nowNanos) {
    Peer p = peers.get(ip);
    if (p == null) {
      p = new Peer(ip);
      peers.put(ip, p);
      requestPermission(p, nowNanos);
    }
    return p;
  }

  private void requestPermission(Peer p, long nowNanos) {
    p.permissionPending = true;
    send(new Request(Kind.PERMISSION, StunMessage.of(StunMessage.CREATE_PERMISSION,
        StunClass.REQUEST, TransactionId.random(random),
        new Address(StunAttribute.XOR_PEER_ADDRESS, new InetSocketAddress(p.ip, 0))), null, 0)
        .withPeerIp(p), nowNanos);
  }

  private void bindChannel(InetSocketAddress peer, long nowNanos) {
    if (channelPending.containsKey(peer) || channelByPeer.containsKey(peer) || nextChannel > 0x4FFF) {
      return;
    }
    int channel = nextChannel++;
    channelPending.put(peer, true);
    send(new Request(Kind.CHANNEL_BIND, StunMessage.of(StunMessage.CHANNEL_BIND, StunClass.REQUEST,
        TransactionId.random(random), new ChannelNumber(channel),
        new Address(StunAttribute.XOR_PEER_ADDRESS, peer)), peer, channel), nowNanos);
  }

  private byte[] sendIndication(InetSocketAddress peer, byte[] bytes) {
    return StunMessage.of(StunMessage.SEND, StunClass.INDICATION, TransactionId.random(random),
        new Address(StunAttribute.XOR_PEER_ADDRESS, peer), new Data(bytes)).toBytes();
  }

  /**
   * Handles a datagram that came from the server.
   *
   * @return the relayed application datagram it carried, or null (a response, or junk)
   */
  public Received handleDatagram(ByteBuffer datagram, long nowNanos) {
    if (!datagram.hasRemaining()) {
      return null;
    }
    int first = datagram.get(datagram.position()) & 0xFF;
    if (first >= 0x40 && first <= 0x4F) {
      // RFC 7983 / RFC 8656 §12.4: ChannelData.
      if (datagram.remaining() < 4) {
        return null;
      }
      int channel = datagram.getShort(datagram.position()) & 0xFFFF;
      int length = datagram.getShort(datagram.position() + 2) & 0xFFFF;
      InetSocketAddress peer = peerByChannel.get(channel);
      if (peer == null || length > datagram.remaining() - 4) {
        return null;
      }
      ByteBuffer data = datagram.slice(datagram.position() + 4, length);
      return new Received(peer, data);
    }
    if (!StunMessage.isStun(datagram)) {
      return null;
    }
    ByteBuffer raw = datagram.duplicate();
    StunMessage m;
    try {
      m = StunMessage.parse(datagram.duplicate()).withoutAttributesAfterIntegrity();
    } catch (StunParseException e) {
      LOG.debug("TURN {}: dropping malformed STUN: {}", server, e.getMessage());
      return null;
    }
    if (m.method() == StunMessage.DATA && m.messageClass() == StunClass.INDICATION) {
      Address peer = null;
      for (StunAttribute a : m.attributes()) {
        if (a instanceof Address ad && ad.type() == StunAttribute.XOR_PEER_ADDRESS) {
          peer = ad;
        }
      }
      Data data = m.attribute(Data.class).orElse(null);
      if (peer == null || data == null) {
        return null;
      }
      return new Received(peer.address(), ByteBuffer.wrap(data.value()));
    }
    if (m.isResponse()) {
      handleResponse(m, raw, nowNanos);
    }
    return null;
  }

  private void handleResponse(StunMessage m, ByteBuffer raw, long nowNanos) {
    Request r = transactions.complete(m.transactionId());
    if (r == null) {
      return;
    }
    if (m.messageClass() == StunClass.SUCCESS_RESPONSE) {
      // RFC 8489 §9.2.5: a success to an authenticated request must carry valid integrity.
      if (key != null && r.authAttempts > 0 && !StunIntegrity.verify(raw, key)) {
        LOG.debug("TURN {}: dropping response with bad integrity", server);
        transactions.start(m.transactionId(), r, nowNanos);
        return;
      }
      onSuccess(r, m, nowNanos);
      return;
    }
    ErrorCode error = m.attribute(ErrorCode.class).orElse(new ErrorCode(400, "no ERROR-CODE"));
    int code = error.code();
    if ((code == ErrorCode.UNAUTHENTICATED && r.authAttempts == 0)
        || (code == ErrorCode.STALE_NONCE && r.authAttempts < 3)) {
      // RFC 8489 §9.2.4: learn realm and nonce, retry with credentials; 438: new nonce.
      m.attribute(Realm.class).ifPresent(x -> realm = x.value());
      m.attribute(Nonce.class).ifPresent(x -> nonce = x.value());
      if (realm == null || nonce == null) {
        fail(code, "server answered " + code + " without REALM and NONCE");
        return;
      }
      key = StunIntegrity.longTermKey(username, realm, password);
      r.authAttempts++;
      send(r, nowNanos);
      return;
    }
    if (code == ErrorCode.UNAUTHENTICATED) {
      fail(code, "TURN server " + server + " rejected the credentials for user '" + username
          + "': " + error.reason());
      return;
    }
    switch (r.kind) {
      case ALLOCATE:
      case REFRESH:
        fail(code, r.kind + " failed: " + code + " " + error.reason());
        break;
      case PERMISSION:
        LOG.warn("TURN {}: CreatePermission for {} failed: {} {}", server, r.peerIp, code, error.reason());
        Peer p = peers.remove(r.peerIp);
        if (p != null) {
          p.queued.clear();
        }
        break;
      case CHANNEL_BIND:
        LOG.debug("TURN {}: ChannelBind for {} failed: {} {}", server, r.peer, code, error.reason());
        channelPending.remove(r.peer);
        break;
      default:
        break;
    }
  }

  private void onSuccess(Request r, StunMessage m, long nowNanos) {
    switch (r.kind) {
      case ALLOCATE: {
        InetSocketAddress mapped = null;
        for (StunAttribute a : m.attributes()) {
          if (a instanceof Address ad && ad.type() == StunAttribute.XOR_RELAYED_ADDRESS) {
            relayed = ad.address();
          } else if (a instanceof Address ad && ad.type() == StunAttribute.XOR_MAPPED_ADDRESS) {
            mapped = ad.address();
          }
        }
        if (relayed == null) {
          fail(500, "Allocate success without XOR-RELAYED-ADDRESS");
          return;
        }
        long lifetime = m.attribute(Lifetime.class).map(Lifetime::seconds).orElse(600L);
        state = State.ALLOCATED;
        scheduleRefresh(lifetime, nowNanos);
        events.add(new TurnEvent.Allocated(relayed, mapped, lifetime));
        break;
      }
      case REFRESH:
        scheduleRefresh(m.attribute(Lifetime.class).map(Lifetime::seconds).orElse(600L), nowNanos);
        break;
      case PERMISSION: {
        Peer p = peers.get(r.peerIp);
        if (p == null) {
          return;
        }
        boolean first = !p.permitted;
        p.permitted = true;
        p.permissionPending = false;
        p.permissionRefreshAt = nowNanos + PERMISSION_REFRESH_NANOS;
        if (first) {
          events.add(new TurnEvent.PermissionCreated(new InetSocketAddress(p.ip, 0)));
        }
        List<InetSocketAddress> toBind = new ArrayList<>();
        while (!p.queued.isEmpty()) {
          byte[] ind = p.queued.poll();
          out.add(ind);
          try {
            StunMessage sm = StunMessage.parse(ByteBuffer.wrap(ind));
            sm.attribute(Address.class).ifPresent(a -> toBind.add(a.address()));
          } catch (StunParseException impossible) {
            // We wrote it ourselves.
          }
        }
        for (InetSocketAddress peer : toBind) {
          bindChannel(peer, nowNanos);
        }
        break;
      }
      case CHANNEL_BIND:
        channelPending.remove(r.peer);
        if (!channelByPeer.containsKey(r.peer)) {
          channelByPeer.put(r.peer, r.channel);
          peerByChannel.put(r.channel, r.peer);
          events.add(new TurnEvent.ChannelBound(r.peer, r.channel));
        }
        channelRefreshAt.put(r.peer, nowNanos + CHANNEL_REFRESH_NANOS);
        break;
      default:
        break;
    }
  }

  private void scheduleRefresh(long lifetimeSeconds, long nowNanos) {
    // Refresh a minute early, or at half the lifetime when it is short.
    long early = lifetimeSeconds > 120 ? lifetimeSeconds - 60 : Math.max(1, lifetimeSeconds / 2);
    refreshAtNanos = nowNanos + early * 1_000_000_000L;
  }

  /** The earliest time {@link #handleTimeout} has work, or {@link Long#MAX_VALUE}. */
  public long nextDeadlineNanos() {
    if (isFinished()) {
      return transactions.nextDeadlineNanos();
    }
    long next = Math.min(transactions.nextDeadlineNanos(), refreshAtNanos);
    for (Peer p : peers.values()) {
      next = Math.min(next, p.permissionRefreshAt);
    }
    for (long t : channelRefreshAt.values()) {
      next = Math.min(next, t);
    }
    return next;
  }

  /** Retransmits, refreshes and times out what is due. */
  public void handleTimeout(long nowNanos) {
    transactions.poll(nowNanos, new StunTransactions.Listener<>() {
      @Override
      public void retransmit(Request r) {
        out.add(r.bytes);
      }

      @Override
      public void timedOut(Request r) {
        if (r.kind == Kind.ALLOCATE || r.kind == Kind.REFRESH) {
          fail(0, "no response from TURN server " + server + " to " + r.kind);
        } else if (r.kind == Kind.PERMISSION) {
          peers.remove(r.peerIp);
        } else if (r.kind == Kind.CHANNEL_BIND) {
          channelPending.remove(r.peer);
        }
      }
    });
    if (state != State.ALLOCATED) {
      return;
    }
    if (refreshAtNanos - nowNanos <= 0) {
      refreshAtNanos = Long.MAX_VALUE;
      send(new Request(Kind.REFRESH, StunMessage.of(StunMessage.REFRESH, StunClass.REQUEST,
          TransactionId.random(random), new Lifetime(600)), null, 0), nowNanos);
    }
    for (Peer p : peers.values()) {
      if (p.permissionRefreshAt - nowNanos <= 0) {
        p.permissionRefreshAt = Long.MAX_VALUE;
        requestPermission(p, nowNanos);
      }
    }
    for (Map.Entry<InetSocketAddress, Long> e : new ArrayList<>(channelRefreshAt.entrySet())) {
      if (e.getValue() - nowNanos <= 0) {
        channelRefreshAt.put(e.getKey(), Long.MAX_VALUE);
        InetSocketAddress peer = e.getKey();
        send(new Request(Kind.CHANNEL_BIND, StunMessage.of(StunMessage.CHANNEL_BIND,
            StunClass.REQUEST, TransactionId.random(random),
            new ChannelNumber(channelByPeer.get(peer)),
            new Address(StunAttribute.XOR_PEER_ADDRESS, peer)), peer, channelByPeer.get(peer)),
            nowNanos);
      }
    }
  }

  /** The next datagram to send to {@link #server()}, or null. */
  public byte[] pollTransmit() {
    return out.poll();
  }

  /** The next event, or null. */
  public TurnEvent pollEvent() {
    return events.poll();
  }

  /**
   * Deallocates (Refresh with LIFETIME 0, RFC 8656 §7.2), sent once without waiting for the
   * answer; idempotent. Poll the transmit afterwards to send it.
   */
  public void close(long nowNanos) {
    if (state == State.CLOSED) {
      return;
    }
    boolean allocated = state == State.ALLOCATED;
    state = State.CLOSED;
    transactions.clear();
    if (allocated && key != null) {
      Request r = new Request(Kind.DEALLOCATE, StunMessage.of(StunMessage.REFRESH,
          StunClass.REQUEST, TransactionId.random(random), new Lifetime(0)), null, 0);
      r.authAttempts = 1;
      out.add(sign(r.unsigned));
    }
  }

  private void fail(int code, String reason) {
    if (isFinished()) {
      return;
    }
    LOG.warn("TURN {}: {}", server, reason);
    state = State.FAILED;
    transactions.clear();
    events.add(new TurnEvent.Failed(code, reason));
  }

  private void send(Request r, long nowNanos) {
    StunMessage m = r.unsigned;
    TransactionId id = m.transactionId();
    if (r.authAttempts > 0 || (key != null && r.kind != Kind.ALLOCATE)) {
      r.authAttempts = Math.max(r.authAttempts, 1);
      // A retry is a new transaction (RFC 8489 §9.2.4).
      id = TransactionId.random(random);
      r.bytes = sign(new StunMessage(m.method(), m.messageClass(), id, m.attributes()));
    } else {
      r.bytes = m.toBytes();
    }
    transactions.start(id, r, nowNanos);
    out.add(r.bytes);
  }

  private byte[] sign(StunMessage m) {
    return m.with(new Username(username)).with(new Realm(realm)).with(new Nonce(nonce))
        .withIntegrity(key).withFingerprint().toBytes();
  }
}
