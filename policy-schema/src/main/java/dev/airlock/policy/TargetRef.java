package dev.airlock.policy;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a request is sent: a provider, and optionally the model to ask it for. Written {@code
 * openai/gpt-4o-mini}, or a bare provider {@code openai}, which keeps the model the application
 * asked for. Everything after the first slash is the model, so {@code
 * openrouter/meta-llama/llama-3.3-70b-instruct} is provider {@code openrouter} and model {@code
 * meta-llama/llama-3.3-70b-instruct}.
 *
 * <p>Parsing checks the form only; whether the provider exists is the policy's business (the loader
 * reports unknown providers). Immutable.
 */
public final class TargetRef {

  /** A provider name, as {@code providers:} allows it (see {@link ProvidersReader}). */
  private static final Pattern PROVIDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private static final String FORM =
      "must be a target: provider or provider/model, e.g. openai/gpt-4o-mini or openai";

  private final String provider;
  private final String model;

  private TargetRef(String provider, String model) {
    this.provider = provider;
    this.model = model;
  }

  /**
   * Parses {@code provider} or {@code provider/model}.
   *
   * @throws IllegalArgumentException if the provider part is not a valid provider name, the model
   *     part is empty, or the text contains white space
   */
  public static TargetRef parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isEmpty()) {
      throw new IllegalArgumentException(FORM + ", got an empty string");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        throw new IllegalArgumentException(FORM + " (no spaces), got '" + text + "'");
      }
    }
    int slash = text.indexOf('/');
    String provider = slash < 0 ? text : text.substring(0, slash);
    String model = slash < 0 ? null : text.substring(slash + 1);
    if (!PROVIDER.matcher(provider).matches()) {
      throw new IllegalArgumentException(
          FORM
              + ", got '"
              + text
              + "' (a provider name starts with a letter or digit and holds only letters, digits,"
              + " '.', '_' and '-')");
    }
    if (model != null && model.isEmpty()) {
      throw new IllegalArgumentException(
          FORM + ", got '" + text + "' (nothing after the slash; drop it to keep the app's model)");
    }
    return new TargetRef(provider, model);
  }

  /**
   * The bare provider: the request keeps the model the application asked for.
   *
   * @throws IllegalArgumentException if {@code provider} is not a valid provider name
   */
  public static TargetRef of(String provider) {
    return new TargetRef(checkProvider(provider), null);
  }

  /**
   * {@code provider/model}.
   *
   * @throws IllegalArgumentException if {@code provider} is not a valid provider name or {@code
   *     model} is empty or contains white space
   */
  public static TargetRef of(String provider, String model) {
    checkProvider(provider);
    Objects.requireNonNull(model, "model");
    if (model.isEmpty() || model.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "a model must be non-empty and without spaces, got '" + model + "'");
    }
    return new TargetRef(provider, model);
  }

  private static String checkProvider(String provider) {
    Objects.requireNonNull(provider, "provider");
    if (!PROVIDER.matcher(provider).matches()) {
      throw new IllegalArgumentException(
          "a provider name starts with a letter or digit and holds only letters, digits, '.', '_'"
              + " and '-', got '"
              + provider
              + "'");
    }
    return provider;
  }

  /** The provider's name: a built-in or a key under {@code providers:}. */
  public String provider() {
    return provider;
  }

  /** The model to ask for; empty for a bare provider (the application's model is kept). */
  public Optional<String> model() {
    return Optional.ofNullable(model);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof TargetRef)) {
      return false;
    }
    TargetRef t = (TargetRef) o;
    return provider.equals(t.provider) && Objects.equals(model, t.model);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, model);
  }

  /** {@code provider} or {@code provider/model}, as written; {@link #parse} reads it back. */
  @Override
  public String toString() {
    return model == null ? provider : provider + "/" + model;
  }
}
