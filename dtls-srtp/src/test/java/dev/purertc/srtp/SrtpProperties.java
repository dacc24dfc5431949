package dev.purertc.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SrtpProperties {

  /** Arbitrary bytes never escape as anything but SrtpException, and never change state. */
  @Property(tries = 300, seed = "42")
  void arbitraryInputIsRefusedOnlyWithSrtpException(@ForAll SrtpProfile profile,
      @ForAll @Size(max = 200) byte[] garbage, @ForAll boolean rtcp) throws SrtpException {
    Random random = new Random(1);
    SrtpMasterKey key = JitsiSrtpCrossCheckTest.randomKey(profile, random);
    SrtpReceiver receiver = new SrtpReceiver(profile, key);
    byte[] copy = garbage.clone();
    try {
      if (rtcp) {
        receiver.unprotectRtcp(copy, 0, copy.length);
      } else {
        receiver.unprotectRtp(copy, 0, copy.length);
      }
      throw new AssertionError("random bytes authenticated");
    } catch (SrtpException expected) {
      // the only way out
    }
    // a genuine packet is still accepted afterwards
    SrtpSender sender = new SrtpSender(profile, key);
    byte[] plain = JitsiSrtpCrossCheckTest.rtpPacket(random, 5, 0, false);
    byte[] buf = Arrays.copyOf(plain, plain.length + profile.rtpTagLength());
    int length = sender.protectRtp(buf, 0, plain.length);
    assertEquals(plain.length, receiver.unprotectRtp(buf, 0, length));
  }

  @Property(tries = 200, seed = "43")
  void protectThenUnprotectRestoresThePacket(@ForAll SrtpProfile profile,
      @ForAll @IntRange(min = 0, max = 65535) int seq,
      @ForAll @IntRange(min = 0, max = 1200) int payloadBytes, @ForAll long seed)
      throws SrtpException {
    Random random = new Random(seed);
    SrtpMasterKey key = JitsiSrtpCrossCheckTest.randomKey(profile, random);
    byte[] plain = new byte[12 + payloadBytes];
    random.nextBytes(plain);
    plain[0] = (byte) 0x80;
    plain[2] = (byte) (seq >>> 8);
    plain[3] = (byte) seq;
    byte[] buf = Arrays.copyOf(plain, plain.length + profile.rtpTagLength());
    int length = new SrtpSender(profile, key).protectRtp(buf, 0, plain.length);
    assertEquals(plain.length + profile.rtpTagLength(), length);
    int plainLength = new SrtpReceiver(profile, key).unprotectRtp(buf, 0, length);
    assertArrayEquals(plain, Arrays.copyOf(buf, plainLength));
  }
}
