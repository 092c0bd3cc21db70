/**
 * Wire-format translation: an application written against one LLM provider's API is served by a
 * model behind another, and notices nothing but the name of the model.
 *
 * <p>Entry point: {@link dev.airlock.agent.translate.Translation}. Formats: OpenAI chat
 * completions, Anthropic Messages, Gemini {@code generateContent}/{@code streamGenerateContent}
 * ({@code alt=sse}); all six directions; requests, whole answers, error bodies and streams.
 *
 * <p><b>Design.</b> Every format is read into one canonical model and written from it ({@link
 * dev.airlock.agent.translate.ChatRequest}, {@link dev.airlock.agent.translate.ChatResult}, {@link
 * dev.airlock.agent.translate.StreamEvent}): three readers and three writers per concern instead of
 * six direction-specific translators, so each format's quirks live in one class. Per format and
 * concern one class: {@code *Requests} (request bodies), {@code *Responses} (answers), {@code
 * *StreamDecoder} (the target's SSE to canonical events) and {@code *StreamEncoder} (canonical
 * events to the application's SSE). Shared pieces: {@link dev.airlock.agent.translate.FinishReason}
 * (stop reasons), {@link dev.airlock.agent.translate.Schemas} (JSON Schema and Gemini's subset),
 * {@link dev.airlock.agent.translate.UsageJson} (usage objects), {@link
 * dev.airlock.agent.translate.ErrorBodies} (errors), {@link dev.airlock.agent.translate.Ids}
 * (synthesized ids). Usage is read with the codec ({@code ResponseCodec}, {@code
 * StreamAccumulator}), so the numbers are normalized exactly as Airlock's telemetry normalizes them.
 *
 * <p><b>Faithfulness rule.</b> What would change the shape of the answer the application gets
 * (several choices, audio, log probabilities, provider-hosted tools, files only the source provider
 * can read, remote image URLs for Gemini, recursive schemas for Gemini) is refused with a {@link
 * dev.airlock.agent.translate.TranslationException} naming it, so the router can keep the call on
 * a provider of the application's own format. Hints a target lacks (seed and penalties for
 * Anthropic, {@code top_k} for OpenAI, {@code logit_bias}, safety settings, thinking settings) are
 * dropped; each reader's Javadoc lists them.
 */
package dev.airlock.agent.translate;
