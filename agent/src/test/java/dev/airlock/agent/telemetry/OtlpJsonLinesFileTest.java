package dev.airlock.agent.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtlpJsonLinesFileTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** The line buffer is reused: a short line after a long one must not carry the long one's tail. */
  @Test
  void everyExportIsOneWholeLineWhateverCameBefore() throws Exception {
    Path path = dir.resolve("telemetry.jsonl");
    try (OtlpJsonLinesFile file = OtlpJsonLinesFile.open(path)) {
      SdkTracerProvider provider = SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(new OtlpJsonFileSpanExporter(file)))
          .build();
      Tracer tracer = provider.get("test");
      tracer.spanBuilder("long " + "x".repeat(100_000)).startSpan().end();
      tracer.spanBuilder("short").startSpan().end();
      tracer.spanBuilder("huge " + "y".repeat(OtlpJsonLinesFile.MAX_RETAINED_BYTES)).startSpan().end();
      tracer.spanBuilder("after").startSpan().end();
      provider.shutdown().join(5, java.util.concurrent.TimeUnit.SECONDS);
    }
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      JsonNode request = JSON.readTree(line);
      names.add(request.at("/resourceSpans/0/scopeSpans/0/spans/0/name").asText());
    }
    assertEquals(4, names.size());
    assertEquals("long " + "x".repeat(100_000), names.get(0));
    assertEquals("short", names.get(1));
    assertTrue(names.get(2).startsWith("huge "));
    assertEquals(5 + OtlpJsonLinesFile.MAX_RETAINED_BYTES, names.get(2).length());
    assertEquals("after", names.get(3));
  }
}
