package dev.purertc.dtls;

import dev.purertc.srtp.SrtpProfile;
import java.io.IOException;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the client and server peers share: credentials, the fingerprint check, keying export. */
final class PeerSupport {
  /** RFC 5764 §4.2: the exporter label for SRTP keying material. */
  static final String EXPORTER_LABEL = "EXTRACTOR-dtls_srtp";

  private static final Logger LOG = LoggerFactory.getLogger(PeerSupport.class);

  final DtlsConfig config;
  final BcTlsCrypto crypto;
  final HandshakeOutcome outcome;
  private final Certificate certificate;
  private final AsymmetricKeyParameter privateKey;

  PeerSupport(DtlsConfig config, BcTlsCrypto crypto, HandshakeOutcome outcome) {
    this.config = config;
    this.crypto = crypto;
    this.outcome = outcome;
    try {
      TlsCertificate own = crypto.createCertificate(config.certificate().derInternal());
      this.certificate = new Certificate(new TlsCertificate[] {own});
      this.privateKey = PrivateKeyFactory.createKey(config.certificate().privateKey().getEncoded());
    } catch (IOException e) {
      throw new IllegalStateException("own certificate or key does not parse", e);
    }
  }

  boolean ecdsa() {
    return config.certificate().keyType() == DtlsCertificate.KeyType.ECDSA_P256;
  }

  TlsCredentialedSigner signer(TlsContext context) {
    SignatureAndHashAlgorithm algorithm = SignatureAndHashAlgorithm.getInstance(
        HashAlgorithm.sha256, ecdsa() ? SignatureAlgorithm.ecdsa : SignatureAlgorithm.rsa);
    return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
        privateKey, certificate, algorithm);
  }

  /**
   * RFC 8122 §5 / RFC 8842 §5: the peer's end-entity certificate must hash to the fingerprint
   * from the remote SDP. Fail-closed: no certificate, or a mismatch, aborts with
   * bad_certificate.
   */
  void verifyPeerCertificate(Certificate peer) throws IOException {
    if (peer == null || peer.isEmpty()) {
      outcome.fingerprintFailure = "the peer sent no certificate";
      throw new TlsFatalAlert(AlertDescription.bad_certificate, outcome.fingerprintFailure);
    }
    byte[] der = peer.getCertificateAt(0).getEncoded();
    DtlsFingerprint expected = config.remoteFingerprint();
    if (!expected.matches(der)) {
      outcome.fingerprintFailure = "peer certificate " + DtlsFingerprint.of(
          expected.algorithm(), der) + " does not match the SDP fingerprint " + expected;
      throw new TlsFatalAlert(AlertDescription.bad_certificate, outcome.fingerprintFailure);
    }
    outcome.remoteFingerprint = DtlsFingerprint.of("sha-256", der);
  }

  /** The client's offer: our profiles in preference order. */
  int[] offeredProfileIds() {
    List<SrtpProfile> profiles = config.srtpProfiles();
    int[] ids = new int[profiles.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = profiles.get(i).id();
    }
    return ids;
  }

  /** RFC 5764 §4.1.1: the server picks, by its own preference, a profile the client offered. */
  SrtpProfile choose(int[] offered) {
    for (SrtpProfile mine : config.srtpProfiles()) {
      for (int id : offered) {
        if (id == mine.id()) {
          return mine;
        }
      }
    }
    return null;
  }

  /** Exports the SRTP keying material; BC allows this only inside notifyHandshakeComplete. */
  void exportKeys(TlsContext context) {
    outcome.keyingMaterial = context.exportKeyingMaterial(EXPORTER_LABEL, null,
        outcome.profile.keyingMaterialLength());
    outcome.cipherSuite = context.getSecurityParametersConnection().getCipherSuite();
  }

  static Vector<SignatureAndHashAlgorithm> acceptedSignatureAlgorithms() {
    Vector<SignatureAndHashAlgorithm> algorithms = new Vector<>();
    algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256,
        SignatureAlgorithm.ecdsa));
    algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha384,
        SignatureAlgorithm.ecdsa));
    algorithms.add(SignatureAndHashAlgorithm.rsa_pss_rsae_sha256);
    algorithms.add(SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256,
        SignatureAlgorithm.rsa));
    return algorithms;
  }

  void logAlertRaised(short level, short description, String message, Throwable cause) {
    LOG.debug("DTLS {} alert raised: {} {}", config.role(),
        AlertLevel.getText(level) + " " + AlertDescription.getText(description),
        message == null ? "" : message);
  }

  void logAlertReceived(short level, short description) {
    LOG.debug("DTLS {} alert received: {}", config.role(),
        AlertLevel.getText(level) + " " + AlertDescription.getText(description));
  }
}
