package dev.purertc.srtp;

import static dev.purertc.srtp.KnownAnswers.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.logging.Level;
import org.jitsi.srtp.SrtcpCryptoContext;
import org.jitsi.srtp.SrtpContextFactory;
import org.jitsi.srtp.SrtpCryptoContext;
import org.jitsi.srtp.SrtpErrorStatus;
import org.jitsi.srtp.SrtpPolicy;
import org.jitsi.srtp.crypto.Aes;
import org.jitsi.srtp.crypto.JitsiOpenSslProvider;
import org.jitsi.utils.logging2.LoggerImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Cross-check with jitsi-srtp, an independent SRTP implementation (test scope only; run from a
 * copy without its native libraries, see the pom): for every profile, RTP across a
 * sequence-number rollover and RTCP, what PureRTC protects jitsi-srtp unprotects and the
 * reverse, and both protect to the same bytes.
 */
class JitsiSrtpCrossCheckTest {
  private static final int SSRC = 0x1234_5678;

  @BeforeAll
  static void pureJavaJitsi() {
    Aes.setFactoryClassName("SunJCE"); // skips its start-up cipher benchmark
  }

  @Test
  void jitsiRunsWithoutNativeCode() throws Exception {
    assertFalse(JitsiOpenSslProvider.isLoaded(), "jitsi-srtp loaded its OpenSSL binding");
    Path maps = Path.of("/proc/self/maps");
    if (Files.isReadable(maps)) {
      String mapped = Files.readString(maps);
      assertFalse(mapped.contains("jitsisrtp"), "libjitsisrtp is mapped");
      assertFalse(mapped.contains("libcrypto"), "libcrypto is mapped");
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtpAgreesBothWaysAcrossARollover(SrtpProfile profile) throws Exception {
    Random random = new Random(profile.ordinal() + 11);
    SrtpMasterKey master = randomKey(profile, random);
    SrtpSender ourSender = new SrtpSender(profile, master);
    SrtpReceiver ourReceiver = new SrtpReceiver(profile, master);
    SrtpCryptoContext jitsiSender = factory(profile, master, true).deriveContext(SSRC, 0);
    SrtpCryptoContext jitsiReceiver = factory(profile, master, false).deriveContext(SSRC, 0);

    for (int i = 0; i < 24; i++) {
      int seq = (65_524 + i) & 0xFFFF; // ROC goes from 0 to 1 after 12 packets
      byte[] plain = rtpPacket(random, seq, 960 * i, i == 3);

      byte[] ours = Arrays.copyOf(plain, plain.length + profile.rtpTagLength());
      int protectedLength = ourSender.protectRtp(ours, 0, plain.length);
      JitsiPacket theirs = new JitsiPacket(plain, plain.length);
      assertEquals(SrtpErrorStatus.OK, jitsiSender.transformPacket(theirs));
      assertEquals(hex(theirs.bytes()), hex(ours, 0, protectedLength), "protect seq " + seq);

      JitsiPacket forJitsi = new JitsiPacket(ours, protectedLength);
      assertEquals(SrtpErrorStatus.OK, jitsiReceiver.reverseTransformPacket(forJitsi, false));
      assertEquals(hex(plain), hex(forJitsi.bytes()), "jitsi unprotects ours, seq " + seq);

      byte[] fromJitsi = theirs.bytes();
      int plainLength = ourReceiver.unprotectRtp(fromJitsi, 0, fromJitsi.length);
      assertEquals(hex(plain), hex(fromJitsi, 0, plainLength), "we unprotect jitsi's, " + seq);
    }
    assertEquals(0, ourReceiver.authenticationFailures());
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void rtcpAgreesBothWays(SrtpProfile profile) throws Exception {
    Random random = new Random(profile.ordinal() + 23);
    SrtpMasterKey master = randomKey(profile, random);
    SrtpSender ourSender = new SrtpSender(profile, master);
    SrtpReceiver ourReceiver = new SrtpReceiver(profile, master);
    SrtcpCryptoContext jitsiSender = factory(profile, master, true).deriveControlContext(SSRC);
    SrtcpCryptoContext jitsiReceiver = factory(profile, master, false).deriveControlContext(SSRC);

    for (int i = 0; i < 8; i++) {
      byte[] plain = rtcpPacket(random);
      byte[] ours = Arrays.copyOf(plain, plain.length + 4 + profile.rtcpTagLength());
      int protectedLength = ourSender.protectRtcp(ours, 0, plain.length);

      JitsiPacket forJitsi = new JitsiPacket(ours, protectedLength);
      assertEquals(SrtpErrorStatus.OK, jitsiReceiver.reverseTransformPacket(forJitsi));
      assertEquals(hex(plain), hex(forJitsi.bytes()), "jitsi unprotects our RTCP " + i);

      JitsiPacket theirs = new JitsiPacket(plain, plain.length);
      assertEquals(SrtpErrorStatus.OK, jitsiSender.transformPacket(theirs));
      byte[] fromJitsi = theirs.bytes();
      int plainLength = ourReceiver.unprotectRtcp(fromJitsi, 0, fromJitsi.length);
      assertEquals(hex(plain), hex(fromJitsi, 0, plainLength), "we unprotect jitsi's RTCP " + i);
    }
  }

  static SrtpMasterKey randomKey(SrtpProfile profile, Random random) {
    byte[] key = new byte[profile.masterKeyLength()];
    byte[] salt = new byte[profile.masterSaltLength()];
    random.nextBytes(key);
    random.nextBytes(salt);
    return new SrtpMasterKey(key, salt);
  }

  /** An RTP packet with a 160-byte payload; optionally with 2 CSRCs and a header extension. */
  static byte[] rtpPacket(Random random, int seq, int timestamp, boolean csrcAndExtension) {
    int csrcs = csrcAndExtension ? 2 : 0;
    int extension = csrcAndExtension ? 4 + 8 : 0;
    byte[] p = new byte[12 + 4 * csrcs + extension + 160];
    random.nextBytes(p);
    p[0] = (byte) (0x80 | (csrcAndExtension ? 0x10 : 0) | csrcs);
    p[1] = 111;
    p[2] = (byte) (seq >>> 8);
    p[3] = (byte) seq;
    PacketCrypto.putInt(p, 4, timestamp);
    PacketCrypto.putInt(p, 8, SSRC);
    if (csrcAndExtension) {
      int at = 12 + 4 * csrcs;
      p[at] = (byte) 0xBE;
      p[at + 1] = (byte) 0xDE;
      p[at + 2] = 0;
      p[at + 3] = 2; // two 32-bit words follow
    }
    return p;
  }

  /** A sender report with one report block (RFC 3550 §6.4.1). */
  static byte[] rtcpPacket(Random random) {
    byte[] p = new byte[52];
    random.nextBytes(p);
    p[0] = (byte) 0x81;
    p[1] = (byte) 200;
    p[2] = 0;
    p[3] = 12;
    PacketCrypto.putInt(p, 4, SSRC);
    return p;
  }

  private static SrtpContextFactory factory(SrtpProfile profile, SrtpMasterKey master,
      boolean sender) {
    SrtpPolicy rtp = policy(profile, profile.rtpTagLength());
    SrtpPolicy rtcp = policy(profile, profile.rtcpTagLength());
    return new SrtpContextFactory(sender, master.key(), master.salt(), rtp, rtcp,
        new LoggerImpl("jitsi-srtp-oracle", Level.WARNING));
  }

  private static SrtpPolicy policy(SrtpProfile profile, int tagLength) {
    if (profile.aead()) {
      return new SrtpPolicy(SrtpPolicy.AESGCM_ENCRYPTION, profile.masterKeyLength(),
          SrtpPolicy.NULL_AUTHENTICATION, 0, tagLength, profile.masterSaltLength());
    }
    return new SrtpPolicy(SrtpPolicy.AESCM_ENCRYPTION, profile.masterKeyLength(),
        SrtpPolicy.HMACSHA1_AUTHENTICATION, 20, tagLength, profile.masterSaltLength());
  }
}
