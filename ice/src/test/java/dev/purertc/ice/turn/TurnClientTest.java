package dev.purertc.ice.turn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.ice.stun.StunAttribute;
import dev.purertc.ice.stun.StunAttribute.Address;
import dev.purertc.ice.stun.StunAttribute.ChannelNumber;
import dev.purertc.ice.stun.StunAttribute.ErrorCode;
import dev.purertc.ice.stun.StunAttribute.Lifetime;
import dev.purertc.ice.stun.StunAttribute.Nonce;
import dev.purertc.ice.stun.StunAttribute.Realm;
import dev.purertc.ice.stun.StunClass;
import dev.purertc.ice.stun.StunIntegrity;
import dev.purertc.ice.stun.StunMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The TURN client against a scripted server, on a virtual clock. */
class TurnClientTest {
  private static final long S = 1_000_000_000L;
  private static final InetSocketAddress SERVER = address("192.0.2.10", 3478);
  private static final InetSocketAddress RELAYED = address("192.0.2.10", 50000);
  private static final InetSocketAddress MAPPED = address("198.51.100.7", 40000);
  private static final InetSocketAddress PEER = address("203.0.113.5", 7000);
  private static final byte[] KEY = StunIntegrity.longTermKey("user", "realm.test", "pass");

  private final TurnClient client = new TurnClient(SERVER, "user", "pass", new SplittableRandom(1));

  private static InetSocketAddress address(String ip, int port) {
    try {
      return new InetSocketAddress(InetAddress.getByName(ip), port);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private StunMessage next() {
    byte[] bytes = client.pollTransmit();
    assertNotNull(bytes, "the client should have sent something");
    return StunMessage.parse(ByteBuffer.wrap(bytes));
  }

  private byte[] lastRaw;

  private StunMessage nextSigned() {
    lastRaw = client.pollTransmit();
    assertNotNull(lastRaw);
    assertTrue(StunIntegrity.verify(ByteBuffer.wrap(lastRaw), KEY), "request signed with the long-term key");
    assertTrue(StunIntegrity.verifyFingerprint(ByteBuffer.wrap(lastRaw)));
    return StunMessage.parse(ByteBuffer.wrap(lastRaw));
  }

  private void answer(StunMessage request, StunClass cls, String nonce, StunAttribute... attrs) {
    StunMessage r = StunMessage.of(request.method(), cls, request.transactionId(), attrs);
    if (nonce != null) {
      r = r.with(new Realm("realm.test")).with(new Nonce(nonce));
    }
    if (cls == StunClass.SUCCESS_RESPONSE) {
      r = r.withIntegrity(KEY);
    }
    client.handleDatagram(ByteBuffer.wrap(r.withFingerprint().toBytes()), 0);
  }

  private void allocate() {
    client.start(0);
    StunMessage first = next();
    assertEquals(StunMessage.ALLOCATE, first.method());
    assertTrue(first.attribute(StunAttribute.MessageIntegrity.class).isEmpty());
    answer(first, StunClass.ERROR_RESPONSE, "n1", new ErrorCode(401, "Unauthorized"));
    StunMessage second = nextSigned();
    assertEquals("n1", second.attribute(Nonce.class).orElseThrow().value());
    answer(second, StunClass.SUCCESS_RESPONSE, null,
        new Address(StunAttribute.XOR_RELAYED_ADDRESS, RELAYED),
        new Address(StunAttribute.XOR_MAPPED_ADDRESS, MAPPED), new Lifetime(600));
    TurnEvent e = client.pollEvent();
    assertEquals(new TurnEvent.Allocated(RELAYED, MAPPED, 600), e);
    assertTrue(client.isAllocated());
  }

  @Test
  void allocatesAfterThe401RealmAndNonceExchange() {
    allocate();
    assertEquals(RELAYED, client.relayedAddress());
  }

  @Test
  void staleNonceIsFollowedThenPermissionChannelAndChannelDataWork() {
    allocate();
    client.send(PEER, ByteBuffer.wrap(new byte[] {1, 2, 3}), 0);
    StunMessage permission = nextSigned();
    assertEquals(StunMessage.CREATE_PERMISSION, permission.method());
    assertNull(client.pollTransmit(), "data waits for the permission");
    answer(permission, StunClass.ERROR_RESPONSE, "n2", new ErrorCode(438, "Stale Nonce"));
    StunMessage retry = nextSigned();
    assertEquals(StunMessage.CREATE_PERMISSION, retry.method());
    assertEquals("n2", retry.attribute(Nonce.class).orElseThrow().value());
    answer(retry, StunClass.SUCCESS_RESPONSE, null);
    assertInstanceOf(TurnEvent.PermissionCreated.class, client.pollEvent());
    StunMessage send = next();
    assertEquals(StunMessage.SEND, send.method());
    assertEquals(StunClass.INDICATION, send.messageClass());
    assertEquals(3, send.attribute(StunAttribute.Data.class).orElseThrow().length());
    StunMessage bind = nextSigned();
    assertEquals(StunMessage.CHANNEL_BIND, bind.method());
    int channel = bind.attribute(ChannelNumber.class).orElseThrow().channel();
    answer(bind, StunClass.SUCCESS_RESPONSE, null);
    assertEquals(new TurnEvent.ChannelBound(PEER, channel), client.pollEvent());
    client.send(PEER, ByteBuffer.wrap(new byte[] {9, 8}), 0);
    ByteBuffer cd = ByteBuffer.wrap(client.pollTransmit());
    assertEquals(channel, cd.getShort() & 0xFFFF);
    assertEquals(2, cd.getShort());
    // Data back from the peer, as a Data indication and as ChannelData.
    byte[] ind = StunMessage.of(StunMessage.DATA, StunClass.INDICATION,
        new dev.purertc.ice.stun.TransactionId(1, 1),
        new Address(StunAttribute.XOR_PEER_ADDRESS, PEER),
        new StunAttribute.Data(new byte[] {5, 5})).toBytes();
    TurnClient.Received r1 = client.handleDatagram(ByteBuffer.wrap(ind), 0);
    assertEquals(PEER, r1.peer());
    assertEquals(2, r1.data().remaining());
    ByteBuffer back = ByteBuffer.allocate(7).putShort((short) channel).putShort((short) 3)
        .put(new byte[] {7, 7, 7});
    TurnClient.Received r2 = client.handleDatagram(back.flip(), 0);
    assertEquals(PEER, r2.peer());
    assertEquals(3, r2.data().remaining());
  }

  @Test
  void wrongCredentialsEndInAFailedEventWithCode401() {
    client.start(0);
    StunMessage first = next();
    answer(first, StunClass.ERROR_RESPONSE, "n1", new ErrorCode(401, "Unauthorized"));
    StunMessage second = next();
    answer(second, StunClass.ERROR_RESPONSE, "n1", new ErrorCode(401, "Unauthorized"));
    TurnEvent e = client.pollEvent();
    assertInstanceOf(TurnEvent.Failed.class, e);
    assertEquals(401, ((TurnEvent.Failed) e).code());
    assertTrue(client.isFinished());
    assertNull(client.pollTransmit(), "no endless retry");
  }

  @Test
  void silentServerFailsAfterTheRfc8489Timeout() {
    client.start(0);
    next();
    long now = 0;
    int resent = 0;
    while (!client.isFinished()) {
      now = client.nextDeadlineNanos();
      assertTrue(now < 60 * S, "gives up in bounded time");
      client.handleTimeout(now);
      while (client.pollTransmit() != null) {
        resent++;
      }
    }
    assertEquals(6, resent);
    assertEquals(39_500_000_000L, now);
    assertEquals(0, ((TurnEvent.Failed) client.pollEvent()).code());
  }

  @Test
  void refreshesBeforeExpiryAndDeallocatesOnClose() {
    allocate();
    assertEquals(540 * S, client.nextDeadlineNanos());
    client.handleTimeout(540 * S);
    StunMessage refresh = nextSigned();
    assertEquals(StunMessage.REFRESH, refresh.method());
    answer(refresh, StunClass.SUCCESS_RESPONSE, null, new Lifetime(600));
    client.close(541 * S);
    StunMessage dealloc = nextSigned();
    assertEquals(StunMessage.REFRESH, dealloc.method());
    assertEquals(0, dealloc.attribute(Lifetime.class).orElseThrow().seconds());
    client.close(542 * S);
    assertNull(client.pollTransmit(), "close is idempotent");
    assertFalse(client.isAllocated());
  }
}
