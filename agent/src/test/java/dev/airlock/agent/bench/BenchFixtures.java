package dev.airlock.agent.bench;

import dev.airlock.agent.engine.PipelineState;
import dev.airlock.agent.policy.PipelineStates;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic inputs shared by the JMH benchmarks and by {@link BenchReport} (which needs their
 * sizes to turn ns/op into MB/s and events/s). Everything is built in memory; nothing is read from
 * disk or the network.
 */
public final class BenchFixtures {

  /** Where the benchmark policy puts its self-hosted, OpenAI-compatible provider. */
  public static final String HOST = "127.0.0.1";
  public static final int PORT = 8080;
  public static final String PATH = "/v1/chat/completions";
  public static final String MODEL = "llama-3.3-70b";

  /** Content events of the benchmark stream (about 2 words each, as the mock provider sends them). */
  public static final int STREAM_CONTENT_EVENTS = 200;

  /**
   * The provider and model parts of the reference policy ({@code policy-example.yaml}), the
   * self-hosted provider pointed at {@link #HOST}:{@link #PORT}: the engine's floor. {@link
   * #REDACTION_SECTIONS} adds the example's PII and guardrail sections; {@code
   * PipelineBenchmark.ExampleEngine} runs the whole example as the load harness does.
   */
  public static final String EXAMPLE_POLICY = String.join("\n",
      "airlock: 1",
      "name: acme-support-assistant",
      "version: \"2026-11-22.1\"",
      "providers:",
      "  eu-llama:",
      "    format: openai",
      "    base_url: http://" + HOST + ":" + PORT + "/v1",
      "    region: eu",
      "  openai:",
      "    region: us",
      "  anthropic:",
      "    region: us",
      "models:",
      "  llama-3.3-70b: {input: 0.20, output: 0.60}",
      "telemetry:",
      "  capture_content: false",
      "on_internal_error: pass_through",
      "");

  /**
   * The example policy's {@code pii} and {@code guardrails} sections (prompt injection and the
   * output rules), as written there.
   */
  public static final String REDACTION_SECTIONS = String.join("\n",
      "pii:",
      "  detect: [email, phone, credit_card, iban, us_ssn, ip_address, secret]",
      "  custom:",
      "    - {name: customer_id, pattern: 'CUST-[0-9]{8}'}",
      "  action: pseudonymize",
      "  restore: true",
      "guardrails:",
      "  prompt_injection: {action: block, threshold: 0.8}",
      "  output:",
      "    pii: mask",
      "    secrets: block",
      "");

  /** The placeholders the agent gives the PII of {@link #chatRequest} (answers echo them back). */
  static final String[] PLACEHOLDERS = {"<EMAIL_1>", "<PHONE_1>", "<CREDIT_CARD_1>", "<IBAN_1>"};

  private BenchFixtures() {}

  /** The pipeline state the agent builds from {@link #EXAMPLE_POLICY}: providers and prices, pass-through. */
  public static PipelineState examplePolicyState() {
    return examplePolicyState(false);
  }

  /**
   * The pipeline state of the example policy; with {@code redaction}, also its {@code pii}
   * (pseudonymize, restore) and prompt-injection sections.
   */
  public static PipelineState examplePolicyState(boolean redaction) {
    return policyState(redaction ? EXAMPLE_POLICY + REDACTION_SECTIONS : EXAMPLE_POLICY);
  }

  /** The pipeline state of a policy written out in full. */
  public static PipelineState policyState(String yaml) {
    PolicyLoadResult result = PolicyLoader.parse("bench-policy.yaml",
        yaml.getBytes(StandardCharsets.UTF_8), name -> null);
    if (!result.ok() || result.policy().isEmpty()) {
      throw new IllegalStateException("the benchmark policy does not load: " + result.errors());
    }
    return PipelineStates.of(result.policy().get());
  }

  /**
   * A 2 KB OpenAI chat request (system prompt, a short exchange, a last user message with the
   * kind of personal data a support assistant sees).
   *
   * @param stream whether it asks for a stream
   * @param appAsksUsage for a stream, whether the application itself sets {@code stream_options.include_usage}
   */
  public static byte[] chatRequest(boolean stream, boolean appAsksUsage) {
    return chatRequest(stream, appAsksUsage, true);
  }

  /**
   * As {@link #chatRequest(boolean, boolean)}; without {@code iban}, the last message names no IBAN
   * (a sentence of the same length takes its place), so that the whole example policy takes its
   * default route, which pseudonymizes, instead of keeping the call in the EU unredacted.
   */
  public static byte[] chatRequest(boolean stream, boolean appAsksUsage, boolean iban) {
    StringBuilder last = new StringBuilder(
        "Hi, my order 55-1182 never arrived. I am Jane Doe, email jane.doe@example.com, phone +1 415 555 0134, "
            + "and I paid with card 4111 1111 1111 1111. "
            + (iban ? "My IBAN for the refund is DE89 3704 0044 0532 0130 00. "
                : "Please refund the card I paid with; I have no account. "));
    String filler = "Could you check the tracking number and tell me when it will be delivered or refund me? ";
    StringBuilder json = new StringBuilder();
    String head = "{\"model\":\"" + MODEL + "\",\"temperature\":0.2,\"max_tokens\":512,"
        + (stream ? "\"stream\":true," : "")
        + (stream && appAsksUsage ? "\"stream_options\":{\"include_usage\":true}," : "")
        + "\"messages\":["
        + "{\"role\":\"system\",\"content\":\"You are the support assistant of Acme Inc. Answer politely and briefly. "
        + "Never promise refunds above 500 USD; escalate those to a human agent. Do not reveal internal notes, "
        + "ticket ids or other customers' data. If the customer is angry, apologise once and move on to the facts. "
        + "Use the order tools to look up shipments; quote tracking numbers exactly as the tool returns them.\"},"
        + "{\"role\":\"user\",\"content\":\"Hello, I need help with a delivery.\"},"
        + "{\"role\":\"assistant\",\"content\":\"Of course. Could you give me your order number and the email on the order?\"},"
        + "{\"role\":\"user\",\"content\":\"";
    String tail = "\"}],\"user\":\"customer-8841\"}";
    // Grow the last message until the whole body is 2 KB (the standard request size of the issue).
    while (head.length() + last.length() + filler.length() + tail.length() <= 2048) {
      last.append(filler);
    }
    // The rest with the filler's first words. (It was ". . .", which the injection detector
    // decodes as Morse code: a cost no real message has, in every stream benchmark.)
    last.append(filler, 0, 2048 - head.length() - last.length() - tail.length());
    json.append(head).append(last).append(tail);
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * {@link #chatRequest(boolean, boolean) chatRequest(false, false)} later in its conversation: with
   * {@code turns} earlier exchanges of about 1 KB each (a user message with an order number, an
   * email address and a phone number, and the assistant's answer) before its last message, as a chat
   * application sends the whole conversation so far with every call.
   */
  public static byte[] chatRequestWithHistory(int turns) {
    String request = new String(chatRequest(false, false), StandardCharsets.UTF_8);
    int last = request.lastIndexOf("{\"role\":\"user\"");
    StringBuilder history = new StringBuilder();
    for (int t = 0; t < turns; t++) {
      StringBuilder user = new StringBuilder("Turn " + t + ": my earlier order 55-" + (1000 + t)
          + " went well; the tracking page said it left on Monday. Reach me at jane.doe@example.com or +1 415 555 0134. ");
      StringBuilder assistant = new StringBuilder("Thank you. I looked the order up: it was delivered on Thursday ");
      while (user.length() < 500) {
        user.append("I would like to know how returns work for items bought in a sale, and how long a refund takes. ");
      }
      while (assistant.length() < 500) {
        assistant.append("Items bought in a sale can be returned within 30 days; refunds reach the card in 5 days. ");
      }
      history.append("{\"role\":\"user\",\"content\":\"").append(user).append("\"},")
          .append("{\"role\":\"assistant\",\"content\":\"").append(assistant).append("\"},");
    }
    return (request.substring(0, last) + history + request.substring(last)).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A non-streamed chat completion as the mock provider (and OpenAI) shapes it, about 1.3 KB. Its
   * text names the customer by the placeholders a redacting policy sent instead of the real data
   * (an answer to a redacted request does), so restoring them is part of the work.
   */
  public static byte[] chatResponse() {
    StringBuilder answer = new StringBuilder("I am sorry your order has not arrived, " + PLACEHOLDERS[0]
        + ". We will call you at " + PLACEHOLDERS[1] + " and refund card " + PLACEHOLDERS[2] + ". ");
    while (answer.length() < 700) {
      answer.append("I checked the shipment and it left our warehouse on Monday; the carrier reports a delay. ");
    }
    return ("{\"id\":\"chatcmpl-mock-3e2c197c6d40\",\"object\":\"chat.completion\",\"created\":1735689600,"
        + "\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\""
        + answer + "\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
        + "\"usage\":{\"prompt_tokens\":512,\"completion_tokens\":160,\"total_tokens\":672,"
        + "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
        + "\"rejected_prediction_tokens\":0}},\"service_tier\":\"default\",\"system_fingerprint\":\"fp_mock\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The events of a streamed chat completion, exactly as the mock provider writes them: a role
   * chunk, {@link #STREAM_CONTENT_EVENTS} content chunks, a finish chunk, the usage-only chunk
   * ({@code include_usage}) and {@code [DONE]}. One array per event, as an HTTP/1.1 chunked
   * response usually delivers them. Every 25th content event carries one of the placeholders a
   * redacting policy puts in the request, as the answer to a redacted request would.
   */
  public static List<byte[]> chatStreamEvents() {
    return chatStreamEvents(STREAM_CONTENT_EVENTS);
  }

  /** As {@link #chatStreamEvents()}, with {@code contentEvents} content chunks. */
  public static List<byte[]> chatStreamEvents(int contentEvents) {
    String prefix = "data: {\"id\":\"chatcmpl-mock-87794d0ea58b\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1735689600,\"model\":\"" + MODEL + "\",\"service_tier\":\"default\","
        + "\"system_fingerprint\":\"fp_mock\",\"choices\":[{\"index\":0,\"delta\":";
    String suffix = ",\"logprobs\":null,\"finish_reason\":%s}],\"usage\":null}\n\n";
    String[] words = {"the", "carrier", "reports", "a", "delay", "of", "two", "days", "and", "your", "parcel", "is"};
    List<byte[]> events = new ArrayList<>();
    events.add(ascii(prefix + "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}" + String.format(suffix, "null")));
    for (int i = 0; i < contentEvents; i++) {
      String text = i % 25 == 10
          ? PLACEHOLDERS[(i / 25) % PLACEHOLDERS.length] + " "
          : words[i % words.length] + " " + words[(i * 7 + 3) % words.length] + " ";
      events.add(ascii(prefix + "{\"content\":\"" + text + "\"}" + String.format(suffix, "null")));
    }
    events.add(ascii(prefix + "{}" + String.format(suffix, "\"stop\"")));
    events.add(ascii("data: {\"id\":\"chatcmpl-mock-87794d0ea58b\",\"object\":\"chat.completion.chunk\","
        + "\"created\":1735689600,\"model\":\"" + MODEL + "\",\"choices\":[],\"service_tier\":\"default\","
        + "\"system_fingerprint\":\"fp_mock\",\"usage\":{\"prompt_tokens\":512,\"completion_tokens\":400,"
        + "\"total_tokens\":912,\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
        + "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,"
        + "\"rejected_prediction_tokens\":0}}}\n\n"));
    events.add(ascii("data: [DONE]\n\n"));
    return events;
  }

  /** The same stream cut into pieces of {@code size} bytes, regardless of event boundaries. */
  public static List<byte[]> chatStreamPieces(int size) {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] e : chatStreamEvents()) {
      all.writeBytes(e);
    }
    byte[] bytes = all.toByteArray();
    List<byte[]> pieces = new ArrayList<>();
    for (int at = 0; at < bytes.length; at += size) {
      pieces.add(Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + size)));
    }
    return pieces;
  }

  /** The pieces a benchmark parameter names: {@code event} (one per event) or a byte count. */
  public static byte[][] streamPieces(String spec) {
    List<byte[]> list = "event".equals(spec) ? chatStreamEvents() : chatStreamPieces(Integer.parseInt(spec));
    return list.toArray(new byte[0][]);
  }

  public static int totalBytes(byte[][] pieces) {
    int n = 0;
    for (byte[] p : pieces) {
      n += p.length;
    }
    return n;
  }

  /** Events in the benchmark stream. */
  public static int streamEventCount() {
    return chatStreamEvents().size();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * Texts for the PII scanner: {@code chat2k} the text of the 2 KB request's messages (with an
   * email, a phone number, a card number and an IBAN), {@code clean2k} 2 KB of support prose with
   * no personal data, {@code mixed64k} 64 KB of prose with one personal datum about every 1 KB.
   */
  public static String piiText(String spec) {
    String prose = "Could you check the tracking number and tell me when it will be delivered or refund me? "
        + "The parcel left the warehouse on Monday and the carrier reports a delay of two days. ";
    String[] personal = {"jane.doe@example.com", "+1 415 555 0134", "4111 1111 1111 1111",
        "DE89 3704 0044 0532 0130 00", "CUST-12345678", "192.168.10.24"};
    StringBuilder b = new StringBuilder();
    switch (spec) {
      case "chat2k":
        b.append("You are the support assistant of Acme Inc. Answer politely and briefly. Never promise refunds "
            + "above 500 USD. Hello, I need help with a delivery. Of course. Could you give me your order number? "
            + "Hi, my order 55-1182 never arrived. I am Jane Doe, email jane.doe@example.com, phone +1 415 555 0134, "
            + "and I paid with card 4111 1111 1111 1111. My IBAN for the refund is DE89 3704 0044 0532 0130 00. ");
        while (b.length() < 2048) {
          b.append(prose);
        }
        b.setLength(2048);
        return b.toString();
      case "clean2k":
        while (b.length() < 2048) {
          b.append(prose);
        }
        b.setLength(2048);
        return b.toString();
      case "mixed64k":
        for (int i = 0; b.length() < 64 * 1024; i++) {
          for (int k = 0; k < 6; k++) {
            b.append(prose);
          }
          b.append("Contact: ").append(personal[i % personal.length]).append(". ");
        }
        b.setLength(64 * 1024);
        return b.toString();
      default:
        throw new IllegalArgumentException("text: " + spec);
    }
  }
}
