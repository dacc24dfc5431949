package dev.purertc.ice.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StunTransactionsTest {
  private static final long MS = 1_000_000L;

  @Test
  void silentServerGetsRcSendsAtTheRfc8489TimesAndFailsAt39500Millis() {
    StunTransactions<String> t = new StunTransactions<>();
    List<Long> sends = new ArrayList<>(List.of(0L));
    long[] failedAt = {-1};
    t.start(new TransactionId(1, 2), "req", 0);
    long now = 0;
    while (t.size() > 0) {
      now = t.nextDeadlineNanos();
      long at = now;
      t.poll(now, new StunTransactions.Listener<>() {
        public void retransmit(String c) {
          sends.add(at / MS);
        }

        public void timedOut(String c) {
          failedAt[0] = at / MS;
        }
      });
    }
    // RFC 8489 §6.2.1 example: 0, 500, 1500, 3500, 7500, 15500, 31500 ms; fail at 39500 ms.
    assertEquals(List.of(0L, 500L, 1500L, 3500L, 7500L, 15500L, 31500L), sends);
    assertEquals(39500L, failedAt[0]);
  }

  @Test
  void completedTransactionIsNeitherResentNorFailed() {
    StunTransactions<String> t = new StunTransactions<>();
    TransactionId id = new TransactionId(3, 4);
    t.start(id, "req", 0);
    assertEquals("req", t.complete(id));
    assertNull(t.complete(id));
    assertEquals(Long.MAX_VALUE, t.nextDeadlineNanos());
  }
}
