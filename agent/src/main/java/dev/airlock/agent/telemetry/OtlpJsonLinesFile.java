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

  /** The line buffer starts at this size and keeps what it grew to, up to {@link #MAX_RETAINED_BYTES}. */
  private static final int INITIAL_LINE_BYTES = 64 * 1024;
  /** A line larger than this (a rare huge batch) leaves no buffer of its size behind. */
  static final int MAX_RETAINED_BYTES = 4 * 1024 * 1024;

  private final Path path;
  private final OutputStream out;
  /**
   * The line being written, reused from line to line under the lock. A batch of 512 spans is a
   * line of several hundred KB: a fresh buffer per export grew to that size by doubling and copied
   * it over and over (about 10 KB allocated per LLM call under the load harness's example policy).
   */
  private ByteArrayOutputStream line = new ByteArrayOutputStream(INITIAL_LINE_BYTES);

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

  /**
   * Writes one request as one line; a line is never interleaved with another. The whole line is
   * serialized before any of it is written, so a request that fails to serialize leaves nothing in
   * the file. Only the exporters' background threads call this, so serializing under the lock
   * makes no application thread wait.
   */
  synchronized void writeLine(Marshaler request) throws IOException {
    line.reset();
    try {
      request.writeJsonTo(line);
      line.write('\n');
      line.writeTo(out);
      out.flush();
    } finally {
      if (line.size() > MAX_RETAINED_BYTES) {
        line = new ByteArrayOutputStream(INITIAL_LINE_BYTES);
      }
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
