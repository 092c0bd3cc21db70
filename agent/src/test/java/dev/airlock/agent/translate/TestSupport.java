package dev.airlock.agent.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.SseParser;
import dev.airlock.agent.codec.StreamAccumulator;
import dev.airlock.agent.codec.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Fixtures, SSE replay and golden-file comparison for the translation tests.
 *
 * <p>Golden files live under {@code src/test/resources/translate/golden/}. To regenerate them after
 * an intended change, run the tests with {@code -Dairlock.golden.write=<absolute path of that
 * directory>}: actual outputs are then written there instead of compared; review the diff before
 * keeping it.
 */
final class TestSupport {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TestSupport() {}

  /** A classpath resource, e.g. {@code translate/requests/openai-chat.json} or {@code payloads/anthropic/messages-stream.sse}. */
  static byte[] resource(String path) {
    try (InputStream in = TestSupport.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + path);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String string(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + string(body), e);
    }
  }

  static JsonNode json(String text) {
    return json(utf8(text));
  }

  /** One SSE event as the parser frames it. */
  static final class Event {
    final String name;
    final String data;

    Event(String name, String data) {
      this.name = name;
      this.data = data;
    }

    JsonNode json() {
      return TestSupport.json(data);
    }

    @Override
    public String toString() {
      return (name != null ? "event: " + name + " " : "") + "data: " + data;
    }
  }

  /** The events with data of an SSE byte stream, framed by the codec's parser (fed byte by byte, the hardest case). */
  static List<Event> events(byte[] sse) {
    List<Event> out = new ArrayList<>();
    SseParser parser = new SseParser((name, data, raw) -> {
      if (data != null) {
        out.add(new Event(name, data));
      }
    }, 1 << 20);
    for (int i = 0; i < sse.length; i++) {
      parser.feed(sse, i, 1);
    }
    parser.finish();
    return out;
  }

  /** Feeds a target stream through a translator event by event, as the agent will, and returns the application's bytes. */
  static byte[] translate(StreamTranslator t, byte[] targetSse) {
    return translate(t, events(targetSse), true);
  }

  static byte[] translate(StreamTranslator t, List<Event> targetEvents, boolean finish) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Event e : targetEvents) {
      byte[] b = t.onEvent(e.name, e.data);
      if (b == null) {
        fail("onEvent returned null");
      }
      assertCompleteEvents(b);
      out.writeBytes(b);
    }
    if (finish) {
      byte[] tail = t.finish();
      assertCompleteEvents(tail);
      out.writeBytes(tail);
    }
    return out.toByteArray();
  }

  /** Each returned piece must be whole events: empty, or ending in a blank line. */
  private static void assertCompleteEvents(byte[] b) {
    if (b.length == 0) {
      return;
    }
    String s = string(b);
    if (!s.endsWith("\n\n") && !s.endsWith("\r\n\r\n")) {
      fail("translator returned a partial event: " + s);
    }
  }

  /** The codec's view of a stream of the application's format, exactly as Airlock would record it. */
  static StreamAccumulator accumulate(Endpoint endpoint, byte[] sse) {
    StreamAccumulator acc = new StreamAccumulator(endpoint);
    for (Event e : events(sse)) {
      acc.onEvent(e.name, e.data);
    }
    return acc;
  }

  /** A golden file's tree; or, when regenerating, writes {@code actual} as the golden file. */
  static void assertGolden(String name, JsonNode actual) {
    JsonNode normalized = json(string(bytes(actual)));
    String dir = System.getProperty("airlock.golden.write");
    if (dir != null && !dir.isEmpty()) {
      try {
        Path p = Paths.get(dir, name);
        Files.createDirectories(p.getParent());
        Files.write(p, (PRETTY.writeValueAsString(normalized) + "\n").getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    JsonNode expected = json(resource("translate/golden/" + name));
    assertEquals(pretty(expected), pretty(normalized), "golden " + name);
  }

  static byte[] bytes(JsonNode n) {
    try {
      return JSON.writeValueAsBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String pretty(JsonNode n) {
    try {
      return PRETTY.writeValueAsString(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Replaces values that differ per call (synthesized ids, {@code created}) with placeholders, so
   * answers can be compared with golden files.
   */
  static JsonNode masked(JsonNode node) {
    JsonNode copy = node.deepCopy();
    mask(copy);
    return copy;
  }

  private static void mask(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = (ObjectNode) n;
      for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String k = e.getKey();
        JsonNode v = e.getValue();
        if ("created".equals(k) && v.isNumber()) {
          e.setValue(JSON.getNodeFactory().textNode("<created>"));
        } else if (v.isTextual() && isSynthesizedId(v.asText())) {
          e.setValue(JSON.getNodeFactory().textNode(v.asText().replaceAll("(airlock[-_])[A-Za-z0-9]{24}$", "$1<random>")));
        } else {
          mask(v);
        }
      }
    } else if (n.isArray()) {
      n.forEach(TestSupport::mask);
    }
  }

  private static boolean isSynthesizedId(String s) {
    return s.matches(".*airlock[-_][A-Za-z0-9]{24}$");
  }

  static Endpoint appEndpoint(WireFormat f, boolean stream) {
    switch (f) {
      case ANTHROPIC:
        return Endpoint.ANTHROPIC_MESSAGES;
      case GEMINI:
        return stream ? Endpoint.GEMINI_STREAM_GENERATE_CONTENT : Endpoint.GEMINI_GENERATE_CONTENT;
      default:
        return Endpoint.OPENAI_CHAT;
    }
  }

  static String lower(WireFormat f) {
    return f.name().toLowerCase(java.util.Locale.ROOT);
  }
}
