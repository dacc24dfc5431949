package dev.purertc.ice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Interop with ice4j (test scope). ice4j never gathers on loopback, so this test makes a private
 * network namespace with a veth pair (shared notes, janus.md section 10): {@code unshare --net}
 * runs a shell that brings up {@code lo} and a veth pair with 198.18.0.1 and 198.18.0.2 (RFC
 * 2544 test range) and then {@link Ice4jInteropMain} on this test's class path. Nothing in the
 * namespace can reach any other network. Needs root, {@code unshare} and {@code ip}; without them
 * the test fails loudly rather than skipping.
 */
class Ice4jInteropTest {

  @Test
  void pureRtcAndIce4jConnectAsControllingAndAsControlledAndExchangeDatagrams() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    String setup = String.join(" && ",
        "ip link set lo up",
        "ip link add pr-a type veth peer name pr-b",
        "ip addr add " + Ice4jInteropMain.PURERTC_IP + "/24 dev pr-a",
        "ip addr add " + Ice4jInteropMain.ICE4J_IP + "/24 dev pr-b",
        "ip link set pr-a up",
        "ip link set pr-b up",
        "exec \"$0\" -cp \"$1\" " + Ice4jInteropMain.class.getName());
    Process p;
    try {
      p = new ProcessBuilder(List.of("unshare", "--net", "bash", "-c", setup, java, classPath))
          .redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new AssertionError("cannot start 'unshare --net' (needs util-linux, iproute2, root)", e);
    }
    boolean exited = p.waitFor(100, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly().waitFor();
    }
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    System.out.println(output.lines().filter(l -> l.startsWith("CASE"))
        .reduce("", (a, b) -> a + b + "\n"));
    assertTrue(exited, "the namespace run did not finish in 100 s:\n" + output);
    assertTrue(output.contains("CASE ice4j-controlling: PASS"), output);
    assertTrue(output.contains("CASE purertc-controlling: PASS"), output);
    assertEquals(0, p.exitValue(), output);
  }
}
