package dev.purertc.dtls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purertc.srtp.SrtpKeyingMaterial;
import dev.purertc.srtp.SrtpProfile;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * DTLS-SRTP against the {@code openssl} command line (OpenSSL 3, real-peers.md §1) over UDP on
 * 127.0.0.1, both ways, for every profile OpenSSL offers: the negotiated profile and the
 * exported keying material must be byte-identical on both sides.
 */
class OpenSslInteropTest {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  @TempDir
  static Path dir;
  private static Path[] opensslCertificate;
  private static DtlsFingerprint opensslFingerprint;
  private final DtlsCertificate ours = DtlsCertificate.generateEcdsaP256(Instant.now());

  @BeforeAll
  static void makeOpenSslCertificate() throws Exception {
    opensslCertificate = OpenSslPeer.makeCertificate(dir, "openssl-peer");
    opensslFingerprint = DtlsFingerprint.of("sha-256", OpenSslPeer.der(opensslCertificate[0]));
  }

  @AfterEach
  void noThreadLeft() throws InterruptedException {
    DtlsThreads.assertNoneLeftWithin(3000);
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void ourClientAgreesWithOpenSslServer(SrtpProfile profile) throws Exception {
    int port = freeUdpPort();
    try (OpenSslPeer server = OpenSslPeer.server(port, opensslCertificate,
        profile.openSslName(), profile.keyingMaterialLength());
        UdpDatagramTransport transport = UdpDatagramTransport.open(
            new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, port))) {
      server.awaitLine("^ACCEPT", 10_000);
      DtlsConfig config = DtlsConfig.of(DtlsRole.CLIENT, ours, opensslFingerprint);
      try (DtlsSession session = DtlsSession.start(config, transport)) {
        DtlsResult result = session.handshake().get(10, TimeUnit.SECONDS);
        assertEquals(profile.openSslName(), server.negotiatedProfile(5000));
        assertEquals(profile, result.keyingMaterial().profile());
        assertKeysEqual(server.keyingMaterial(5000), result.keyingMaterial());
      }
      // our close_notify makes s_server -naccept 1 finish
      assertEquals(0, server.awaitExit(5000), server.output());
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void openSslClientAgreesWithOurServer(SrtpProfile profile) throws Exception {
    try (UdpDatagramTransport transport =
        UdpDatagramTransport.open(new InetSocketAddress(LOOPBACK, 0), null)) {
      DtlsConfig config = DtlsConfig.of(DtlsRole.SERVER, ours, opensslFingerprint)
          .withSrtpProfiles(List.of(SrtpProfile.values())); // all offered, OpenSSL has one
      try (DtlsSession session = DtlsSession.start(config, transport);
          OpenSslPeer client = OpenSslPeer.client(transport.localAddress().getPort(),
              opensslCertificate, profile.openSslName(), profile.keyingMaterialLength())) {
        DtlsResult result = session.handshake().get(10, TimeUnit.SECONDS);
        assertEquals(profile.openSslName(), client.negotiatedProfile(5000));
        assertEquals(profile, result.keyingMaterial().profile());
        assertKeysEqual(client.keyingMaterial(5000), result.keyingMaterial());
        assertEquals(0, client.awaitExit(5000), client.output());
      }
    }
  }

  @Test
  void openSslServerWithTheWrongCertificateIsRejected() throws Exception {
    int port = freeUdpPort();
    SrtpProfile profile = SrtpProfile.AES128_CM_HMAC_SHA1_80;
    try (OpenSslPeer server = OpenSslPeer.server(port, opensslCertificate,
        profile.openSslName(), profile.keyingMaterialLength());
        UdpDatagramTransport transport = UdpDatagramTransport.open(
            new InetSocketAddress(LOOPBACK, 0), new InetSocketAddress(LOOPBACK, port))) {
      server.awaitLine("^ACCEPT", 10_000);
      DtlsConfig config = DtlsConfig.of(DtlsRole.CLIENT, ours, ours.fingerprint());
      try (DtlsSession session = DtlsSession.start(config, transport)) {
        DtlsHandshakeException e = DtlsLoopbackTest.failure(session, 5000);
        assertEquals(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH, e.reason());
        assertEquals(42, e.alertDescription());
      }
      server.awaitLine("alert bad certificate", 5000);
    }
  }

  private static void assertKeysEqual(byte[] exportedByOpenSsl, SrtpKeyingMaterial ours) {
    SrtpKeyingMaterial theirs = SrtpKeyingMaterial.split(ours.profile(), exportedByOpenSsl);
    assertEquals(ours.profile().keyingMaterialLength(), exportedByOpenSsl.length);
    assertArrayEquals(theirs.client().key(), ours.client().key());
    assertArrayEquals(theirs.client().salt(), ours.client().salt());
    assertArrayEquals(theirs.server().key(), ours.server().key());
    assertArrayEquals(theirs.server().salt(), ours.server().salt());
    assertTrue(theirs.equals(ours));
  }

  private static int freeUdpPort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
      return s.getLocalPort();
    }
  }
}
