package dev.purertc.dtls;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Arbitrary datagrams never crash or hang a DTLS session: it ends with a documented error. */
class DtlsSessionProperties {
  private static final DtlsCertificate OURS = DtlsCertificate.generateEcdsaP256(Instant.now());
  private static final DtlsCertificate PEER = DtlsCertificate.generateEcdsaP256(Instant.now());
  private static final EnumSet<DtlsHandshakeException.Reason> DOCUMENTED = EnumSet.of(
      DtlsHandshakeException.Reason.TIMEOUT, DtlsHandshakeException.Reason.ALERT_SENT);

  @Property(tries = 12, seed = "5")
  void garbageEndsInTimeoutOrAnAlertAndTheThreadEnds(@ForAll DtlsRole role,
      @ForAll("datagrams") List<byte[]> datagrams) throws Exception {
    QueuedDatagramTransport transport =
        new QueuedDatagramTransport(1172, (data, offset, length) -> { }, 64);
    for (byte[] d : datagrams) {
      transport.deliver(d, 0, d.length);
    }
    DtlsConfig config = DtlsConfig.of(role, OURS, PEER.fingerprint())
        .withHandshakeTimeoutMillis(300).withInitialRetransmitMillis(100);
    try (DtlsSession session = DtlsSession.start(config, transport)) {
      try {
        session.handshake().get(2300, TimeUnit.MILLISECONDS);
        throw new AssertionError("garbage completed a handshake");
      } catch (ExecutionException e) {
        DtlsHandshakeException failure = (DtlsHandshakeException) e.getCause();
        assertTrue(DOCUMENTED.contains(failure.reason()), failure.toString());
      }
    } finally {
      transport.close();
    }
    DtlsThreads.assertNoneLeftWithin(2000);
  }

  /** Random datagrams, half of them with a plausible DTLS 1.2 record header in front. */
  @Provide
  Arbitrary<List<byte[]>> datagrams() {
    Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(300);
    Arbitrary<byte[]> recordLike = Arbitraries.bytes().array(byte[].class).ofMinSize(13)
        .ofMaxSize(300).map(b -> {
          b[0] = 22; // handshake
          b[1] = (byte) 0xFE; // DTLS 1.2
          b[2] = (byte) 0xFD;
          b[3] = 0; // epoch 0
          b[4] = 0;
          int length = b.length - 13;
          b[11] = (byte) (length >>> 8);
          b[12] = (byte) length;
          return b;
        });
    return Arbitraries.oneOf(raw, recordLike).list().ofMinSize(1).ofMaxSize(8);
  }
}
