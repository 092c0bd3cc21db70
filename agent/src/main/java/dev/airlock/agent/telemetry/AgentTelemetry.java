package dev.airlock.agent.telemetry;

import dev.airlock.agent.AgentLog;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent's own OpenTelemetry SDK, separate from (and relocated away from) any the application
 * has. Exporters follow the standard {@code OTEL_*} settings; on top of them, and needing no
 * collector, an OTLP JSON lines file when {@code AIRLOCK_TELEMETRY_FILE} or {@code telemetry=} is
 * given. Without either nothing is exported, and nothing tries to reach a collector that is not there.
 */
public final class AgentTelemetry implements AutoCloseable {

  private static final Duration SPAN_EXPORT_DELAY = Duration.ofMillis(500);
  private static final Duration METRIC_EXPORT_INTERVAL = Duration.ofSeconds(10);

  private final OpenTelemetrySdk sdk;
  private final OtlpJsonLinesFile file;

  private AgentTelemetry(OpenTelemetrySdk sdk, OtlpJsonLinesFile file) {
    this.sdk = sdk;
    this.file = file;
  }

  /**
   * Starts the SDK.
   *
   * @param telemetryFile the OTLP JSON lines file, or null
   * @param env the process environment (for deciding whether OTLP export was asked for)
   */
  public static AgentTelemetry start(String telemetryFile, Map<String, String> env) throws IOException {
    OtlpJsonLinesFile file = telemetryFile == null ? null : OtlpJsonLinesFile.open(Path.of(telemetryFile));
    Map<String, String> defaults = new HashMap<>();
    boolean otlpAsked = isSet(env, "OTEL_EXPORTER_OTLP_ENDPOINT")
        || isSet(env, "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")
        || System.getProperty("otel.exporter.otlp.endpoint") != null;
    if (!otlpAsked) {
      // The SDK's own default is an OTLP exporter to localhost:4317; an agent that only writes a
      // file (or nothing) must not log connection errors to a collector nobody runs.
      defaults.put("otel.traces.exporter", "none");
      defaults.put("otel.metrics.exporter", "none");
    }
    defaults.put("otel.logs.exporter", "none");
    defaults.put("otel.service.name", serviceName());
    OpenTelemetrySdk sdk = AutoConfiguredOpenTelemetrySdk.builder()
        .disableShutdownHook()
        .addPropertiesSupplier(() -> defaults)
        .addTracerProviderCustomizer((tracerProvider, config) -> file == null
            ? tracerProvider
            : tracerProvider.addSpanProcessor(BatchSpanProcessor.builder(new OtlpJsonFileSpanExporter(file))
                .setScheduleDelay(SPAN_EXPORT_DELAY)
                .build()))
        .addMeterProviderCustomizer((meterProvider, config) -> file == null
            ? meterProvider
            : meterProvider.registerMetricReader(PeriodicMetricReader.builder(new OtlpJsonFileMetricExporter(file))
                .setInterval(METRIC_EXPORT_INTERVAL)
                .build()))
        .build()
        .getOpenTelemetrySdk();
    return new AgentTelemetry(sdk, file);
  }

  private static boolean isSet(Map<String, String> env, String name) {
    String v = env.get(name);
    return v != null && !v.isBlank();
  }

  /** The service name the application would report: OTEL_SERVICE_NAME, else its main class or jar. */
  private static String serviceName() {
    String command = System.getProperty("sun.java.command");
    if (command == null || command.isBlank()) {
      return "unknown_service:java";
    }
    String main = command.split(" ", 2)[0];
    int slash = Math.max(main.lastIndexOf('/'), main.lastIndexOf('\\'));
    return slash >= 0 ? main.substring(slash + 1) : main;
  }

  public OpenTelemetry openTelemetry() {
    return sdk;
  }

  /** Flushes and stops exporting; called from the JVM shutdown hook. */
  @Override
  public void close() {
    try {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      AgentLog.debug("telemetry shutdown failed", e);
    }
    if (file != null) {
      try {
        file.close();
      } catch (IOException e) {
        AgentLog.debug("closing the telemetry file failed", e);
      }
    }
  }
}
