package dev.airlock.agent.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutputGuardTest {

  private static OutputGuard guard(String output) {
    PolicyLoadResult r = PolicyLoader.parse("p.yaml",
        ("airlock: 1\nname: t\nguardrails:\n  output:\n" + output).getBytes(StandardCharsets.UTF_8));
    assertTrue(r.ok(), r::toString);
    Policy p = r.policy().get();
    return OutputGuard.of(p.guardrails().get(), null);
  }

  private static AnswerCheck check(OutputGuard guard, Set<String> sent, boolean json) {
    return new AnswerCheck(guard, Endpoint.OPENAI_CHAT, sent, json);
  }

  private static byte[] answer(String text) {
    return ("{\"id\":\"x\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + text
        + "\"},\"finish_reason\":\"stop\"}]}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void masksOnlyWhatTheAppDidNotSend() {
    AnswerCheck c = check(guard("    pii: mask\n"), Set.of("ana@example.com"), false);
    String out = new String(c.checkWhole(answer("ana@example.com, meet zoe@example.org")), StandardCharsets.UTF_8);
    assertTrue(out.contains("ana@example.com, meet [EMAIL]"), out);
    assertEquals(Set.of("email"), c.foundTypes());
    assertNull(c.blockedRule());
  }

  @Test
  void secretsAndDenyPatternsBlock() {
    AnswerCheck secrets = check(guard("    secrets: block\n"), Set.of(), false);
    assertNull(secrets.checkWhole(answer("key: AKIAIOSFODNN7EXAMPLE and secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")));
    assertEquals("guardrails.output.secrets", secrets.blockedRule());
    AnswerCheck deny = check(guard("    deny: ['(?i)internal use only']\n"), Set.of(), false);
    assertNull(deny.checkWhole(answer("This is for Internal Use Only.")));
    assertEquals("guardrails.output.deny", deny.blockedRule());
  }

  @Test
  void jsonAskedForButNotGiven() {
    AnswerCheck flag = check(guard("    json: flag\n"), Set.of(), true);
    flag.checkWhole(answer("not json"));
    assertTrue(flag.jsonFlagged());
    AnswerCheck block = check(guard("    json: block\n"), Set.of(), true);
    assertNull(block.checkWhole(answer("not json")));
    assertEquals("guardrails.output.json", block.blockedRule());
    AnswerCheck fine = check(guard("    json: block\n"), Set.of(), true);
    fine.checkWhole(answer("{\\\"ok\\\":true}"));
    assertNull(fine.blockedRule());
  }

  @Test
  void aStreamIsMaskedEvenWhenAValueIsSplitAcrossDeltas() {
    AnswerCheck c = check(guard("    pii: mask\n"), Set.of(), false);
    StreamPseudonymRestorer restorer = new StreamPseudonymRestorer(Endpoint.OPENAI_CHAT, Map.of(), c);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseParser parser = new SseParser((n, d, raw) -> restorer.onEvent(n, d, raw, out), 1 << 20);
    String stream = chunk("Write to zoe.kel", null) + chunk("ler@exam", null) + chunk("ple.org soon", null)
        + chunk("", "stop") + "data: [DONE]\n\n";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length);
    parser.finish();
    restorer.finish(out);
    String seen = out.toString(StandardCharsets.UTF_8);
    assertFalse(seen.contains("zoe") || seen.contains("kel") || seen.contains("ple.org"), seen);
    assertTrue(seen.contains("[EMAIL]"), seen);
    assertTrue(seen.endsWith("data: [DONE]\n\n"), seen);
  }

  @Test
  void aBlockedStreamEndsWithTheProvidersErrorEvent() {
    AnswerCheck c = check(guard("    deny: ['(?i)top secret']\n"), Set.of(), false);
    StreamPseudonymRestorer restorer = new StreamPseudonymRestorer(Endpoint.ANTHROPIC_MESSAGES, Map.of(), c);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SseParser parser = new SseParser((n, d, raw) -> restorer.onEvent(n, d, raw, out), 1 << 20);
    String stream = "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"This is TOP SEC\"}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
        + "\"delta\":{\"type\":\"text_delta\",\"text\":\"RET stuff\"}}\n\n"
        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
    parser.feed(bytes, 0, bytes.length);
    restorer.finish(out);
    String seen = out.toString(StandardCharsets.UTF_8);
    assertFalse(seen.toLowerCase().contains("top sec"), seen);
    assertTrue(seen.contains("event: error\ndata: {\"type\":\"error\""), seen);
    assertTrue(seen.contains("guardrails.output.deny"), seen);
    assertFalse(seen.contains("message_stop"), "nothing after the error: " + seen);
  }

  private static String chunk(String content, String finish) {
    return "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + content + "\"},\"finish_reason\":"
        + (finish == null ? "null" : "\"" + finish + "\"") + "}]}\n\n";
  }
}
