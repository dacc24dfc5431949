package dev.purertc.dtls;

/**
 * The DTLS layer's one parse exception: an {@code a=fingerprint} value (RFC 8122 §5) that is not
 * "hash-func SP hex:hex:...". {@link #position()} is the character index where parsing failed.
 */
public final class DtlsFingerprintFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int position;

  DtlsFingerprintFormatException(int position, String message) {
    super("fingerprint, character " + position + ": " + message);
    this.position = position;
  }

  /** Character index in the parsed string where the problem is. */
  public int position() {
    return position;
  }
}
