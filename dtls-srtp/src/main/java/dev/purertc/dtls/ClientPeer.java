package dev.purertc.dtls;

import dev.purertc.srtp.SrtpProfile;
import java.io.IOException;
import java.util.Hashtable;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

/** The Bouncy Castle client peer: DTLS 1.2 only, use_srtp offer, fingerprint check. */
final class ClientPeer extends DefaultTlsClient {
  private final PeerSupport support;

  ClientPeer(PeerSupport support) {
    super(support.crypto);
    this.support = support;
  }

  @Override
  protected ProtocolVersion[] getSupportedVersions() {
    // Required: the default list is TLS-only and the DTLS handshake fails at once (dtls.md).
    return ProtocolVersion.DTLSv12.only();
  }

  @Override
  public Hashtable<Integer, byte[]> getClientExtensions() throws IOException {
    @SuppressWarnings("unchecked")
    Hashtable<Integer, byte[]> extensions =
        TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
    // RFC 5764 §4.1.1: offer our profiles in preference order, no MKI.
    TlsSRTPUtils.addUseSRTPExtension(extensions,
        new UseSRTPData(support.offeredProfileIds(), TlsUtils.EMPTY_BYTES));
    return extensions;
  }

  @Override
  @SuppressWarnings("rawtypes")
  public void processServerExtensions(Hashtable serverExtensions) throws IOException {
    super.processServerExtensions(serverExtensions);
    UseSRTPData chosen = TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
    if (chosen == null) {
      support.outcome.profileFailure = "the server did not accept use_srtp";
      throw new TlsFatalAlert(AlertDescription.handshake_failure, support.outcome.profileFailure);
    }
    int[] ids = chosen.getProtectionProfiles();
    SrtpProfile profile = ids.length == 1 ? support.choose(ids) : null;
    if (profile == null) {
      support.outcome.profileFailure = "the server chose SRTP profiles we did not offer";
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, support.outcome.profileFailure);
    }
    if (chosen.getMki().length != 0) {
      // RFC 5764 §4.1.3: an MKI we did not offer aborts the handshake.
      support.outcome.profileFailure = "the server sent an MKI we did not offer";
      throw new TlsFatalAlert(AlertDescription.illegal_parameter, support.outcome.profileFailure);
    }
    support.outcome.profile = profile;
  }

  @Override
  public TlsAuthentication getAuthentication() {
    return new TlsAuthentication() {
      @Override
      public void notifyServerCertificate(TlsServerCertificate serverCertificate)
          throws IOException {
        support.verifyPeerCertificate(serverCertificate.getCertificate());
      }

      @Override
      public TlsCredentials getClientCredentials(CertificateRequest request) {
        return support.signer(context);
      }
    };
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
