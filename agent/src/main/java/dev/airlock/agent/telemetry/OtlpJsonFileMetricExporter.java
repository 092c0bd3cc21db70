package dev.airlock.agent.telemetry;

import io.opentelemetry.exporter.internal.otlp.metrics.MetricsRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.Collection;

/** Writes each collection of metrics as one OTLP JSON line, with cumulative temporality. */
final class OtlpJsonFileMetricExporter implements MetricExporter {

  private final OtlpJsonLinesFile file;

  OtlpJsonFileMetricExporter(OtlpJsonLinesFile file) {
    this.file = file;
  }

  @Override
  public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
    return AggregationTemporality.CUMULATIVE;
  }

  @Override
  public CompletableResultCode export(Collection<MetricData> metrics) {
    return metrics.isEmpty() ? CompletableResultCode.ofSuccess()
        : file.export(MetricsRequestMarshaler.create(metrics), "metrics");
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
