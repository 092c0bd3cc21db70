package dev.airlock.agent.telemetry;

import dev.airlock.agent.AgentLog;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.io.IOException;
import java.util.Collection;

/** Writes each batch of spans as one OTLP JSON line. */
final class OtlpJsonFileSpanExporter implements SpanExporter {

  private final OtlpJsonLinesFile file;

  OtlpJsonFileSpanExporter(OtlpJsonLinesFile file) {
    this.file = file;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (spans.isEmpty()) {
      return CompletableResultCode.ofSuccess();
    }
    try {
      file.writeLine(TraceRequestMarshaler.create(spans));
      return CompletableResultCode.ofSuccess();
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("could not write spans to " + file.path() + ": " + e);
      return CompletableResultCode.ofFailure();
    }
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
