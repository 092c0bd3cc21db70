package dev.airlock.agent.telemetry;

import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/** Writes each batch of spans as one OTLP JSON line. */
final class OtlpJsonFileSpanExporter implements SpanExporter {

  private final OtlpJsonLinesFile file;

  OtlpJsonFileSpanExporter(OtlpJsonLinesFile file) {
    this.file = file;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return spans.isEmpty() ? CompletableResultCode.ofSuccess() : file.export(TraceRequestMarshaler.create(spans), "spans");
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
