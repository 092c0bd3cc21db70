package dev.airlock.agent.telemetry;

import dev.airlock.agent.AgentLog;
import io.opentelemetry.exporter.internal.marshal.Marshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An append-only file of OTLP JSON lines: one {@code ExportTraceServiceRequest} or
 * {@code ExportMetricsServiceRequest} per line, the format the OpenTelemetry Collector's
 * {@code otlpjsonfile} receiver reads. Traces and metrics share one file, so writes are
 * serialized line by line.
 */
final class OtlpJsonLinesFile implements AutoCloseable {

  private final Path path;
  private final OutputStream out;

  private OtlpJsonLinesFile(Path path, OutputStream out) {
    this.path = path;
    this.out = out;
  }

  static OtlpJsonLinesFile open(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    OutputStream out =
        Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    return new OtlpJsonLinesFile(path, out);
  }

  /** Writes one request as one line; a line is never interleaved with another. */
  void writeLine(Marshaler request) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
    request.writeJsonTo(line);
    line.write('\n');
    synchronized (this) {
      line.writeTo(out);
      out.flush();
    }
  }

  Path path() {
    return path;
  }

  /** Writes one export as a line; a failure is reported once per export and never thrown. */
  CompletableResultCode export(Marshaler request, String what) {
    try {
      writeLine(request);
      return CompletableResultCode.ofSuccess();
    } catch (IOException | RuntimeException e) {
      AgentLog.warn("could not write " + what + " to " + path + ": " + e);
      return CompletableResultCode.ofFailure();
    }
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }
}
