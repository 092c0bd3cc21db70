package dev.airlock.agent.guard.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingJsonCheckTest {

  private static String feedInPieces(String text, JsonSchema schema, Random random) {
    StreamingJsonCheck c = new StreamingJsonCheck(schema);
    int at = 0;
    while (at < text.length()) {
      int n = random == null ? 1 : 1 + random.nextInt(7);
      String v = c.feed(text.substring(at, Math.min(text.length(), at + n)));
      if (v != null) {
        return v;
      }
      at += n;
    }
    return c.finish();
  }

  @Test
  void everySchemaCaseGetsTheSameVerdictStreamedAsWhole() throws Exception {
    Random random = new Random(42);
    for (String c : JsonSchemaTest.CASES) {
      String[] parts = c.split(" \\| ");
      JsonSchema schema = JsonSchema.compile(JsonSchemaTest.json(parts[0]));
      String value = JsonSchemaTest.json(parts[1]).toString();
      boolean pass = Boolean.parseBoolean(parts[2].trim());
      assertEquals(pass, StreamingJsonCheck.check(value, schema) == null, "whole: " + c);
      assertEquals(pass, feedInPieces(value, schema, null) == null, "char by char: " + c);
      assertEquals(pass, feedInPieces(" \n" + value + "\n", schema, random) == null, "random pieces: " + c);
    }
  }

  @Test
  void aViolationIsReportedAsSoonAsTheTextProvesIt() throws Exception {
    JsonSchema schema = JsonSchema.compile(JsonSchemaTest.json(
        "{'type':'object','properties':{'status':{'enum':['ok','failed']},'n':{'type':'integer'}},"
            + "'required':['status','n'],'additionalProperties':false}"));
    StreamingJsonCheck unknownKey = new StreamingJsonCheck(schema);
    assertNull(unknownKey.feed("{\"status\":\"ok\","));
    assertEquals("$.debug: property not allowed (additionalProperties: false)", unknownKey.feed("\"debug\":"));

    StreamingJsonCheck wrongType = new StreamingJsonCheck(schema);
    assertEquals("$.n: expected integer, got object", wrongType.feed("{\"n\":{"));

    StreamingJsonCheck badEnum = new StreamingJsonCheck(schema);
    assertNull(badEnum.feed("{\"status\":\"unkn"));
    assertEquals("$.status: not one of the enum values", badEnum.feed("own\""));

    StreamingJsonCheck missing = new StreamingJsonCheck(schema);
    assertNull(missing.feed("{\"status\":\"ok\""));
    assertEquals("$: missing required property 'n'", missing.feed("}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"a\":1", "{\"a\":1}}", "{\"a\":1} {\"b\":2}", "```json\n{}\n```",
      "{'a':1}", "[1,2,]", "{\"a\":NaN}"})
  void textThatIsNotOneJsonValueFails(String text) {
    assertNotNull(StreamingJsonCheck.check(text, null), text);
    assertNotNull(feedInPieces(text, null, null), text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", " [1, {\"a\": null}] ", "\"just a string\"", "42", "{\"emoji\":\"\uD83D\uDE00\"}", "", "  \n"})
  void oneJsonValueOrNoTextPasses(String text) {
    assertNull(StreamingJsonCheck.check(text, null), text);
    assertNull(feedInPieces(text, null, null), text);
  }

  @Test
  void aSyntaxErrorIsReportedAtTheCharThatBreaksTheValue() {
    StreamingJsonCheck c = new StreamingJsonCheck(null);
    assertNull(c.feed("{\"a\": [1, 2"));
    String v = c.feed(", }");
    assertNotNull(v);
    assertTrue(v.startsWith("not JSON"), v);
    assertEquals(v, c.finish(), "the first violation stays reported");
  }
}
