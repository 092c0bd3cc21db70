package dev.airlock.agent.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The audit log's line format: one JSON object per call, snake_case keys, absent facts left out,
 * and last the key {@code prev}, the lower-case hex SHA-256 of the previous line's bytes (without
 * its newline), or of the empty string for a file's first line. The chain makes an edited, removed
 * or inserted line show up at the line after it ({@link AuditChain} checks it).
 */
public final class AuditLine {

  // Before GENESIS, which needs them when the class initializes.
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  /**
   * One digest per thread (the audit writer hashes every line it writes): {@code
   * MessageDigest.getInstance} looks the provider up and creates the engine reflectively, which
   * cost more than hashing a line. {@code digest} resets it for the next use.
   */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  });

  /** {@code prev} of a file's first line: the SHA-256 of the empty string. */
  public static final String GENESIS = sha256Hex(new byte[0]);

  private static final JsonFactory JSON = new JsonFactory();

  private AuditLine() {}

  /** The line for {@code record}, chained to the line whose hash is {@code prev}; no newline. */
  public static String format(AuditRecord record, String prev) {
    StringWriter text = new StringWriter(512);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("ts", DateTimeFormatter.ISO_INSTANT.format(record.timestamp()));
      g.writeStringField("call_id", record.callId());
      stringIfSet(g, "trace_id", record.traceId());
      stringIfSet(g, "span_id", record.spanId());
      g.writeObjectFieldStart("policy");
      stringIfSet(g, "name", record.policyName());
      stringIfSet(g, "version", emptyToNull(record.policyVersion()));
      stringIfSet(g, "sha256", emptyToNull(record.policySha256()));
      g.writeEndObject();
      stringIfSet(g, "tenant", record.tenant());
      stringIfSet(g, "feature", record.feature());
      stringIfSet(g, "user", record.user());
      g.writeObjectFieldStart("app");
      stringIfSet(g, "provider", record.appProvider());
      stringIfSet(g, "model", record.appModel());
      stringIfSet(g, "endpoint", record.endpoint());
      g.writeEndObject();
      if (record.sent()) {
        g.writeObjectFieldStart("sent_to");
        stringIfSet(g, "provider", record.sentProvider());
        stringIfSet(g, "model", record.sentModel());
        stringIfSet(g, "host", record.sentHost());
        stringIfSet(g, "region", record.sentRegion());
        g.writeEndObject();
      }
      stringIfSet(g, "route", record.route());
      g.writeNumberField("attempts", record.attempts());
      g.writeNumberField("fallbacks", record.fallbacks());
      if (!record.piiCounts().isEmpty()) {
        g.writeObjectFieldStart("pii");
        g.writeObjectFieldStart("found");
        for (Map.Entry<String, Integer> e : record.piiCounts().entrySet()) {
          g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeObjectFieldStart("action");
        for (Map.Entry<String, String> e : record.piiActions().entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      if (record.injectionScore() >= 0) {
        g.writeObjectFieldStart("injection");
        g.writeNumberField("score", Math.round(record.injectionScore() * 1000) / 1000.0);
        g.writeBooleanField("flagged", record.injectionFlagged());
        g.writeBooleanField("blocked", record.injectionBlocked());
        g.writeEndObject();
      }
      stringIfSet(g, "blocked_rule", record.blockedRule());
      if (!record.outputTypes().isEmpty() || record.outputJsonProblem() != null) {
        g.writeObjectFieldStart("output");
        if (!record.outputTypes().isEmpty()) {
          g.writeArrayFieldStart("found");
          for (String type : record.outputTypes()) {
            g.writeString(type);
          }
          g.writeEndArray();
        }
        stringIfSet(g, "json_problem", record.outputJsonProblem());
        g.writeEndObject();
      }
      stringIfSet(g, "cache", record.cache());
      if (record.status() > 0) {
        g.writeNumberField("status", record.status());
      }
      stringIfSet(g, "error_type", record.errorType());
      if (record.inputTokens() >= 0) {
        g.writeObjectFieldStart("tokens");
        g.writeNumberField("input", record.inputTokens());
        g.writeNumberField("output", Math.max(0, record.outputTokens()));
        g.writeEndObject();
      }
      if (!Double.isNaN(record.costUsd())) {
        g.writeNumberField("cost_usd", record.costUsd());
      }
      g.writeNumberField("duration_ms", record.durationMs());
      g.writeStringField("prev", prev);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return text.toString();
  }

  /** Lower-case hex SHA-256 of {@code line}'s UTF-8 bytes: the {@code prev} of the line after it. */
  public static String hashOf(String line) {
    return sha256Hex(line.getBytes(StandardCharsets.UTF_8));
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    byte[] digest = SHA_256.get().digest(bytes);
    char[] hex = new char[2 * digest.length];
    for (int i = 0; i < digest.length; i++) {
      hex[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xf];
      hex[2 * i + 1] = HEX_DIGITS[digest[i] & 0xf];
    }
    return new String(hex);
  }

  private static void stringIfSet(JsonGenerator g, String name, String value) throws IOException {
    if (value != null) {
      g.writeStringField(name, value);
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
