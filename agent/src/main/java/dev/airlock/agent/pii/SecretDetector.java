package dev.airlock.agent.pii;

import java.util.List;

/**
 * The built-in {@code secret} type: known key formats, values of credential names, and random
 * tokens next to credential words, reported under one type (the detail says which kind).
 */
final class SecretDetector implements IndexedDetector {

  private final KnownSecretDetector known = new KnownSecretDetector();
  private final CredentialAssignmentDetector assignments = new CredentialAssignmentDetector();
  private final HighEntropySecretDetector random = new HighEntropySecretDetector();

  @Override
  public String type() {
    return PiiTypes.SECRET;
  }

  @Override
  public boolean needsSecretAnchors() {
    return true;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    // Found once, in the scanner's shared pass, for both detectors that only read long tokens.
    int[] longTokens = index.longTokens();
    known.detect(text, longTokens, out);
    assignments.detect(text, index, out);
    random.detect(text, longTokens, out);
  }
}
