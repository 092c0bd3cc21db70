package dev.airlock.policy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Detached Ed25519 signatures of policy files: {@code POLICY.sig} holds one line, the base64 of the
 * signature over the file's exact bytes. Keys are PEM, as {@code openssl genpkey -algorithm
 * ed25519} writes them (PKCS#8 private, X.509 public). Uses the JDK's own Ed25519 (Java 15+).
 */
public final class PolicySignatures {

  static final String ALGORITHM = "Ed25519";
  private static final String PRIVATE_PEM = "PRIVATE KEY";
  private static final String PUBLIC_PEM = "PUBLIC KEY";

  private PolicySignatures() {}

  /** The signature file beside a policy: {@code policy.yaml.sig}. */
  public static Path signatureFileOf(Path policy) {
    return policy.resolveSibling(policy.getFileName() + ".sig");
  }

  public static String sign(byte[] policy, PrivateKey key) throws GeneralSecurityException {
    Signature signer = Signature.getInstance(ALGORITHM);
    signer.initSign(key);
    signer.update(policy);
    return Base64.getEncoder().encodeToString(signer.sign());
  }

  /** Whether {@code signature} (the .sig file's text) is a valid signature of {@code policy}. */
  public static boolean verify(byte[] policy, String signature, PublicKey key) throws GeneralSecurityException {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(signature.trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    Signature verifier = Signature.getInstance(ALGORITHM);
    verifier.initVerify(key);
    verifier.update(policy);
    return verifier.verify(raw);
  }

  /**
   * Checks a policy file against its {@code .sig} beside it.
   *
   * @return null when it verifies, else why not (for the log; names no key material)
   */
  public static String check(Path policy, byte[] content, PublicKey key) {
    Path sig = signatureFileOf(policy);
    if (!Files.isRegularFile(sig)) {
      return "no signature file " + sig;
    }
    try {
      String signature = new String(Files.readAllBytes(sig), StandardCharsets.US_ASCII);
      return verify(content, signature, key) ? null : "the signature in " + sig + " does not match the policy";
    } catch (IOException e) {
      return "cannot read " + sig + ": " + e.getMessage();
    } catch (GeneralSecurityException e) {
      return "cannot verify " + sig + ": " + e.getMessage();
    }
  }

  public static KeyPair generate() throws NoSuchAlgorithmException {
    return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
  }

  public static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pemBody(pem, PRIVATE_PEM)));
  }

  public static PublicKey readPublicKey(Path pem) throws IOException, GeneralSecurityException {
    return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(pemBody(pem, PUBLIC_PEM)));
  }

  public static String toPem(PrivateKey key) {
    return pem(PRIVATE_PEM, key.getEncoded());
  }

  public static String toPem(PublicKey key) {
    return pem(PUBLIC_PEM, key.getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  private static byte[] pemBody(Path pem, String type) throws IOException {
    String text = new String(Files.readAllBytes(pem), StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException(pem + " is not a PEM " + type.toLowerCase(java.util.Locale.ROOT)
          + " (expected '" + begin + "'; create one with 'airlock keygen' or 'openssl genpkey -algorithm ed25519')");
    }
    try {
      return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    } catch (IllegalArgumentException e) {
      throw new IOException(pem + ": the PEM body is not valid base64");
    }
  }
}
