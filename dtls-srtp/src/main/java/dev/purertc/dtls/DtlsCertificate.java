package dev.purertc.dtls;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * This endpoint's DTLS identity: a self-signed X.509 certificate and its private key, generated
 * at start-up (RFC 8827 §6.5: WebRTC endpoints authenticate by fingerprint, not by a CA).
 *
 * <p>Immutable; safe to share between sessions and threads. {@link #toString()} does not print
 * the key.
 */
public final class DtlsCertificate {

  /** The key types PureRTC can generate. */
  public enum KeyType {
    /** ECDSA on P-256 with SHA-256 signatures: what browsers use; the default. */
    ECDSA_P256,
    /** RSA 2048 with SHA-256 signatures, for old peers without ECDSA (slow to generate). */
    RSA_2048
  }

  private static final Duration VALIDITY = Duration.ofDays(30);

  private final KeyType keyType;
  private final byte[] der;
  private final PrivateKey privateKey;

  private DtlsCertificate(KeyType keyType, byte[] der, PrivateKey privateKey) {
    this.keyType = keyType;
    this.der = der;
    this.privateKey = privateKey;
  }

  /**
   * Generates a key pair and a self-signed certificate valid from one day before {@code now}
   * for 30 days (the day before tolerates peers whose clocks run behind).
   */
  public static DtlsCertificate generate(KeyType keyType, Instant now, SecureRandom random) {
    try {
      KeyPair keys;
      AlgorithmIdentifier signatureAlgorithm;
      String jcaSignature;
      if (keyType == KeyType.ECDSA_P256) {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), random);
        keys = generator.generateKeyPair();
        signatureAlgorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
        jcaSignature = "SHA256withECDSA";
      } else {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        keys = generator.generateKeyPair();
        signatureAlgorithm = new AlgorithmIdentifier(
            PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE);
        jcaSignature = "SHA256withRSA";
      }
      X500Name name = new X500Name("CN=PureRTC");
      V3TBSCertificateGenerator tbsGenerator = new V3TBSCertificateGenerator();
      tbsGenerator.setSerialNumber(new ASN1Integer(new BigInteger(63, random).add(BigInteger.ONE)));
      tbsGenerator.setSignature(signatureAlgorithm);
      tbsGenerator.setIssuer(name);
      tbsGenerator.setSubject(name);
      tbsGenerator.setStartDate(new Time(Date.from(now.minus(Duration.ofDays(1)))));
      tbsGenerator.setEndDate(new Time(Date.from(now.plus(VALIDITY))));
      tbsGenerator.setSubjectPublicKeyInfo(
          SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()));
      TBSCertificate tbs = tbsGenerator.generateTBSCertificate();

      Signature signer = Signature.getInstance(jcaSignature);
      signer.initSign(keys.getPrivate(), random);
      signer.update(tbs.getEncoded(ASN1Encoding.DER));
      ASN1EncodableVector certificate = new ASN1EncodableVector();
      certificate.add(tbs);
      certificate.add(signatureAlgorithm);
      certificate.add(new DERBitString(signer.sign()));
      byte[] der = new DERSequence(certificate).getEncoded(ASN1Encoding.DER);
      return new DtlsCertificate(keyType, der, keys.getPrivate());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not generate a " + keyType + " certificate", e);
    }
  }

  /** An ECDSA P-256 certificate, valid from now; uses a fresh {@link SecureRandom}. */
  public static DtlsCertificate generateEcdsaP256(Instant now) {
    return generate(KeyType.ECDSA_P256, now, new SecureRandom());
  }

  public KeyType keyType() {
    return keyType;
  }

  /** The DER-encoded certificate (a copy). */
  public byte[] der() {
    return der.clone();
  }

  /** The fingerprint to put into SDP: {@code a=fingerprint:sha-256 ...}. */
  public DtlsFingerprint fingerprint() {
    return DtlsFingerprint.of("sha-256", der);
  }

  /** The fingerprint with another hash function (sha-1, sha-384, sha-512). */
  public DtlsFingerprint fingerprint(String algorithm) {
    return DtlsFingerprint.of(algorithm, der);
  }

  PrivateKey privateKey() {
    return privateKey;
  }

  byte[] derInternal() {
    return der;
  }

  @Override
  public String toString() {
    return "DtlsCertificate[" + keyType + ", " + fingerprint() + "]";
  }
}
