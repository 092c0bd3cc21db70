package dev.airlock.agent.cli;

import dev.airlock.policy.PolicySignatures;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/** {@code keygen}, {@code sign} and {@code verify}: detached Ed25519 signatures of policy files. */
final class SignatureCommands {

  static final String KEYGEN_HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar keygen --out PREFIX",
      "",
      "Writes an Ed25519 key pair: PREFIX.pem (private, keep it secret) and PREFIX.pub.pem (public,",
      "give it to the agent as policy.pubkey=PATH). openssl genpkey -algorithm ed25519 works too.");
  static final String SIGN_HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar sign --key PRIVATE.pem POLICY",
      "",
      "Validates POLICY, then writes its detached signature to POLICY.sig. Exit 1 if the policy is invalid.");
  static final String VERIFY_HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar verify --pubkey PUBLIC.pem POLICY",
      "",
      "Checks POLICY.sig against POLICY's exact bytes. Exit 0 if it verifies, 1 if not.");

  private final PrintStream out;
  private final PrintStream err;

  SignatureCommands(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  int keygen(List<String> args) {
    String prefix = option(args, "--out");
    if (prefix == null || args.size() != 2) {
      err.println(KEYGEN_HELP);
      return AirlockCli.USAGE;
    }
    try {
      KeyPair keys = PolicySignatures.generate();
      Path priv = Path.of(prefix + ".pem");
      Path pub = Path.of(prefix + ".pub.pem");
      Files.writeString(priv, PolicySignatures.toPem(keys.getPrivate()));
      Files.writeString(pub, PolicySignatures.toPem(keys.getPublic()));
      out.println("wrote " + priv + " (private) and " + pub + " (public)");
      return AirlockCli.OK;
    } catch (NoSuchAlgorithmException e) {
      return noEd25519();
    } catch (IOException e) {
      err.println("airlock keygen: " + e.getMessage());
      return AirlockCli.FAILED;
    }
  }

  int sign(List<String> args, PolicyValidation validation) {
    String key = option(args, "--key");
    String policy = positional(args, "--key");
    if (key == null || policy == null) {
      err.println(SIGN_HELP);
      return AirlockCli.USAGE;
    }
    Path file = Path.of(policy);
    if (!validation.isValid(file)) {
      err.println("airlock sign: " + policy + " is not a valid policy; not signed");
      return AirlockCli.FAILED;
    }
    try {
      String signature = PolicySignatures.sign(Files.readAllBytes(file), PolicySignatures.readPrivateKey(Path.of(key)));
      Path sig = PolicySignatures.signatureFileOf(file);
      Files.writeString(sig, signature + "\n");
      out.println("wrote " + sig);
      return AirlockCli.OK;
    } catch (NoSuchAlgorithmException e) {
      return noEd25519();
    } catch (IOException | GeneralSecurityException e) {
      err.println("airlock sign: " + e.getMessage());
      return AirlockCli.FAILED;
    }
  }

  int verify(List<String> args) {
    String key = option(args, "--pubkey");
    String policy = positional(args, "--pubkey");
    if (key == null || policy == null) {
      err.println(VERIFY_HELP);
      return AirlockCli.USAGE;
    }
    try {
      Path file = Path.of(policy);
      String problem = PolicySignatures.check(file, Files.readAllBytes(file), PolicySignatures.readPublicKey(Path.of(key)));
      if (problem == null) {
        out.println(policy + ": signature ok");
        return AirlockCli.OK;
      }
      out.println(policy + ": " + problem);
      return AirlockCli.FAILED;
    } catch (NoSuchAlgorithmException e) {
      return noEd25519();
    } catch (IOException | GeneralSecurityException e) {
      err.println("airlock verify: " + e.getMessage());
      return AirlockCli.FAILED;
    }
  }

  private int noEd25519() {
    err.println("airlock: this JVM has no Ed25519 (it needs Java 15 or newer)");
    return AirlockCli.FAILED;
  }

  private static String option(List<String> args, String name) {
    int i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
  }

  /** The one argument that is not {@code optionName} or its value, or null. */
  private static String positional(List<String> args, String optionName) {
    List<String> rest = new ArrayList<>(args);
    int i = rest.indexOf(optionName);
    if (i >= 0) {
      rest.remove(i);
      if (i < rest.size()) {
        rest.remove(i);
      }
    }
    return rest.size() == 1 && !rest.get(0).startsWith("--") ? rest.get(0) : null;
  }

  /** Whether a file is a valid policy, as {@code validate} decides. */
  interface PolicyValidation {
    boolean isValid(Path policy);
  }
}
