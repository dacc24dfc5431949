package dev.purertc.dtls;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Test helper: waits until no session thread is left. */
final class DtlsThreads {
  private DtlsThreads() {}

  static List<String> live() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("purertc-dtls-"))
        .collect(Collectors.toList());
  }

  /** Fails if a purertc-dtls-* thread is still alive after {@code millis}. */
  static void assertNoneLeftWithin(long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (!live().isEmpty()) {
      if (System.nanoTime() > deadline) {
        fail("DTLS threads still alive: " + live());
      }
      Thread.sleep(10); // polling a condition with a deadline, not waiting for time to pass
    }
  }
}
