package dev.purertc.srtp;

import java.util.Arrays;

/**
 * One direction's SRTP master key and master salt (RFC 3711 §3.2.1), as split out of DTLS keying
 * material. The arrays are copied in and out; instances are immutable.
 *
 * @param key master key, 16 or 32 bytes
 * @param salt master salt, 14 bytes (AES-CM) or 12 bytes (AES-GCM)
 */
public record SrtpMasterKey(byte[] key, byte[] salt) {

  public SrtpMasterKey {
    if (key == null || salt == null) {
      throw new IllegalArgumentException("key and salt are required");
    }
    if (key.length != 16 && key.length != 32) {
      throw new IllegalArgumentException("master key must be 16 or 32 bytes, got " + key.length);
    }
    if (salt.length != 14 && salt.length != 12) {
      throw new IllegalArgumentException("master salt must be 14 or 12 bytes, got " + salt.length);
    }
    key = key.clone();
    salt = salt.clone();
  }

  @Override
  public byte[] key() {
    return key.clone();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  /** True if this key and salt have the lengths {@code profile} requires. */
  public boolean fits(SrtpProfile profile) {
    return key.length == profile.masterKeyLength() && salt.length == profile.masterSaltLength();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SrtpMasterKey other
        && Arrays.equals(key, other.key) && Arrays.equals(salt, other.salt);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(key) + Arrays.hashCode(salt);
  }

  /** Does not print the secret bytes. */
  @Override
  public String toString() {
    return "SrtpMasterKey[" + key.length + "-byte key, " + salt.length + "-byte salt]";
  }
}
