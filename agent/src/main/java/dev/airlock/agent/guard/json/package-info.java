/**
 * Checks that an answer is JSON and conforms to the JSON Schema the request asked for (OpenAI
 * {@code response_format.json_schema}, Responses {@code text.format}, Gemini {@code
 * responseSchema}/{@code responseJsonSchema}), for {@code guardrails.output.json}.
 *
 * <ul>
 *   <li>{@link dev.airlock.agent.guard.json.JsonSchema}: a schema compiled from the request; the
 *       keywords it supports, and those it lets pass, are listed there.</li>
 *   <li>{@link dev.airlock.agent.guard.json.SchemaValidator}: checks a complete value.</li>
 *   <li>{@link dev.airlock.agent.guard.json.StreamingJsonCheck}: checks text fed piece by piece, as
 *       a stream delivers it, reporting a violation as soon as the text proves one; whole answers go
 *       through it too, so both get the same verdict.</li>
 * </ul>
 *
 * No library on the agent's class path validates JSON Schema (the policy module's validator is a
 * test dependency), and the agent shades what it ships, so this is a small validator of its own.
 */
package dev.airlock.agent.guard.json;
