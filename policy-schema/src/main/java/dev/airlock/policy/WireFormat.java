package dev.airlock.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The HTTP API dialect a provider speaks; decides which codec parses and writes its bodies. */
public enum WireFormat {
  /** OpenAI chat completions / responses / embeddings, and the many OpenAI-compatible APIs. */
  OPENAI("openai"),
  /** Anthropic messages. */
  ANTHROPIC("anthropic"),
  /** Google Gemini generateContent. */
  GEMINI("gemini");

  private static final List<String> IDS;

  static {
    List<String> ids = new ArrayList<>();
    for (WireFormat f : values()) {
      ids.add(f.id);
    }
    IDS = Collections.unmodifiableList(ids);
  }

  private final String id;

  WireFormat(String id) {
    this.id = id;
  }

  /** The word used in the policy file: {@code openai}, {@code anthropic}, {@code gemini}. */
  public String id() {
    return id;
  }

  /** Every policy word, in declaration order. */
  public static List<String> ids() {
    return IDS;
  }

  /** The format written as {@code id} in a policy, if any (exact, lower-case match). */
  public static Optional<WireFormat> fromId(String id) {
    for (WireFormat f : values()) {
      if (f.id.equals(id)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
