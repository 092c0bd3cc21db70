package dev.airlock.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySignaturesTest {

  @TempDir Path dir;

  @Test
  void aSignedPolicyVerifiesAndAnyChangeBreaksIt() throws Exception {
    KeyPair keys = PolicySignatures.generate();
    Path priv = Files.writeString(dir.resolve("k.pem"), PolicySignatures.toPem(keys.getPrivate()));
    Path pub = Files.writeString(dir.resolve("k.pub.pem"), PolicySignatures.toPem(keys.getPublic()));
    byte[] policy = "airlock: 1\nname: signed\n".getBytes(StandardCharsets.UTF_8);
    Path file = Files.write(dir.resolve("policy.yaml"), policy);
    Files.writeString(PolicySignatures.signatureFileOf(file),
        PolicySignatures.sign(policy, PolicySignatures.readPrivateKey(priv)) + "\n");

    assertNull(PolicySignatures.check(file, policy, PolicySignatures.readPublicKey(pub)));
    byte[] changed = "airlock: 1\nname: signed \n".getBytes(StandardCharsets.UTF_8);
    assertTrue(PolicySignatures.check(file, changed, PolicySignatures.readPublicKey(pub)).contains("does not match"));
    KeyPair other = PolicySignatures.generate();
    assertTrue(PolicySignatures.check(file, policy, other.getPublic()).contains("does not match"));
    assertFalse(PolicySignatures.verify(policy, "not base64!", keys.getPublic()));
  }

  @Test
  void aMissingSignatureOrABadKeyFileIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("p.yaml"), "x");
    assertEquals("no signature file " + dir.resolve("p.yaml.sig"),
        PolicySignatures.check(file, new byte[] {'x'}, PolicySignatures.generate().getPublic()));
    Path junk = Files.writeString(dir.resolve("junk.pem"), "hello");
    IOException e = assertThrows(IOException.class, () -> PolicySignatures.readPublicKey(junk));
    assertTrue(e.getMessage().contains("is not a PEM public key"), e.getMessage());
  }

  @Test
  void readsKeysAsOpensslWritesThem() throws Exception {
    // openssl genpkey -algorithm ed25519 / openssl pkey -pubout
    Path priv = Files.writeString(dir.resolve("o.pem"),
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIHRAQBD/ZLvSAJVPyDJHv3XBXaAgaQpSPMxdrW9rFz4z\n-----END PRIVATE KEY-----\n");
    byte[] data = "policy".getBytes(StandardCharsets.UTF_8);
    String sig = PolicySignatures.sign(data, PolicySignatures.readPrivateKey(priv));
    assertEquals(88, sig.length(), "64 signature bytes in base64");
  }
}
