package dev.purertc.dtls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DtlsFingerprintTest {
  private final DtlsCertificate certificate = DtlsCertificate.generate(
      DtlsCertificate.KeyType.ECDSA_P256, Instant.parse("2026-01-01T00:00:00Z"),
      DtlsLoopbackTest.seeded(9));

  @Test
  void formatsAsSdpAndParsesBack() {
    DtlsFingerprint fp = certificate.fingerprint();
    String text = fp.format();
    assertTrue(text.matches("sha-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}"), text);
    assertEquals(fp, DtlsFingerprint.parse(text));
    assertEquals(fp, DtlsFingerprint.parse("SHA-256 " + text.substring(8).toLowerCase()));
  }

  @Test
  void matchesOnlyItsOwnCertificateForEveryAcceptedHash() {
    byte[] other = DtlsCertificate.generateEcdsaP256(Instant.now()).der();
    for (String algorithm : new String[] {"sha-1", "sha-256", "sha-384", "sha-512"}) {
      DtlsFingerprint fp = certificate.fingerprint(algorithm);
      assertTrue(fp.matches(certificate.der()), algorithm);
      assertFalse(fp.matches(other), algorithm);
    }
  }

  @Test
  void malformedTextSaysWhere() {
    assertEquals(0, assertThrows(DtlsFingerprintFormatException.class,
        () -> DtlsFingerprint.parse("md5 00:11")).position());
    assertEquals(0, assertThrows(DtlsFingerprintFormatException.class,
        () -> DtlsFingerprint.parse("sha-256")).position());
    String good = certificate.fingerprint().format();
    String badDigit = good.substring(0, 11) + "G" + good.substring(12);
    assertEquals(11, assertThrows(DtlsFingerprintFormatException.class,
        () -> DtlsFingerprint.parse(badDigit)).position());
    String badColon = good.substring(0, 10) + "-" + good.substring(11);
    assertEquals(10, assertThrows(DtlsFingerprintFormatException.class,
        () -> DtlsFingerprint.parse(badColon)).position());
    assertEquals(8, assertThrows(DtlsFingerprintFormatException.class,
        () -> DtlsFingerprint.parse(good + ":00")).position());
  }

  @Test
  void theCertificateIsSelfSignedEcdsaP256AndValidNow() throws Exception {
    java.security.cert.X509Certificate x509 = (java.security.cert.X509Certificate)
        java.security.cert.CertificateFactory.getInstance("X.509")
            .generateCertificate(new java.io.ByteArrayInputStream(certificate.der()));
    x509.verify(x509.getPublicKey()); // self-signed: its own key verifies it
    assertEquals("SHA256withECDSA", x509.getSigAlgName());
    x509.checkValidity(java.util.Date.from(Instant.parse("2026-01-15T00:00:00Z")));
  }
}
