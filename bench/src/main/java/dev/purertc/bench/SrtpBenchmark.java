package dev.purertc.bench;

import dev.purertc.srtp.SrtpException;
import dev.purertc.srtp.SrtpMasterKey;
import dev.purertc.srtp.SrtpProfile;
import dev.purertc.srtp.SrtpReceiver;
import dev.purertc.srtp.SrtpSender;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * SRTP protect and unprotect of one RTP packet with a 160-byte payload (a 20 ms Opus frame at
 * 64 kb/s) per profile. Every invocation uses the next sequence number, as a real stream does
 * (the sender refuses to reuse an index). {@code unprotect} replays 65,536 pre-protected
 * packets and starts a fresh receiver after each pass (amortised: under 1 ns and 1 byte per
 * packet). Run with {@code -prof gc} for bytes allocated per packet:
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar SrtpBenchmark -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SrtpBenchmark {
  private static final int PAYLOAD_BYTES = 160;
  private static final int HEADER_BYTES = 12;
  private static final int PACKETS = 1 << 16;

  @Param({"AES128_CM_HMAC_SHA1_80", "AES128_CM_HMAC_SHA1_32", "AEAD_AES_128_GCM",
      "AEAD_AES_256_GCM"})
  public SrtpProfile profile;

  private SrtpMasterKey key;
  private SrtpSender sender;
  private SrtpSender pairedSender;
  private SrtpReceiver pairedReceiver;
  private SrtpReceiver receiver;
  private byte[] plain;
  private final byte[] buffer = new byte[HEADER_BYTES + PAYLOAD_BYTES + 16];
  private byte[][] protectedPackets;
  private int[] protectedLengths;
  private int seq;
  private int pairedSeq;
  private int next;

  @Setup
  public void setUp() throws SrtpException {
    Random random = new Random(1);
    byte[] masterKey = new byte[profile.masterKeyLength()];
    byte[] masterSalt = new byte[profile.masterSaltLength()];
    random.nextBytes(masterKey);
    random.nextBytes(masterSalt);
    key = new SrtpMasterKey(masterKey, masterSalt);
    sender = new SrtpSender(profile, key);
    pairedSender = new SrtpSender(profile, key);
    pairedReceiver = new SrtpReceiver(profile, key);
    receiver = new SrtpReceiver(profile, key);
    plain = new byte[HEADER_BYTES + PAYLOAD_BYTES];
    random.nextBytes(plain);
    plain[0] = (byte) 0x80;
    plain[1] = 111;
    SrtpSender preparer = new SrtpSender(profile, key);
    protectedPackets = new byte[PACKETS][];
    protectedLengths = new int[PACKETS];
    for (int i = 0; i < PACKETS; i++) {
      byte[] p = new byte[buffer.length];
      System.arraycopy(plain, 0, p, 0, plain.length);
      p[2] = (byte) (i >>> 8);
      p[3] = (byte) i;
      protectedLengths[i] = preparer.protectRtp(p, 0, plain.length);
      protectedPackets[i] = p;
    }
  }

  /** Protect one packet (includes copying the 172-byte plain packet into the buffer). */
  @Benchmark
  public int protect() throws SrtpException {
    System.arraycopy(plain, 0, buffer, 0, plain.length);
    buffer[2] = (byte) (seq >>> 8);
    buffer[3] = (byte) seq;
    seq = (seq + 1) & 0xFFFF;
    return sender.protectRtp(buffer, 0, plain.length);
  }

  /** Unprotect one packet (includes copying the protected packet into the buffer). */
  @Benchmark
  public int unprotect() throws SrtpException {
    if (next == PACKETS) {
      next = 0;
      receiver = new SrtpReceiver(profile, key);
    }
    int length = protectedLengths[next];
    System.arraycopy(protectedPackets[next], 0, buffer, 0, length);
    next++;
    return receiver.unprotectRtp(buffer, 0, length);
  }

  /** Protect then unprotect the same packet: the per-packet cost of both ends. */
  @Benchmark
  public int protectThenUnprotect() throws SrtpException {
    System.arraycopy(plain, 0, buffer, 0, plain.length);
    buffer[2] = (byte) (pairedSeq >>> 8);
    buffer[3] = (byte) pairedSeq;
    pairedSeq = (pairedSeq + 1) & 0xFFFF;
    int length = pairedSender.protectRtp(buffer, 0, plain.length);
    return pairedReceiver.unprotectRtp(buffer, 0, length);
  }
}
