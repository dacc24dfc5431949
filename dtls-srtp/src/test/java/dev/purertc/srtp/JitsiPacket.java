package dev.purertc.srtp;

import java.util.Arrays;
import org.jitsi.utils.ByteArrayBuffer;

/** The packet container jitsi-srtp works on (its interface has no implementation of its own). */
final class JitsiPacket implements ByteArrayBuffer {
  private byte[] buffer;
  private int offset;
  private int length;

  JitsiPacket(byte[] data, int length) {
    this.buffer = Arrays.copyOf(data, length + 64);
    this.length = length;
  }

  byte[] bytes() {
    return Arrays.copyOfRange(buffer, offset, offset + length);
  }

  @Override
  public byte[] getBuffer() {
    return buffer;
  }

  @Override
  public int getOffset() {
    return offset;
  }

  @Override
  public int getLength() {
    return length;
  }

  @Override
  public void setLength(int length) {
    this.length = length;
  }

  @Override
  public void setOffset(int offset) {
    this.offset = offset;
  }

  @Override
  public boolean isInvalid() {
    return false;
  }

  @Override
  public void readRegionToBuff(int off, int len, byte[] out) {
    System.arraycopy(buffer, offset + off, out, 0, len);
  }

  @Override
  public void grow(int howMuch) {
    if (buffer.length - offset - length < howMuch) {
      buffer = Arrays.copyOf(buffer, offset + length + howMuch);
    }
  }

  @Override
  public void append(byte[] data, int len) {
    grow(len);
    System.arraycopy(data, 0, buffer, offset + length, len);
    length += len;
  }

  @Override
  public void shrink(int len) {
    length -= len;
  }
}
