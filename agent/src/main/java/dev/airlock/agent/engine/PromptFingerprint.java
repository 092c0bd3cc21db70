package dev.airlock.agent.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A short, stable hash of a system prompt: a prompt change shows up in the traces as a new value,
 * while the prompt itself never leaves the JVM. The first 12 hex digits of SHA-256.
 */
final class PromptFingerprint {

  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int HEX_DIGITS = 12;

  private final ThreadLocal<MessageDigest> digests = ThreadLocal.withInitial(PromptFingerprint::newDigest);
  /**
   * The last prompt hashed and its fingerprint: an application sends the same system prompt call
   * after call, and comparing it costs a fraction of hashing it again.
   */
  private volatile Known last;

  String of(String prompt) {
    Known known = last;
    if (known != null && known.prompt.equals(prompt)) {
      return known.fingerprint;
    }
    String fingerprint = hash(prompt);
    last = new Known(prompt, fingerprint);
    return fingerprint;
  }

  private String hash(String prompt) {
    MessageDigest digest = digests.get();
    byte[] hash = digest.digest(prompt.getBytes(StandardCharsets.UTF_8));
    char[] out = new char[HEX_DIGITS];
    for (int i = 0; i < HEX_DIGITS / 2; i++) {
      out[2 * i] = HEX[(hash[i] >> 4) & 0xf];
      out[2 * i + 1] = HEX[hash[i] & 0xf];
    }
    return new String(out);
  }

  /** A prompt with its fingerprint; immutable, so one volatile read sees both. */
  private static final class Known {
    final String prompt;
    final String fingerprint;

    Known(String prompt, String fingerprint) {
      this.prompt = prompt;
      this.fingerprint = fingerprint;
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
