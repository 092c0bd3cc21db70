package dev.airlock.agent.codec;

import static dev.airlock.agent.codec.Fixtures.bytes;
import static dev.airlock.agent.codec.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RequestCodec#withStreamUsageRequested(byte[])}: a byte-exact edit. */
class StreamUsageRequestTest {

  private static String edit(String body) {
    return new String(RequestCodec.withStreamUsageRequested(utf8(body)), StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
    // absent: appended after the last member
    "{\"model\":\"gpt-4o\",\"stream\":true}"
        + "|{\"model\":\"gpt-4o\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
    "{}|{\"stream_options\":{\"include_usage\":true}}",
    "{ }|{\"stream_options\":{\"include_usage\":true} }",
    // present with other keys: added first, the others kept
    "{\"stream\":true,\"stream_options\":{\"include_obfuscation\":false},\"n\":1}"
        + "|{\"stream\":true,\"stream_options\":{\"include_usage\":true,\"include_obfuscation\":false},\"n\":1}",
    "{\"stream_options\":{},\"stream\":true}|{\"stream_options\":{\"include_usage\":true},\"stream\":true}",
    // present but not true: only the value is replaced
    "{\"stream_options\":{\"include_usage\":false,\"x\":1},\"stream\":true}"
        + "|{\"stream_options\":{\"include_usage\":true,\"x\":1},\"stream\":true}",
    "{\"stream_options\":{\"include_usage\" : null },\"stream\":true}"
        + "|{\"stream_options\":{\"include_usage\" : true },\"stream\":true}",
    "{\"stream_options\":{\"include_usage\":0}}|{\"stream_options\":{\"include_usage\":true}}",
    "{\"stream_options\":{\"include_usage\":-1.5e3,\"y\":[1]}}|{\"stream_options\":{\"include_usage\":true,\"y\":[1]}}",
    "{\"stream_options\":{\"include_usage\":\"no \\\" way\"}}|{\"stream_options\":{\"include_usage\":true}}",
    "{\"stream_options\":{\"include_usage\":{\"a\":[true]}}}|{\"stream_options\":{\"include_usage\":true}}",
    // not an object: replaced by one
    "{\"stream_options\":null,\"stream\":true}|{\"stream_options\":{\"include_usage\":true},\"stream\":true}",
    "{\"stream\":true,\"stream_options\":[1,2]}|{\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
    // a nested "stream_options" elsewhere is not the top-level one
    "{\"metadata\":{\"stream_options\":{}},\"stream\":true}"
        + "|{\"metadata\":{\"stream_options\":{}},\"stream\":true,\"stream_options\":{\"include_usage\":true}}",
  })
  void editsExactly(String body, String expected) {
    assertEquals(expected, edit(body));
  }

  @Test
  void prettyBodyKeepsItsLayout() {
    String body = "{\n  \"model\": \"gpt-4o\",\n  \"temperature\": 0.70,\n  \"name\": \"\\u00e9t\\u00e9\",\n  \"stream\": true\n}\n";
    String expected = "{\n  \"model\": \"gpt-4o\",\n  \"temperature\": 0.70,\n  \"name\": \"\\u00e9t\\u00e9\",\n"
        + "  \"stream\": true,\"stream_options\":{\"include_usage\":true}\n}\n";
    assertEquals(expected, edit(body));
  }

  @Test
  void alreadyRequestedOrUnreadableBodiesAreReturnedAsIs() {
    byte[] requested = utf8("{\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
    assertSame(requested, RequestCodec.withStreamUsageRequested(requested));
    byte[] garbage = utf8("not json");
    assertSame(garbage, RequestCodec.withStreamUsageRequested(garbage));
    byte[] array = utf8("[{\"stream\":true}]");
    assertSame(array, RequestCodec.withStreamUsageRequested(array));
    byte[] truncated = utf8("{\"stream\":true,\"messages\":[");
    assertSame(truncated, RequestCodec.withStreamUsageRequested(truncated));
    assertEquals(null, RequestCodec.withStreamUsageRequested(null));
  }

  @Test
  void realRequestKeepsEverythingElseInOrder() throws Exception {
    byte[] original = bytes("openai/chat-request.json");
    byte[] edited = RequestCodec.withStreamUsageRequested(original);
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode before = (ObjectNode) mapper.readTree(original);
    ObjectNode after = (ObjectNode) mapper.readTree(edited);

    JsonNode options = after.remove("stream_options");
    assertEquals(true, options.get("include_usage").asBoolean());
    assertEquals(before, after, "all other members unchanged");
    assertEquals(names(before), names(after), "member order unchanged");

    LlmRequest parsed = RequestCodec.parse(Endpoint.OPENAI_CHAT, "/v1/chat/completions", edited);
    assertTrue(parsed.streamIncludeUsage());
    // Idempotent: editing again changes nothing.
    assertSame(edited, RequestCodec.withStreamUsageRequested(edited));
  }

  @Test
  void utf8ContentIsNotReencoded() {
    String body = "{\"messages\":[{\"role\":\"user\",\"content\":\"Grüße 🙂 \\ud83d\\ude00\"}],\"stream\":true}";
    assertEquals(
        "{\"messages\":[{\"role\":\"user\",\"content\":\"Grüße 🙂 \\ud83d\\ude00\"}],\"stream\":true,"
            + "\"stream_options\":{\"include_usage\":true}}",
        edit(body));
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> it = node.fieldNames();
    it.forEachRemaining(names::add);
    return names;
  }
}
