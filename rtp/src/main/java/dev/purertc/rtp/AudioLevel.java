package dev.purertc.rtp;

/**
 * The client-to-mixer audio level of one RTP packet (RFC 6464 section 3): a voice-activity flag
 * and the level of the audio in the packet, in -dBov.
 *
 * @param voiceActivity the V bit: the sender believes the packet contains speech
 * @param levelMinusDbov level as a positive number of decibels below the overload point, 0..127;
 *     0 is the loudest (0 dBov) and 127 means -127 dBov or quieter (digital silence)
 */
public record AudioLevel(boolean voiceActivity, int levelMinusDbov) {

  /** Validates the 7-bit level. */
  public AudioLevel {
    if (levelMinusDbov < 0 || levelMinusDbov > 127) {
      throw new IllegalArgumentException("audio level " + levelMinusDbov + " is not in 0..127");
    }
  }

  /** Reads the one-byte element body: V in the top bit, level in the low seven bits. */
  public static AudioLevel fromByte(int elementByte) {
    return new AudioLevel((elementByte & 0x80) != 0, elementByte & 0x7F);
  }

  /** The one-byte element body as written on the wire (RFC 6464 section 3). */
  public int toByte() {
    return (voiceActivity ? 0x80 : 0) | levelMinusDbov;
  }
}
