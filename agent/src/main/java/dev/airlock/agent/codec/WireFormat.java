package dev.airlock.agent.codec;

/**
 * The JSON dialect a provider speaks on the wire.
 *
 * <p>This is a property of the provider configuration (which host a call goes to), not of a single
 * request: many vendors (Mistral, Groq, Azure OpenAI, vLLM...) speak {@link #OPENAI}.
 */
public enum WireFormat {
  /** OpenAI REST API and the many OpenAI-compatible services. */
  OPENAI,
  /** Anthropic Messages API. */
  ANTHROPIC,
  /** Google Gemini API (Generative Language API and Vertex AI {@code generateContent}). */
  GEMINI
}
