package dev.purertc.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceUnwrapperTest {

  @Test
  void sequenceNumbersKeepCountingAcrossWrapAroundAndLatePacketsStayBehind() {
    SequenceUnwrapper u = new SequenceUnwrapper();
    assertEquals(65534, u.unwrap(65534));
    assertEquals(65535, u.unwrap(65535));
    assertEquals(65536, u.unwrap(0));
    assertEquals(65535, u.unwrap(65535), "late packet across the wrap keeps its smaller number");
    assertEquals(65537, u.unwrap(1));
    assertEquals(65537 + 65536 + 5, next(u, 65537, 65536 + 5), "many wraps in order");
  }

  private static long next(SequenceUnwrapper u, long from, int steps) {
    long last = from;
    for (int i = 1; i <= steps; i++) {
      last = u.unwrap((int) ((from + i) & 0xFFFF));
    }
    return last;
  }

  @Test
  void timestampsKeepCountingAcrossTheir32BitWrap() {
    SequenceUnwrapper u = new SequenceUnwrapper();
    assertEquals(0xFFFF_FC40L, u.unwrapTimestamp(0xFFFF_FC40L));
    assertEquals(0x1_0000_0000L, u.unwrapTimestamp(0));
    assertEquals(0xFFFF_FC40L, u.unwrapTimestamp(0xFFFF_FC40L));
    assertEquals(0x1_0000_03C0L, u.unwrapTimestamp(960));
  }
}
