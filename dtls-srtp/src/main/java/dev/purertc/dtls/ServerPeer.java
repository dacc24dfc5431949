package dev.purertc.dtls;

import dev.purertc.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/**
 * The Bouncy Castle server peer: DTLS 1.2 only, cipher suites matching our key type, requires
 * a client certificate, picks the SRTP profile by our preference.
 */
final class ServerPeer extends DefaultTlsServer {
  private static final int[] ECDSA_SUITES = {
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256};
  private static final int[] RSA_SUITES = {
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
      CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256};

  private final PeerSupport support;

  ServerPeer(PeerSupport support) {
    super(support.crypto);
    this.support = support;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  protected int[] getSupportedCipherSuites() {
    // Required: BC's default server list does not follow the credentials; with an ECDSA key it
    // would pick an RSA suite and fail with internal_error (dtls.md).
    return TlsUtils.getSupportedCipherSuites(getCrypto(),
        support.ecdsa() ? ECDSA_SUITES : RSA_SUITES);
  }

  @Override
  protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
    if (!support.ecdsa()) {
      throw new TlsFatalAlert(AlertDescription.internal_error, "no ECDSA credentials");
    }
    return support.signer(context);
  }

  @Override
  protected TlsCredentialedSigner getRSASignerCredentials() throws IOException {
    if (support.ecdsa()) {
      throw new TlsFatalAlert(AlertDescription.internal_error, "no RSA credentials");
    }
    return support.signer(context);
  }

  @Override
  public CertificateRequest getCertificateRequest() {
    // WebRTC authenticates both ends by certificate fingerprint (RFC 8827 §6.5).
    short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
    return new CertificateRequest(types, PeerSupport.acceptedSignatureAlgorithms(), null);
  }

  @Override
  public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
    support.verifyPeerCertificate(clientCertificate);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processClientExtensions(Hashtable clientExtensions) throws IOException {
    super.processClientExtensions(clientExtensions);
    UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
    SrtpProfile chosen = offered == null ? null : support.choose(offered.getProtectionProfiles());
    if (chosen == null) {
      support.outcome.profileFailure = offered == null
          ? "the client did not offer use_srtp"
          : "the client offered no SRTP profile we accept";
      throw new TlsFatalAlert(AlertDescription.handshake_failure, support.outcome.profileFailure);
    }
    support.outcome.profile = chosen;
  }

  @Override
  public Hashtable<Integer, byte[]> getServerExtensions() throws IOException {
    @SuppressWarnings("unchecked")
    Hashtable<Integer, byte[]> extensions =
        TlsExtensionsUtils.ensureExtensionsInitialised(super.getServerExtensions());
    TlsSRTPUtils.addUseSRTPExtension(extensions,
        new UseSRTPData(new int[] {support.outcome.profile.id()}, TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  public int getHandshakeTimeoutMillis() {
    return support.config.handshakeTimeoutMillis();
  }

  @Override
  public int getHandshakeResendTimeMillis() {
    return support.config.initialRetransmitMillis();
  }

  @Override
  public void notifyHandshakeComplete() throws IOException {
    super.notifyHandshakeComplete();
    support.exportKeys(context);
  }

  @Override
  public void notifyAlertRaised(short level, short description, String message, Throwable cause) {
    support.logAlertRaised(level, description, message, cause);
  }

  @Override
  public void notifyAlertReceived(short level, short description) {
    support.logAlertReceived(level, description);
  }

  @Override
  public void notifyConnectionClosed() {
    support.outcome.peerClosed = true;
  }
}
