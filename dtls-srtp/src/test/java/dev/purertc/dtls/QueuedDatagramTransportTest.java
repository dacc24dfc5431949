package dev.purertc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The push-style transport, as the ICE layer will use it: no sockets at all. */
class QueuedDatagramTransportTest {

  @AfterEach
  void noThreadLeft() throws InterruptedException {
    DtlsThreads.assertNoneLeftWithin(3000);
  }

  @Test
  void aHandshakeRunsOverTwoInMemoryTransports() throws Exception {
    AtomicReference<QueuedDatagramTransport> toServer = new AtomicReference<>();
    AtomicReference<QueuedDatagramTransport> toClient = new AtomicReference<>();
    QueuedDatagramTransport clientSide = new QueuedDatagramTransport(1172,
        (data, offset, length) -> toServer.get().deliver(data, offset, length), 32);
    QueuedDatagramTransport serverSide = new QueuedDatagramTransport(1172,
        (data, offset, length) -> toClient.get().deliver(data, offset, length), 32);
    toServer.set(serverSide);
    toClient.set(clientSide);
    DtlsCertificate c = DtlsCertificate.generateEcdsaP256(Instant.now());
    DtlsCertificate s = DtlsCertificate.generateEcdsaP256(Instant.now());
    try (DtlsSession server = DtlsSession.start(
            DtlsConfig.of(DtlsRole.SERVER, s, c.fingerprint()), serverSide);
        DtlsSession client = DtlsSession.start(
            DtlsConfig.of(DtlsRole.CLIENT, c, s.fingerprint()), clientSide)) {
      DtlsResult clientResult = client.handshake().get(5, TimeUnit.SECONDS);
      DtlsResult serverResult = server.handshake().get(5, TimeUnit.SECONDS);
      assertEquals(clientResult.keyingMaterial(), serverResult.keyingMaterial());
    } finally {
      clientSide.close();
      serverSide.close();
    }
  }

  @Test
  void aFullQueueDropsAndCloseEndsReceiving() throws IOException {
    QueuedDatagramTransport t = new QueuedDatagramTransport(1172, (d, o, l) -> { }, 2);
    byte[] one = {1, 2, 3};
    assertTrue(t.deliver(one, 0, 3));
    assertTrue(t.deliver(one, 1, 2));
    assertFalse(t.deliver(one, 0, 3), "third datagram dropped");
    byte[] buffer = new byte[10];
    assertEquals(3, t.receive(buffer, 0, 10, 10));
    assertEquals(2, t.receive(buffer, 0, 10, 10));
    assertEquals(2, buffer[0]);
    assertEquals(-1, t.receive(buffer, 0, 10, 10));
    t.close();
    t.close();
    assertFalse(t.deliver(one, 0, 3));
    assertThrows(IOException.class, () -> t.receive(buffer, 0, 10, 10));
    assertThrows(IOException.class, () -> t.send(one, 0, 3));
  }
}
