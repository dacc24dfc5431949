package dev.purertc.dtls;

import dev.purertc.srtp.SrtpKeyingMaterial;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DTLS-SRTP association (RFC 5764) over a {@link DatagramTransport}: runs the DTLS 1.2
 * handshake, checks the peer's certificate against the SDP fingerprint, negotiates the SRTP
 * profile and exports the SRTP keys.
 *
 * <p>Threading: Bouncy Castle's DTLS classes are blocking, so each session owns one daemon
 * thread named {@code purertc-dtls-client} or {@code purertc-dtls-server}. It runs the
 * handshake (with BC's retransmission timers and the configured overall timeout), then keeps
 * reading DTLS records so that BC can answer a peer's retransmitted final flight and notice its
 * close_notify; DTLS application data is not used by audio WebRTC and is dropped. The thread
 * ends when the handshake fails, the peer closes, or {@link #close()} is called. Timers run on
 * the wall clock inside BC and cannot be driven by a virtual clock.
 *
 * <p>How a handshake ends (each within the stated time, and the thread always ends with it):
 *
 * <ul>
 *   <li>success: {@link #handshake()} completes with a {@link DtlsResult};
 *   <li>the peer's certificate does not match the SDP fingerprint: FINGERPRINT_MISMATCH at once
 *       (this side sends bad_certificate); a peer that rejects ours: ALERT_RECEIVED (42);
 *   <li>no common SRTP profile: NO_COMMON_SRTP_PROFILE (server) / ALERT_RECEIVED (client);
 *   <li>a peer that never answers, stops answering mid-handshake, or sends only garbage
 *       (undecodable datagrams are discarded): TIMEOUT after
 *       {@link DtlsConfig#handshakeTimeoutMillis()}, plus at most one 50 ms receive slice; a
 *       datagram that is a well-formed record carrying a malformed handshake message may end
 *       it earlier with ALERT_SENT (e.g. decode_error);
 *   <li>{@link #close()} during the handshake: CLOSED within 50 ms.
 * </ul>
 *
 * <p>All public methods are thread-safe.
 */
public final class DtlsSession implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DtlsSession.class);
  private static final int JOIN_MILLIS = 2_000;

  private final DtlsConfig config;
  private final BcDatagramAdapter adapter;
  private final HandshakeOutcome outcome = new HandshakeOutcome();
  private final CompletableFuture<DtlsResult> handshake = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread thread;
  private volatile DTLSTransport dtls;

  private DtlsSession(DtlsConfig config, DatagramTransport transport) {
    this.config = config;
    this.adapter = new BcDatagramAdapter(transport);
    this.thread = new Thread(this::run,
        "purertc-dtls-" + (config.role() == DtlsRole.CLIENT ? "client" : "server"));
    this.thread.setDaemon(true);
  }

  /**
   * Starts the handshake on the session's own thread and returns at once.
   *
   * @param transport the datagram path; the session does not close it
   */
  public static DtlsSession start(DtlsConfig config, DatagramTransport transport) {
    DtlsSession session = new DtlsSession(config, transport);
    session.thread.start();
    return session;
  }

  public DtlsConfig config() {
    return config;
  }

  /**
   * Completes with the result when the handshake succeeds, or exceptionally with a
   * {@link DtlsHandshakeException}. Completes within the handshake timeout (plus a retransmit
   * slice) in every case.
   */
  public CompletableFuture<DtlsResult> handshake() {
    return handshake;
  }

  /** Blocks until the handshake completes or fails. */
  public DtlsResult awaitHandshake() throws DtlsHandshakeException, InterruptedException {
    try {
      return handshake.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DtlsHandshakeException failure) {
        throw failure;
      }
      throw new IllegalStateException("unexpected handshake failure", e.getCause());
    }
  }

  /** True once the peer has closed the association with close_notify. */
  public boolean isClosedByPeer() {
    return outcome.peerClosed || adapter.isClosed() && !adapter.isStopping();
  }

  /** True while the session's thread runs (handshake or reading records). */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /**
   * Sends close_notify if the handshake completed, aborts it otherwise, and waits (up to 2 s)
   * for the session thread to end. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    adapter.stop();
    DTLSTransport established = dtls;
    if (established != null && !adapter.isClosed()) {
      try {
        established.close(); // RFC 5246 §7.2.1: close_notify
      } catch (IOException e) {
        LOG.debug("DTLS close_notify could not be sent", e);
      }
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(JOIN_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run() {
    long start = System.nanoTime();
    BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    PeerSupport support = new PeerSupport(config, crypto, outcome);
    DTLSTransport established;
    try {
      if (config.role() == DtlsRole.CLIENT) {
        established = new DTLSClientProtocol().connect(new ClientPeer(support), adapter);
      } else {
        // No HelloVerifyRequest: the peer's address is already verified by ICE (RFC 8842 §5.1
        // leaves cookies optional there; dtls.md: BC answers without one).
        established = new DTLSServerProtocol().accept(new ServerPeer(support), adapter);
      }
    } catch (Exception e) {
      DtlsHandshakeException failure = classify(e);
      LOG.debug("DTLS {} handshake failed: {}", config.role(), failure.getMessage());
      handshake.completeExceptionally(failure);
      return;
    }
    dtls = established;
    long nanos = System.nanoTime() - start;
    SrtpKeyingMaterial keys = SrtpKeyingMaterial.split(outcome.profile, outcome.keyingMaterial);
    handshake.complete(new DtlsResult(config.role(), keys, outcome.remoteFingerprint,
        outcome.cipherSuite, nanos));
    if (adapter.isStopping()) {
      // close() ran while the handshake finished and did not see the transport yet
      try {
        established.close();
      } catch (IOException e) {
        LOG.debug("DTLS close_notify could not be sent", e);
      }
      return;
    }
    readUntilClosed(established);
  }

  private void readUntilClosed(DTLSTransport established) {
    byte[] buffer = new byte[BcDatagramAdapter.RECEIVE_LIMIT_BYTES];
    while (!adapter.isStopping() && !adapter.isClosed() && !outcome.peerClosed) {
      try {
        int received = established.receive(buffer, 0, buffer.length, 100);
        if (received >= 0) {
          LOG.debug("DTLS {} dropped {} bytes of application data", config.role(), received);
        }
      } catch (IOException e) {
        if (!adapter.isStopping()) {
          LOG.debug("DTLS {} record reader ends: {}", config.role(), e.toString());
        }
        return;
      }
    }
  }

  private DtlsHandshakeException classify(Exception e) {
    if (adapter.isStopping()) {
      return new DtlsHandshakeException(DtlsHandshakeException.Reason.CLOSED, -1,
          "the session was closed during the handshake", e);
    }
    if (outcome.fingerprintFailure != null) {
      return new DtlsHandshakeException(DtlsHandshakeException.Reason.FINGERPRINT_MISMATCH,
          alertOf(e), outcome.fingerprintFailure, e);
    }
    if (outcome.profileFailure != null) {
      return new DtlsHandshakeException(DtlsHandshakeException.Reason.NO_COMMON_SRTP_PROFILE,
          alertOf(e), outcome.profileFailure, e);
    }
    if (e instanceof TlsTimeoutException) {
      return new DtlsHandshakeException(DtlsHandshakeException.Reason.TIMEOUT, -1,
          "no complete handshake within " + config.handshakeTimeoutMillis() + " ms", e);
    }
    if (e instanceof TlsFatalAlertReceived received) {
      return new DtlsHandshakeException(DtlsHandshakeException.Reason.ALERT_RECEIVED,
          received.getAlertDescription(), "the peer aborted the handshake", e);
    }
    if (e instanceof TlsFatalAlert raised) {
      return new DtlsHandshakeException(DtlsHandshakeException.Reason.ALERT_SENT,
          raised.getAlertDescription(), String.valueOf(raised.getMessage()), e);
    }
    return new DtlsHandshakeException(DtlsHandshakeException.Reason.TRANSPORT_FAILED, -1,
        String.valueOf(e), e);
  }

  private static int alertOf(Exception e) {
    if (e instanceof TlsFatalAlertReceived received) {
      return received.getAlertDescription();
    }
    if (e instanceof TlsFatalAlert raised) {
      return raised.getAlertDescription();
    }
    return -1;
  }
}
