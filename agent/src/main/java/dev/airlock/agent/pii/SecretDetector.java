package dev.airlock.agent.pii;

import java.util.List;

/**
 * The built-in {@code secret} type: known key formats, values of credential names, and random
 * tokens next to credential words, reported under one type (the detail says which kind).
 */
final class SecretDetector implements Detector {

  private final Detector[] parts = {
    new KnownSecretDetector(), new CredentialAssignmentDetector(), new HighEntropySecretDetector()
  };

  @Override
  public String type() {
    return PiiTypes.SECRET;
  }

  @Override
  public void detect(CharSequence text, List<Detection> out) {
    for (Detector d : parts) {
      d.detect(text, out);
    }
  }
}
