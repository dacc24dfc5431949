package dev.purertc.bench;

import dev.purertc.dtls.DtlsCertificate;
import dev.purertc.dtls.DtlsConfig;
import dev.purertc.dtls.DtlsResult;
import dev.purertc.dtls.DtlsRole;
import dev.purertc.dtls.DtlsSession;
import dev.purertc.dtls.UdpDatagramTransport;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full DTLS 1.2 + use_srtp handshake between a PureRTC client and server over UDP on
 * 127.0.0.1, ECDSA P-256 certificates made once: from opening the sockets to both sides having
 * their SRTP keys, plus close_notify and socket close.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar DtlsHandshakeBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class DtlsHandshakeBenchmark {
  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

  private DtlsCertificate clientCertificate;
  private DtlsCertificate serverCertificate;

  @Setup
  public void setUp() {
    clientCertificate = DtlsCertificate.generateEcdsaP256(Instant.now());
    serverCertificate = DtlsCertificate.generateEcdsaP256(Instant.now());
  }

  @Benchmark
  public DtlsResult handshake() throws Exception {
    try (UdpDatagramTransport serverSide =
            UdpDatagramTransport.open(new InetSocketAddress(LOOPBACK, 0), null);
        UdpDatagramTransport clientSide = UdpDatagramTransport.open(
            new InetSocketAddress(LOOPBACK, 0), serverSide.localAddress());
        DtlsSession server = DtlsSession.start(DtlsConfig.of(DtlsRole.SERVER,
            serverCertificate, clientCertificate.fingerprint()), serverSide);
        DtlsSession client = DtlsSession.start(DtlsConfig.of(DtlsRole.CLIENT,
            clientCertificate, serverCertificate.fingerprint()), clientSide)) {
      server.awaitHandshake();
      return client.awaitHandshake();
    }
  }
}
