package dev.purertc.srtp;

/**
 * Per-SSRC SRTP state of one direction: the rollover counter, the highest sequence number, and
 * the replay window (RFC 3711 §3.3.1). Not thread-safe.
 */
final class RtpStreamState {
  final int ssrc;
  private boolean started;
  private int roc;
  private int highestSeq;
  final ReplayWindow window = new ReplayWindow();

  RtpStreamState(int ssrc) {
    this.ssrc = ssrc;
  }

  /**
   * RFC 3711 Appendix A: the packet index (ROC * 2^16 + SEQ) this sequence number most likely
   * belongs to. Returns -1 if it would lie before index 0 (a packet from before the stream
   * started, which is never fresh).
   */
  long estimateIndex(int seq) {
    if (!started) {
      return seq; // RFC 3711 §3.3.1: the receiver's ROC starts at 0
    }
    long v;
    if (highestSeq < 32768) {
      v = seq - highestSeq > 32768 ? roc - 1L : roc;
    } else {
      v = highestSeq - 32768 > seq ? roc + 1L : roc;
    }
    if (v < 0) {
      return -1;
    }
    return (v << 16) | seq;
  }

  /** Updates ROC and highest sequence number once the packet with this index authenticated. */
  void update(long index) {
    int v = (int) (index >>> 16);
    int seq = (int) (index & 0xFFFF);
    if (!started) {
      started = true;
      roc = v;
      highestSeq = seq;
    } else if (v > roc || (v == roc && seq > highestSeq)) {
      roc = v;
      highestSeq = seq;
    }
    window.accept(index);
  }
}
