package dev.purertc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class DtlsFingerprintProperties {

  /** Any text either parses or raises DtlsFingerprintFormatException, nothing else. */
  @Property(tries = 1000, seed = "7")
  void arbitraryTextFailsOnlyWithTheFormatException(@ForAll("fingerprintLike") String text) {
    try {
      DtlsFingerprint fp = DtlsFingerprint.parse(text);
      assertEquals(fp, DtlsFingerprint.parse(fp.format()));
    } catch (DtlsFingerprintFormatException expected) {
      // documented failure
    }
  }

  @Property(tries = 200, seed = "8")
  void formatThenParseIsIdentity(@ForAll @Size(32) byte[] sha256) {
    DtlsFingerprint fp = new DtlsFingerprint("sha-256", sha256);
    assertEquals(fp, DtlsFingerprint.parse(fp.format()));
  }

  @Provide
  Arbitrary<String> fingerprintLike() {
    Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(120);
    Arbitrary<String> nearMiss = Arbitraries.strings().withChars("0123456789abcdefABCDEFG: ")
        .ofMinLength(0).ofMaxLength(100)
        .map(s -> "sha-1 " + s);
    Arbitrary<String> sha1 = Arbitraries.strings().withChars("0123456789ABCDEF:xé٣")
        .ofLength(59).map(s -> "sha-1 " + s);
    return Arbitraries.oneOf(noise, nearMiss, sha1);
  }
}
