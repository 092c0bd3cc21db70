package dev.airlock.agent.pii;

import java.util.List;

/**
 * The built-in {@code secret} type: known key formats, values of credential names, and random
 * tokens next to credential words, reported under one type (the detail says which kind).
 */
final class SecretDetector implements Detector {

  private final KnownSecretDetector known = new KnownSecretDetector();
  private final CredentialAssignmentDetector assignments = new CredentialAssignmentDetector();
  private final HighEntropySecretDetector random = new HighEntropySecretDetector();

  @Override
  public String type() {
    return PiiTypes.SECRET;
  }

  @Override
  public void detect(CharSequence text, List<Detection> out) {
    // Found once for both detectors that only read long tokens.
    int[] longTokens = LongTokens.of(text);
    known.detect(text, longTokens, out);
    assignments.detect(text, out);
    random.detect(text, longTokens, out);
  }
}
