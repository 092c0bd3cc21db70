package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import org.junit.jupiter.api.Test;

/** What cannot be expressed in the target's format is refused, with a message naming it. */
class UnsupportedInputTest {

  private static String refused(Endpoint app, String body, WireFormat target) {
    TranslationException e = assertThrows(TranslationException.class,
        () -> Translation.request(app, TestSupport.utf8(body), target, "target-model"));
    return e.getMessage();
  }

  private static String openAi(String extra, String messages) {
    return "{\"model\":\"gpt-4o\",\"messages\":" + messages + (extra.isEmpty() ? "" : "," + extra) + "}";
  }

  private static final String HI = "[{\"role\":\"user\",\"content\":\"Hi\"}]";

  @Test
  void supportsOnlyChatEndpointsAcrossFormats() {
    assertTrue(Translation.supports(Endpoint.OPENAI_CHAT, WireFormat.ANTHROPIC));
    assertTrue(Translation.supports(Endpoint.GEMINI_STREAM_GENERATE_CONTENT, WireFormat.OPENAI));
    assertTrue(Translation.supports(Endpoint.ANTHROPIC_MESSAGES, WireFormat.GEMINI));
    assertFalse(Translation.supports(Endpoint.OPENAI_CHAT, WireFormat.OPENAI), "same format: nothing to translate");
    assertFalse(Translation.supports(Endpoint.OPENAI_RESPONSES, WireFormat.ANTHROPIC));
    assertFalse(Translation.supports(Endpoint.OPENAI_EMBEDDINGS, WireFormat.GEMINI));
    assertFalse(Translation.supports(Endpoint.OPENAI_COMPLETIONS, WireFormat.ANTHROPIC));
    assertFalse(Translation.supports(null, WireFormat.ANTHROPIC));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Translation.request(Endpoint.OPENAI_EMBEDDINGS, TestSupport.utf8("{}"), WireFormat.GEMINI, "m"));
    assertEquals("no translation from OPENAI_EMBEDDINGS to GEMINI", e.getMessage());
  }

  @Test
  void severalChoices() {
    assertEquals("n=2 asks for 2 choices; Anthropic and Gemini targets are translated for exactly one",
        refused(Endpoint.OPENAI_CHAT, openAi("\"n\":2", HI), WireFormat.ANTHROPIC));
    assertTrue(refused(Endpoint.GEMINI_GENERATE_CONTENT,
        "{\"contents\":[{\"parts\":[{\"text\":\"Hi\"}]}],\"generationConfig\":{\"candidateCount\":3}}", WireFormat.OPENAI)
        .startsWith("candidateCount=3"));
  }

  @Test
  void audio() {
    String audioIn = "[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"UklGR\",\"format\":\"wav\"}}]}]";
    assertEquals("content of type audio/wav cannot be sent to Anthropic, which takes JPEG, PNG, GIF and WebP images, PDF and plain text",
        refused(Endpoint.OPENAI_CHAT, openAi("", audioIn), WireFormat.ANTHROPIC));
    // Gemini takes audio inline: that one translates.
    Translation.request(Endpoint.OPENAI_CHAT, TestSupport.utf8(openAi("", audioIn)), WireFormat.GEMINI, "gemini-2.5-flash");
    assertEquals("output modality 'audio' cannot be translated; only text can",
        refused(Endpoint.OPENAI_CHAT, openAi("\"modalities\":[\"text\",\"audio\"]", HI), WireFormat.GEMINI));
  }

  @Test
  void remoteImageUrlsForGemini() {
    String url = "[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/cat.png\"}}]}]";
    assertEquals("the remote URL https://example.com/cat.png cannot be sent to Gemini, which takes inline data or files"
            + " uploaded to Google; send the image inline (base64) instead",
        refused(Endpoint.OPENAI_CHAT, openAi("", url), WireFormat.GEMINI));
    // Anthropic fetches URLs itself.
    Translation.request(Endpoint.OPENAI_CHAT, TestSupport.utf8(openAi("", url)), WireFormat.ANTHROPIC, "claude-sonnet-4-5");
    // And a Gemini file URI is only readable by Gemini.
    assertTrue(refused(Endpoint.GEMINI_GENERATE_CONTENT, "{\"contents\":[{\"parts\":[{\"fileData\":{\"mimeType\":\"image/png\","
        + "\"fileUri\":\"https://generativelanguage.googleapis.com/v1beta/files/abc\"}}]}]}", WireFormat.ANTHROPIC)
        .contains("is stored with Google"));
  }

  @Test
  void legacyAndHostedTools() {
    assertTrue(refused(Endpoint.OPENAI_CHAT, openAi("\"functions\":[{\"name\":\"f\"}]", HI), WireFormat.ANTHROPIC).contains("legacy 'functions'"));
    assertEquals("OpenAI tool of type 'custom' cannot be translated; only function tools can",
        refused(Endpoint.OPENAI_CHAT, openAi("\"tools\":[{\"type\":\"custom\",\"custom\":{\"name\":\"x\"}}]", HI), WireFormat.GEMINI));
    assertTrue(refused(Endpoint.ANTHROPIC_MESSAGES, "{\"model\":\"c\",\"max_tokens\":10,\"messages\":" + HI
        + ",\"tools\":[{\"type\":\"web_search_20250305\",\"name\":\"web_search\"}]}", WireFormat.OPENAI)
        .startsWith("Anthropic server tool 'web_search_20250305' cannot be translated"));
    assertEquals("Gemini tool 'googleSearch' cannot be translated; only functionDeclarations can",
        refused(Endpoint.GEMINI_GENERATE_CONTENT, "{\"contents\":[{\"parts\":[{\"text\":\"Hi\"}]}],\"tools\":[{\"googleSearch\":{}}]}", WireFormat.OPENAI));
  }

  @Test
  void logprobsAndUploadedFiles() {
    assertEquals("logprobs cannot be translated: the target's answer would have none",
        refused(Endpoint.OPENAI_CHAT, openAi("\"logprobs\":true", HI), WireFormat.GEMINI));
    assertTrue(refused(Endpoint.OPENAI_CHAT, openAi("", "[{\"role\":\"user\",\"content\":[{\"type\":\"file\",\"file\":{\"file_id\":\"file-abc\"}}]}]"),
        WireFormat.ANTHROPIC).contains("uploaded file (file_id)"));
  }

  @Test
  void aToolResultGeminiCannotName() {
    String orphan = "[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"tool\",\"tool_call_id\":\"call_x\",\"content\":\"42\"}]";
    assertEquals("the result of tool call 'call_x' names no function and no earlier tool call has that id;"
            + " Gemini matches results by function name",
        refused(Endpoint.OPENAI_CHAT, openAi("", orphan), WireFormat.GEMINI));
  }

  @Test
  void recursiveSchemaForGemini() {
    String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"tree\",\"parameters\":{\"$ref\":\"#/$defs/Node\","
        + "\"$defs\":{\"Node\":{\"type\":\"object\",\"properties\":{\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/$defs/Node\"}}}}}}}}]";
    assertTrue(refused(Endpoint.OPENAI_CHAT, openAi(tools, HI), WireFormat.GEMINI)
        .startsWith("the parameter schema of tool 'tree' is recursive"));
  }

  @Test
  void malformedBodies() {
    assertTrue(refused(Endpoint.OPENAI_CHAT, "{\"model\":", WireFormat.ANTHROPIC).startsWith("OpenAI chat completions request is not valid JSON"));
    assertEquals("OpenAI chat completions request is not a JSON object", refused(Endpoint.OPENAI_CHAT, "[1]", WireFormat.ANTHROPIC));
    assertEquals("OpenAI chat request without a 'messages' array", refused(Endpoint.OPENAI_CHAT, "{\"model\":\"x\"}", WireFormat.ANTHROPIC));
    assertTrue(refused(Endpoint.OPENAI_CHAT, openAi("", "[{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\","
        + "\"function\":{\"name\":\"f\",\"arguments\":\"not json\"}}]}]"), WireFormat.ANTHROPIC)
        .startsWith("the arguments of tool call 'c' (f) are not a JSON object"));
  }

  @Test
  void geminiOnlyFeatures() {
    assertEquals("Gemini cachedContent cannot be translated: the cache lives with Gemini",
        refused(Endpoint.GEMINI_GENERATE_CONTENT, "{\"cachedContent\":\"cachedContents/x\",\"contents\":[]}", WireFormat.OPENAI));
    assertEquals("response modality IMAGE cannot be translated; only TEXT can",
        refused(Endpoint.GEMINI_GENERATE_CONTENT, "{\"contents\":[{\"parts\":[{\"text\":\"Draw\"}]}],"
            + "\"generationConfig\":{\"responseModalities\":[\"TEXT\",\"IMAGE\"]}}", WireFormat.OPENAI));
    assertTrue(refused(Endpoint.GEMINI_GENERATE_CONTENT, "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"functionResponse\":"
        + "{\"name\":\"f\",\"response\":{}}}]}]}", WireFormat.ANTHROPIC).contains("answers no earlier functionCall"));
  }
}
