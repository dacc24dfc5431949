package dev.purertc.srtp;

import java.util.Arrays;

/**
 * The SRTP keys a DTLS-SRTP handshake produced: the negotiated profile and the client's and
 * server's master keys, split from the exported {@code EXTRACTOR-dtls_srtp} bytes.
 *
 * @param profile the negotiated protection profile
 * @param client master key and salt that the DTLS client protects with (and the server
 *     unprotects with)
 * @param server master key and salt that the DTLS server protects with
 */
public record SrtpKeyingMaterial(SrtpProfile profile, SrtpMasterKey client, SrtpMasterKey server) {

  public SrtpKeyingMaterial {
    if (profile == null || client == null || server == null) {
      throw new IllegalArgumentException("profile, client and server keys are required");
    }
    if (!client.fits(profile) || !server.fits(profile)) {
      throw new IllegalArgumentException("key or salt length does not fit " + profile);
    }
  }

  /**
   * Splits exported keying material per RFC 5764 §4.2: client_write_SRTP_master_key |
   * server_write_SRTP_master_key | client_write_SRTP_master_salt | server_write_SRTP_master_salt.
   *
   * @param exported exactly {@link SrtpProfile#keyingMaterialLength()} bytes; not retained
   */
  public static SrtpKeyingMaterial split(SrtpProfile profile, byte[] exported) {
    int k = profile.masterKeyLength();
    int s = profile.masterSaltLength();
    if (exported.length != profile.keyingMaterialLength()) {
      throw new IllegalArgumentException(profile + " needs " + profile.keyingMaterialLength()
          + " bytes of keying material, got " + exported.length);
    }
    SrtpMasterKey client = new SrtpMasterKey(Arrays.copyOfRange(exported, 0, k),
        Arrays.copyOfRange(exported, 2 * k, 2 * k + s));
    SrtpMasterKey server = new SrtpMasterKey(Arrays.copyOfRange(exported, k, 2 * k),
        Arrays.copyOfRange(exported, 2 * k + s, 2 * k + 2 * s));
    return new SrtpKeyingMaterial(profile, client, server);
  }

  /** The master key this endpoint protects outgoing packets with. */
  public SrtpMasterKey localKey(boolean dtlsClient) {
    return dtlsClient ? client : server;
  }

  /** The master key this endpoint unprotects incoming packets with. */
  public SrtpMasterKey remoteKey(boolean dtlsClient) {
    return dtlsClient ? server : client;
  }

  /** A sender for this endpoint's outgoing SRTP/SRTCP. */
  public SrtpSender newSender(boolean dtlsClient) {
    return new SrtpSender(profile, localKey(dtlsClient));
  }

  /** A receiver for the peer's incoming SRTP/SRTCP. */
  public SrtpReceiver newReceiver(boolean dtlsClient) {
    return new SrtpReceiver(profile, remoteKey(dtlsClient));
  }
}
