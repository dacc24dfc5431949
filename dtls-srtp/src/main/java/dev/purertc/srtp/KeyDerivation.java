package dev.purertc.srtp;

/**
 * The SRTP key derivation of RFC 3711 §4.3 with key_derivation_rate 0 (the only rate DTLS-SRTP
 * uses, RFC 5764 §4.1.2), for both AES-CM and AES-GCM profiles (RFC 7714 §11).
 */
final class KeyDerivation {
  static final int LABEL_RTP_ENCRYPTION = 0x00;
  static final int LABEL_RTP_AUTHENTICATION = 0x01;
  static final int LABEL_RTP_SALT = 0x02;
  static final int LABEL_RTCP_ENCRYPTION = 0x03;
  static final int LABEL_RTCP_AUTHENTICATION = 0x04;
  static final int LABEL_RTCP_SALT = 0x05;

  private final AesCounterMode prf;
  private final byte[] salt14 = new byte[14];

  KeyDerivation(SrtpMasterKey master) {
    byte[] key = master.key();
    byte[] salt = master.salt();
    this.prf = new AesCounterMode(key);
    // RFC 7714 §11: the 96-bit GCM master salt is used as the leftmost bits of the 112-bit
    // value RFC 3711 §4.3.1 XORs with key_id; the remaining 16 bits are zero.
    System.arraycopy(salt, 0, salt14, 0, salt.length);
  }

  /**
   * RFC 3711 §4.3.1: x = key_id XOR master_salt, key_id = label || r with r = 0 (48 bits), both
   * right-aligned in 112 bits; the session key is the AES-CM keystream from IV = x * 2^16.
   */
  byte[] derive(int label, int length) {
    byte[] iv = new byte[16];
    System.arraycopy(salt14, 0, iv, 0, 14);
    iv[7] ^= (byte) label; // label is byte 7 of 14: followed by the 6 bytes of r
    byte[] out = new byte[length];
    prf.keystream(iv, out, length);
    return out;
  }
}
