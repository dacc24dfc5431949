package dev.purertc.srtp;

import static dev.purertc.srtp.KnownAnswers.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SrtpReceiverTest {

  private static final class Pair {
    final SrtpProfile profile;
    final SrtpSender sender;
    final SrtpReceiver receiver;
    final Random random;

    Pair(SrtpProfile profile, long seed) {
      this.profile = profile;
      this.random = new Random(seed);
      SrtpMasterKey key = JitsiSrtpCrossCheckTest.randomKey(profile, random);
      this.sender = new SrtpSender(profile, key);
      this.receiver = new SrtpReceiver(profile, key);
    }

    byte[] protectRtp(int seq) throws SrtpException {
      byte[] plain = JitsiSrtpCrossCheckTest.rtpPacket(random, seq, seq * 960, false);
      byte[] buf = Arrays.copyOf(plain, plain.length + profile.rtpTagLength());
      return Arrays.copyOf(buf, sender.protectRtp(buf, 0, plain.length));
    }

    byte[] protectRtcp() throws SrtpException {
      byte[] plain = JitsiSrtpCrossCheckTest.rtcpPacket(random);
      byte[] buf = Arrays.copyOf(plain, plain.length + 4 + profile.rtcpTagLength());
      return Arrays.copyOf(buf, sender.protectRtcp(buf, 0, plain.length));
    }

    void accept(byte[] srtp) throws SrtpException {
      byte[] copy = srtp.clone();
      receiver.unprotectRtp(copy, 0, copy.length);
    }

    SrtpException.Reason refused(byte[] srtp) {
      byte[] copy = srtp.clone();
      return assertThrows(SrtpException.class, () -> receiver.unprotectRtp(copy, 0, copy.length))
          .reason();
    }

    SrtpException.Reason refusedRtcp(byte[] srtcp) {
      byte[] copy = srtcp.clone();
      return assertThrows(SrtpException.class,
          () -> receiver.unprotectRtcp(copy, 0, copy.length)).reason();
    }
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aReplayedPacketIsRejectedAndCounted(SrtpProfile profile) throws SrtpException {
    Pair p = new Pair(profile, 1);
    byte[] packet = p.protectRtp(100);
    p.accept(packet);
    assertEquals(SrtpException.Reason.REPLAYED, p.refused(packet));
    assertEquals(1, p.receiver.replayedPackets());
    assertEquals(0, p.receiver.authenticationFailures());
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void everySingleFlippedBitIsRejectedAndCounted(SrtpProfile profile) throws SrtpException {
    Pair p = new Pair(profile, 2);
    byte[] packet = p.protectRtp(7);
    int refused = 0;
    for (int bit = 0; bit < packet.length * 8; bit++) {
      byte[] damaged = packet.clone();
      damaged[bit / 8] ^= (byte) (1 << (bit % 8));
      byte[] copy = damaged.clone();
      try {
        p.receiver.unprotectRtp(copy, 0, copy.length);
      } catch (SrtpException e) {
        refused++;
      }
    }
    assertEquals(packet.length * 8, refused, "every damaged copy refused");
    // Most are tag failures; flipping version bits or the X/CC bits makes it malformed.
    assertEquals(packet.length * 8, p.receiver.authenticationFailures()
        + p.receiver.malformedPackets() + p.receiver.replayedPackets());
    p.accept(packet); // the intact packet is still accepted: refusals changed no state
  }

  @ParameterizedTest
  @EnumSource(SrtpProfile.class)
  void aFlippedBitInSrtcpIsRejectedAndCounted(SrtpProfile profile) throws SrtpException {
    Pair p = new Pair(profile, 3);
    byte[] packet = p.protectRtcp();
    byte[] damaged = packet.clone();
    damaged[20] ^= 0x01;
    assertEquals(SrtpException.Reason.AUTHENTICATION_FAILED, p.refusedRtcp(damaged));
    assertEquals(1, p.receiver.authenticationFailures());
    byte[] ok = packet.clone();
    p.receiver.unprotectRtcp(ok, 0, ok.length);
    assertEquals(SrtpException.Reason.REPLAYED, p.refusedRtcp(packet));
    assertEquals(1, p.receiver.replayedPackets());
  }

  @ParameterizedTest
  @EnumSource(value = SrtpProfile.class, names = {"AES128_CM_HMAC_SHA1_80",
      "AES128_CM_HMAC_SHA1_32"})
  void unencryptedSrtcpWithTheEFlagClearIsAuthenticatedAndPassedThrough(SrtpProfile profile)
      throws SrtpException {
    // RFC 3711 §3.4: E = 0 means the body is sent in clear but still authenticated.
    Random random = new Random(8);
    SrtpMasterKey key = JitsiSrtpCrossCheckTest.randomKey(profile, random);
    byte[] plain = JitsiSrtpCrossCheckTest.rtcpPacket(random);
    int tagLength = profile.rtcpTagLength();
    byte[] packet = Arrays.copyOf(plain, plain.length + 4 + tagLength);
    PacketCrypto.putInt(packet, plain.length, 17); // E = 0, index 17
    PacketCrypto.derive(profile, key, true).writeTag(packet, 0, plain.length + 4, false, 0,
        tagLength, packet, plain.length + 4);
    SrtpReceiver receiver = new SrtpReceiver(profile, key);
    byte[] copy = packet.clone();
    assertEquals(plain.length, receiver.unprotectRtcp(copy, 0, copy.length));
    assertEquals(hex(plain), hex(copy, 0, plain.length));
    copy = packet.clone();
    copy[10] ^= 0x40; // a clear body is still covered by the tag
    byte[] damaged = copy;
    SrtpReceiver fresh = new SrtpReceiver(profile, key); // index 17 is not a replay here
    assertEquals(SrtpException.Reason.AUTHENTICATION_FAILED, assertThrows(SrtpException.class,
        () -> fresh.unprotectRtcp(damaged, 0, damaged.length)).reason());
  }

  @Test
  void reorderedPacketsInsideTheWindowAreAcceptedOnce() throws SrtpException {
    Pair p = new Pair(SrtpProfile.AES128_CM_HMAC_SHA1_80, 4);
    byte[][] packets = new byte[100][];
    for (int i = 0; i < packets.length; i++) {
      packets[i] = p.protectRtp(1000 + i);
    }
    p.accept(packets[99]);
    for (int i = 98; i >= 99 - 63; i--) {
      p.accept(packets[i]); // 63 older ones: inside the 64-packet window
    }
    assertEquals(SrtpException.Reason.REPLAYED, p.refused(packets[99 - 64])); // too old
    assertEquals(SrtpException.Reason.REPLAYED, p.refused(packets[50]));
    assertEquals(2, p.receiver.replayedPackets());
  }

  @Test
  void theRolloverCounterFollowsAWrapWithReorderingAndLoss() throws SrtpException {
    Pair p = new Pair(SrtpProfile.AEAD_AES_128_GCM, 5);
    // 65530..65535, then 0..5 of the next cycle, delivered with a wrap-straddling swap and
    // a lost packet.
    byte[][] packets = new byte[12][];
    for (int i = 0; i < packets.length; i++) {
      packets[i] = p.protectRtp((65_530 + i) & 0xFFFF);
    }
    int[] order = {0, 1, 2, 3, 4, 6, 5, 7, 9, 10, 11};
    for (int i : order) {
      p.accept(packets[i]);
    }
    assertEquals(0, p.receiver.authenticationFailures());
  }

  @Test
  void senderRefusesToProtectTheSameIndexTwice() throws SrtpException {
    Pair p = new Pair(SrtpProfile.AEAD_AES_256_GCM, 6);
    p.protectRtp(42);
    byte[] again = JitsiSrtpCrossCheckTest.rtpPacket(p.random, 42, 0, false);
    byte[] buf = Arrays.copyOf(again, again.length + 16);
    SrtpException e = assertThrows(SrtpException.class,
        () -> p.sender.protectRtp(buf, 0, again.length));
    assertEquals(SrtpException.Reason.REPLAYED, e.reason());
  }

  @Test
  void protectNeedsRoomForTheTag() {
    Pair p = new Pair(SrtpProfile.AES128_CM_HMAC_SHA1_80, 7);
    byte[] plain = JitsiSrtpCrossCheckTest.rtpPacket(p.random, 1, 0, false);
    SrtpException e = assertThrows(SrtpException.class,
        () -> p.sender.protectRtp(plain, 0, plain.length));
    assertEquals(SrtpException.Reason.NO_ROOM_FOR_TAG, e.reason());
  }

  @Test
  void keyingMaterialSplitsPerRfc5764Section42() {
    byte[] exported = new byte[60];
    for (int i = 0; i < exported.length; i++) {
      exported[i] = (byte) i;
    }
    SrtpKeyingMaterial m = SrtpKeyingMaterial.split(SrtpProfile.AES128_CM_HMAC_SHA1_80, exported);
    assertEquals(hex(Arrays.copyOfRange(exported, 0, 16)), hex(m.client().key()));
    assertEquals(hex(Arrays.copyOfRange(exported, 16, 32)), hex(m.server().key()));
    assertEquals(hex(Arrays.copyOfRange(exported, 32, 46)), hex(m.client().salt()));
    assertEquals(hex(Arrays.copyOfRange(exported, 46, 60)), hex(m.server().salt()));
    assertEquals(m.client(), m.localKey(true));
    assertEquals(m.server(), m.remoteKey(true));
    assertThrows(IllegalArgumentException.class,
        () -> SrtpKeyingMaterial.split(SrtpProfile.AEAD_AES_128_GCM, exported));
  }
}
