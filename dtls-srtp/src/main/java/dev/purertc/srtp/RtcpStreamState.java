package dev.purertc.srtp;

/** Per-SSRC SRTCP state of one direction: next index to send, or the receive replay window. */
final class RtcpStreamState {
  /** RFC 3711 §3.4: the SRTCP index is 31 bits. */
  static final long MAX_INDEX = 0x7FFF_FFFFL;

  final int ssrc;
  long nextIndex; // sender: RFC 3711 §3.4, zero before the first packet
  final ReplayWindow window = new ReplayWindow();

  RtcpStreamState(int ssrc) {
    this.ssrc = ssrc;
  }
}
