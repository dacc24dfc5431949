package dev.purertc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.srtp.SrtpProfile;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PureRTC client against PureRTC server over UDP on 127.0.0.1. */
class DtlsLoopbackTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final int TIMEOUT_MILLIS = 1500;

  private final DtlsCertificate clientCert =
      DtlsCertificate.generate(DtlsCertificate.KeyType.ECDSA_P256, Instant.now(), seeded(1));
  private final DtlsCertificate serverCert =
      DtlsCertificate.generate(DtlsCertificate.KeyType.ECDSA_P256, Instant.now(), seeded(2));
  private final java.util.List<AutoCloseable> resources = new java.util.ArrayList<>();

  @AfterEach
  void closeAndCheckThreads() throws Exception {
    for (AutoCloseable r : resources) {
      r.close();
    }
    DtlsThreads.assertNoneLeftWithin(3000);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void bothSidesExportTheSameKeysForTheServersPreferredProfile(SrtpProfile preferred)
      throws Exception {
    DtlsConfig client = DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint());
    DtlsConfig server = DtlsConfig.of(DtlsRole.SERVER, serverCert, clientCert.fingerprint())
        .withSrtpProfiles(List.of(preferred, SrtpProfile.AES128_CM_HMAC_SHA1_80,
            SrtpProfile.AEAD_AES_128_GCM).stream().distinct().toList());
    DtlsSession[] sessions = connect(client, server);
    DtlsResult c = sessions[0].handshake().get(5, TimeUnit.SECONDS);
    DtlsResult s = sessions[1].handshake().get(5, TimeUnit.SECONDS);

    assertEquals(preferred, c.keyingMaterial().profile());
    assertEquals(preferred, s.keyingMaterial().profile());
    assertEquals(c.keyingMaterial(), s.keyingMaterial());
    assertEquals(serverCert.fingerprint(), c.remoteFingerprint());
    assertEquals(clientCert.fingerprint(), s.remoteFingerprint());
    assertEquals(c.cipherSuite(), s.cipherSuite());
  }

  @Test
  void rsaCertificatesWorkOnBothSides() throws Exception {
    DtlsCertificate rsaClient =
        DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048, Instant.now(), seeded(3));
    DtlsCertificate rsaServer =
        DtlsCertificate.generate(DtlsCertificate.KeyType.RSA_2048, Instant.now(), seeded(4));
    DtlsSession[] sessions = connect(
        DtlsConfig.of(DtlsRole.CLIENT, rsaClient, rsaServer.fingerprint("sha-1")),
        DtlsConfig.of(DtlsRole.SERVER, rsaServer, rsaClient.fingerprint("sha-512")));
    DtlsResult c = sessions[0].handshake().get(5, TimeUnit.SECONDS);
    DtlsResult s = sessions[1].handshake().get(5, TimeUnit.SECONDS);
    assertEquals(c.keyingMaterial(), s.keyingMaterial());
  }

  @Test
  void wrongFingerprintAtTheClientAbortsBothSides() throws Exception {
    DtlsFingerprint wrong = DtlsFingerprint.of("sha-256", new byte[] {1, 2, 3});
    DtlsSession[] sessions = connect(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, wrong),
        DtlsConfig.of(DtlsRole.SERVER, serverCert, clientCert.fingerprint()));
    DtlsHandshakeException c = failure(sessions[0], 3000);
    DtlsHandshakeException s = failure(sessions[1], 3000);
    assertEquals(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH, c.reason());
    assertEquals(42, c.alertDescription()); // bad_certificate
    assertEquals(DtlsHandshakeException.Reason.ALERT_RECEIVED, s.reason());
    assertEquals(42, s.alertDescription());
  }

  @Test
  void wrongFingerprintAtTheServerAbortsBothSides() throws Exception {
    DtlsSession[] sessions = connect(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint("sha-384")),
        DtlsConfig.of(DtlsRole.SERVER, serverCert, serverCert.fingerprint()));
    DtlsHandshakeException s = failure(sessions[1], 3000);
    DtlsHandshakeException c = failure(sessions[0], 3000);
    assertEquals(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH, s.reason());
    assertEquals(DtlsHandshakeException.Reason.ALERT_RECEIVED, c.reason());
    assertEquals(42, c.alertDescription());
  }

  @Test
  void noCommonSrtpProfileAbortsWithATypedError() throws Exception {
    DtlsSession[] sessions = connect(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint())
            .withSrtpProfiles(List.of(SrtpProfile.AES128_CM_HMAC_SHA1_32)),
        DtlsConfig.of(DtlsRole.SERVER, serverCert, clientCert.fingerprint())
            .withSrtpProfiles(List.of(SrtpProfile.AEAD_AES_256_GCM)));
    assertEquals(DtlsHandshakeException.Reason.NO_COMMON_SRTP_PROFILE,
        failure(sessions[1], 3000).reason());
    assertEquals(DtlsHandshakeException.Reason.ALERT_RECEIVED,
        failure(sessions[0], 3000).reason());
  }

  @Test
  void aPeerThatNeverAnswersEndsInTimeoutAfterRetransmitting() throws Exception {
    DatagramSocket silent = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    resources.add(silent);
    UdpDatagramTransport transport = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0), (InetSocketAddress) silent.getLocalSocketAddress());
    resources.add(transport);
    long start = System.nanoTime();
    DtlsSession session = DtlsSession.start(shortTimeouts(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint())), transport);
    resources.add(session);
    DtlsHandshakeException e = failure(session, TIMEOUT_MILLIS + 2000);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(DtlsHandshakeException.Reason.TIMEOUT, e.reason());
    assertTrue(elapsedMillis >= TIMEOUT_MILLIS - 50 && elapsedMillis < TIMEOUT_MILLIS + 1000,
        "timed out after " + elapsedMillis + " ms");
    // The silent peer saw the first ClientHello and at least one retransmission.
    silent.setSoTimeout(200);
    int hellos = 0;
    try {
      while (true) {
        silent.receive(new DatagramPacket(new byte[1500], 1500));
        hellos++;
      }
    } catch (java.net.SocketTimeoutException done) {
      // drained
    }
    assertTrue(hellos >= 2, "ClientHello sent " + hellos + " times");
  }

  @Test
  void garbageDatagramsAreIgnoredAndTheHandshakeTimesOut() throws Exception {
    DatagramSocket noisy = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    resources.add(noisy);
    Random random = new Random(7);
    AtomicInteger answered = new AtomicInteger();
    Thread responder = new Thread(() -> {
      byte[] buf = new byte[1500];
      try {
        while (true) {
          DatagramPacket in = new DatagramPacket(buf, buf.length);
          noisy.receive(in);
          for (int i = 0; i < 3; i++) { // answer every datagram with three of garbage
            byte[] garbage = new byte[1 + random.nextInt(300)];
            random.nextBytes(garbage);
            if (i == 0) {
              garbage[0] = 22; // looks like a handshake record
            }
            noisy.send(new DatagramPacket(garbage, garbage.length, in.getSocketAddress()));
          }
          answered.incrementAndGet();
        }
      } catch (java.io.IOException closed) {
        // socket closed by the test
      }
    }, "test-garbage-peer");
    responder.start();
    UdpDatagramTransport transport = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0), (InetSocketAddress) noisy.getLocalSocketAddress());
    resources.add(transport);
    DtlsSession session = DtlsSession.start(shortTimeouts(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint())), transport);
    resources.add(session);
    DtlsHandshakeException e = failure(session, TIMEOUT_MILLIS + 2000);
    assertEquals(DtlsHandshakeException.Reason.TIMEOUT, e.reason());
    assertTrue(answered.get() >= 1);
    noisy.close();
    responder.join(2000);
  }

  @Test
  void aHandshakeCutOffAfterTheFirstFlightsTimesOutOnBothSides() throws Exception {
    // A relay that forwards the first two datagrams each way, then drops everything.
    DatagramSocket relayForClient = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    DatagramSocket relayForServer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    resources.add(relayForClient);
    resources.add(relayForServer);
    UdpDatagramTransport clientSide = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0),
        (InetSocketAddress) relayForClient.getLocalSocketAddress());
    UdpDatagramTransport serverSide = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0),
        (InetSocketAddress) relayForServer.getLocalSocketAddress());
    resources.add(clientSide);
    resources.add(serverSide);
    Thread up = relay(relayForClient, relayForServer, serverSide.localAddress(), 2);
    Thread down = relay(relayForServer, relayForClient, clientSide.localAddress(), 2);

    DtlsSession client = DtlsSession.start(shortTimeouts(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint())), clientSide);
    DtlsSession server = DtlsSession.start(shortTimeouts(
        DtlsConfig.of(DtlsRole.SERVER, serverCert, clientCert.fingerprint())), serverSide);
    resources.add(client);
    resources.add(server);
    assertEquals(DtlsHandshakeException.Reason.TIMEOUT,
        failure(client, TIMEOUT_MILLIS + 2000).reason());
    assertEquals(DtlsHandshakeException.Reason.TIMEOUT,
        failure(server, TIMEOUT_MILLIS + 2000).reason());
    relayForClient.close();
    relayForServer.close();
    up.join(2000);
    down.join(2000);
  }

  @Test
  void lostFlightsAreRetransmittedAndTheHandshakeCompletes() throws Exception {
    // A relay that drops the first datagram in each direction (the ClientHello, then the
    // server's first datagram); the DTLS timers must resend them.
    DatagramSocket relayForClient = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    DatagramSocket relayForServer = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    resources.add(relayForClient);
    resources.add(relayForServer);
    UdpDatagramTransport clientSide = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0),
        (InetSocketAddress) relayForClient.getLocalSocketAddress());
    UdpDatagramTransport serverSide = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0),
        (InetSocketAddress) relayForServer.getLocalSocketAddress());
    resources.add(clientSide);
    resources.add(serverSide);
    Thread up = dropFirst(relayForClient, relayForServer, serverSide.localAddress());
    Thread down = dropFirst(relayForServer, relayForClient, clientSide.localAddress());

    DtlsSession client = DtlsSession.start(shortTimeouts(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint())), clientSide);
    DtlsSession server = DtlsSession.start(shortTimeouts(
        DtlsConfig.of(DtlsRole.SERVER, serverCert, clientCert.fingerprint())), serverSide);
    resources.add(0, client);
    resources.add(0, server);
    DtlsResult c = client.handshake().get(TIMEOUT_MILLIS + 2000, TimeUnit.MILLISECONDS);
    DtlsResult s = server.handshake().get(TIMEOUT_MILLIS + 2000, TimeUnit.MILLISECONDS);
    assertEquals(c.keyingMaterial(), s.keyingMaterial());
    // two lost flights cost at least one retransmission timer (200 ms)
    assertTrue(c.handshakeNanos() >= TimeUnit.MILLISECONDS.toNanos(200),
        "handshake took " + c.handshakeNanos() / 1_000_000 + " ms");
    relayForClient.close();
    relayForServer.close();
    up.join(2000);
    down.join(2000);
  }

  private static Thread dropFirst(DatagramSocket from, DatagramSocket via,
      InetSocketAddress to) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[1500];
      boolean dropped = false;
      try {
        while (true) {
          DatagramPacket in = new DatagramPacket(buf, buf.length);
          from.receive(in);
          if (dropped) {
            via.send(new DatagramPacket(buf, in.getLength(), to));
          }
          dropped = true;
        }
      } catch (java.io.IOException closed) {
        // socket closed by the test
      }
    }, "test-lossy-relay");
    t.start();
    return t;
  }

  @Test
  void closeSendsCloseNotifyAndEndsBothThreads() throws Exception {
    DtlsSession[] sessions = connect(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint()),
        DtlsConfig.of(DtlsRole.SERVER, serverCert, clientCert.fingerprint()));
    sessions[0].handshake().get(5, TimeUnit.SECONDS);
    sessions[1].handshake().get(5, TimeUnit.SECONDS);
    assertTrue(sessions[0].isRunning() && sessions[1].isRunning());
    sessions[0].close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (sessions[1].isRunning() && System.nanoTime() < deadline) {
      Thread.sleep(10); // polling with a deadline
    }
    assertTrue(sessions[1].isClosedByPeer(), "server saw close_notify");
    DtlsThreads.assertNoneLeftWithin(1000);
  }

  @Test
  void closingDuringTheHandshakeFailsItAsClosed() throws Exception {
    DatagramSocket silent = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
    resources.add(silent);
    UdpDatagramTransport transport = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0), (InetSocketAddress) silent.getLocalSocketAddress());
    resources.add(transport);
    DtlsSession session = DtlsSession.start(
        DtlsConfig.of(DtlsRole.CLIENT, clientCert, serverCert.fingerprint()), transport);
    silent.receive(new DatagramPacket(new byte[1500], 1500)); // the ClientHello was sent
    session.close();
    assertEquals(DtlsHandshakeException.Reason.CLOSED, failure(session, 1000).reason());
  }

  @Test
  void setupOutcomeChoosesTheRole() {
    assertEquals(DtlsRole.CLIENT, DtlsRole.fromLocalSetup("active"));
    assertEquals(DtlsRole.SERVER, DtlsRole.fromLocalSetup("passive"));
    assertThrows(IllegalArgumentException.class, () -> DtlsRole.fromLocalSetup("actpass"));
  }

  private DtlsSession[] connect(DtlsConfig client, DtlsConfig server) throws Exception {
    UdpDatagramTransport serverSide = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0), null);
    resources.add(serverSide);
    UdpDatagramTransport clientSide = UdpDatagramTransport.open(
        new InetSocketAddress(LOOPBACK, 0), serverSide.localAddress());
    resources.add(clientSide);
    DtlsSession s = DtlsSession.start(server, serverSide);
    DtlsSession c = DtlsSession.start(client, clientSide);
    resources.add(0, c);
    resources.add(0, s);
    return new DtlsSession[] {c, s};
  }

  private static DtlsConfig shortTimeouts(DtlsConfig config) {
    return config.withHandshakeTimeoutMillis(TIMEOUT_MILLIS).withInitialRetransmitMillis(200);
  }

  static DtlsHandshakeException failure(DtlsSession session, long withinMillis)
      throws Exception {
    java.util.concurrent.ExecutionException e = assertThrows(
        java.util.concurrent.ExecutionException.class,
        () -> session.handshake().get(withinMillis, TimeUnit.MILLISECONDS));
    assertTrue(e.getCause() instanceof DtlsHandshakeException, String.valueOf(e.getCause()));
    return (DtlsHandshakeException) e.getCause();
  }

  private static Thread relay(DatagramSocket from, DatagramSocket via, InetSocketAddress to,
      int forward) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[1500];
      int forwarded = 0;
      try {
        while (true) {
          DatagramPacket in = new DatagramPacket(buf, buf.length);
          from.receive(in);
          if (forwarded++ < forward) {
            via.send(new DatagramPacket(buf, in.getLength(), to));
          }
        }
      } catch (java.io.IOException closed) {
        // socket closed by the test
      }
    }, "test-relay");
    t.start();
    return t;
  }

  static SecureRandom seeded(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
