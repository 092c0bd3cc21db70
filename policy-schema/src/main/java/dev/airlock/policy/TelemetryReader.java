package dev.airlock.policy;

import java.util.Collections;
import java.util.List;

/**
 * Reads {@code telemetry:}: one optional boolean, {@code capture_content}. An empty section
 * ({@code telemetry:} or {@code telemetry: {}}) asks for nothing and leaves capture off.
 */
final class TelemetryReader {

  static final List<String> KEYS = Collections.singletonList("capture_content");

  private final Expect expect;

  TelemetryReader(Expect expect) {
    this.expect = expect;
  }

  /** Whether prompts and answers go into spans (redacted); null after reporting a problem. */
  Boolean captureContent(PolicyNode node) {
    if (node instanceof ScalarNode && ((ScalarNode) node).isNull()) {
      return Boolean.FALSE;
    }
    MappingNode telemetry = expect.mapping(node);
    if (telemetry == null) {
      return null;
    }
    expect.onlyKeys(telemetry, KEYS);
    PolicyNode capture = telemetry.get("capture_content");
    return capture == null ? Boolean.FALSE : expect.bool(capture);
  }
}
