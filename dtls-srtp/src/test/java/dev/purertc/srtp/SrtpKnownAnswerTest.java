package dev.purertc.srtp;

import static dev.purertc.srtp.KnownAnswers.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SrtpKnownAnswerTest {
  private final KnownAnswers rfc3711 = new KnownAnswers("rfc3711-appendix-b.txt");
  private final KnownAnswers rfc7714 = new KnownAnswers("rfc7714-aes-gcm.txt");

  @Test
  void aesCounterModeKeystreamMatchesRfc3711AppendixB2() {
    AesCounterMode cm = new AesCounterMode(rfc3711.get("b2.session_key"));
    byte[] stream = new byte[48];
    cm.keystream(rfc3711.get("b2.iv"), stream, 48);
    assertEquals(hex(rfc3711.get("b2.keystream_block_0")), hex(stream, 0, 16));
    assertEquals(hex(rfc3711.get("b2.keystream_block_1")), hex(stream, 16, 16));
    assertEquals(hex(rfc3711.get("b2.keystream_block_2")), hex(stream, 32, 16));
  }

  @Test
  void aesCounterModeKeystreamIsTheSameWhenSplitAcrossChunks() throws Exception {
    AesCounterMode cm = new AesCounterMode(rfc3711.get("b2.session_key"));
    byte[] big = new byte[16 * 200 + 5]; // longer than one internal chunk of 96 blocks
    cm.keystream(rfc3711.get("b2.iv"), big, big.length);
    assertEquals(hex(rfc3711.get("b2.keystream_block_0")), hex(big, 0, 16));
    // block 150 (in the second internal chunk) is AES_k(IV + 150), computed here directly
    byte[] counter = rfc3711.get("b2.iv");
    counter[15] = (byte) 150;
    javax.crypto.Cipher aes = javax.crypto.Cipher.getInstance("AES/ECB/NoPadding");
    aes.init(javax.crypto.Cipher.ENCRYPT_MODE,
        new javax.crypto.spec.SecretKeySpec(rfc3711.get("b2.session_key"), "AES"));
    assertEquals(hex(aes.doFinal(counter)), hex(big, 150 * 16, 16));
  }

  @Test
  void keyDerivationMatchesRfc3711AppendixB3() {
    SrtpMasterKey master = new SrtpMasterKey(rfc3711.get("b3.master_key"),
        rfc3711.get("b3.master_salt"));
    KeyDerivation kdf = new KeyDerivation(master);
    assertEquals(hex(rfc3711.get("b3.cipher_key")),
        hex(kdf.derive(KeyDerivation.LABEL_RTP_ENCRYPTION, 16)));
    assertEquals(hex(rfc3711.get("b3.cipher_salt")),
        hex(kdf.derive(KeyDerivation.LABEL_RTP_SALT, 14)));
    assertEquals(hex(rfc3711.get("b3.auth_key_first_20_bytes")),
        hex(kdf.derive(KeyDerivation.LABEL_RTP_AUTHENTICATION, 20)));
  }

  @Test
  void aeadAes128GcmSrtpMatchesRfc7714Section1611() throws SrtpException {
    checkSrtp(SrtpProfile.AEAD_AES_128_GCM, "key_128", "srtp_128");
  }

  @Test
  void aeadAes256GcmSrtpMatchesRfc7714Section1621() throws SrtpException {
    checkSrtp(SrtpProfile.AEAD_AES_256_GCM, "key_256", "srtp_256");
  }

  @Test
  void aeadAes128GcmSrtcpMatchesRfc7714Section171() throws SrtpException {
    checkSrtcp(SrtpProfile.AEAD_AES_128_GCM, "key_128", "srtcp_128");
  }

  @Test
  void aeadAes256GcmSrtcpMatchesRfc7714Section172() throws SrtpException {
    checkSrtcp(SrtpProfile.AEAD_AES_256_GCM, "key_256", "srtcp_256");
  }

  @Test
  void authenticatedOnlySrtcpIsAcceptedPerRfc7714Section173() throws SrtpException {
    byte[] packet = rfc7714.get("srtcp_128_authentication_only");
    int length = receiver(SrtpProfile.AEAD_AES_128_GCM, "key_128")
        .unprotectRtcp(packet, 0, packet.length);
    assertEquals(hex(rfc7714.get("rtcp_plain")), hex(packet, 0, length));
  }

  private void checkSrtp(SrtpProfile profile, String key, String expected) throws SrtpException {
    byte[] plain = rfc7714.get("rtp_plain");
    byte[] buffer = Arrays.copyOf(plain, plain.length + 16);
    int length = sender(profile, key).protectRtp(buffer, 0, plain.length);
    assertEquals(hex(rfc7714.get(expected)), hex(buffer, 0, length));

    byte[] packet = rfc7714.get(expected);
    int plainLength = receiver(profile, key).unprotectRtp(packet, 0, packet.length);
    assertEquals(hex(plain), hex(packet, 0, plainLength));
  }

  private void checkSrtcp(SrtpProfile profile, String key, String expected)
      throws SrtpException {
    byte[] packet = rfc7714.get(expected);
    int plainLength = receiver(profile, key).unprotectRtcp(packet, 0, packet.length);
    assertEquals(hex(rfc7714.get("rtcp_plain")), hex(packet, 0, plainLength));

    // A sender starts at SRTCP index 0 (RFC 3711 §3.4): send up to the vector's index first.
    int index = PacketCrypto.getInt(rfc7714.get("rtcp_index"), 0);
    SrtpSender sender = sender(profile, key);
    byte[] plain = rfc7714.get("rtcp_plain");
    byte[] buffer = new byte[plain.length + 20];
    for (int i = 0; i < index; i++) {
      System.arraycopy(plain, 0, buffer, 0, plain.length);
      sender.protectRtcp(buffer, 0, plain.length);
    }
    System.arraycopy(plain, 0, buffer, 0, plain.length);
    int length = sender.protectRtcp(buffer, 0, plain.length);
    assertArrayEquals(rfc7714.get(expected), Arrays.copyOf(buffer, length));
  }

  private SrtpSender sender(SrtpProfile profile, String key) {
    return new SrtpSender(sessionCrypto(profile, key), sessionCrypto(profile, key));
  }

  private SrtpReceiver receiver(SrtpProfile profile, String key) {
    return new SrtpReceiver(sessionCrypto(profile, key), sessionCrypto(profile, key));
  }

  private PacketCrypto sessionCrypto(SrtpProfile profile, String key) {
    return new PacketCrypto(profile, rfc7714.get(key), rfc7714.get("salt"), null);
  }
}
