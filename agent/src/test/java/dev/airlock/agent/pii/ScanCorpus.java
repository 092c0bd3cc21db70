package dev.airlock.agent.pii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Realistic text for throughput measurements, built from the repository's evaluation sets so that
 * the numbers are reproducible and the text was written by people, not by the benchmark:
 *
 * <ul>
 *   <li>{@code prompts}: the 640 texts of {@code injection/injection-dev.jsonl} (chat prompts,
 *       documents, HTML and code fragments; almost no personal data), one per line, ~200 KB;
 *   <li>{@code pii-dense}: the 1,461 texts of {@code pii/pii-dev.jsonl} (short texts that are
 *       mostly identifiers, numbers and addresses: the worst case for the detectors, which do
 *       their expensive work only on candidates), one per line, ~60 KB;
 *   <li>{@code mixed}: both, interleaved line by line.
 * </ul>
 *
 * <p>Each text is built once per JVM and cached.
 */
final class ScanCorpus {

  /** The corpus names, for JMH's {@code @Param} and the report. */
  static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList("prompts", "pii-dense", "mixed"));

  /** The structured types of the targets (the example policy's {@code pii.detect}). */
  static final List<String> STRUCTURED = Collections.unmodifiableList(Arrays.asList(
      PiiTypes.EMAIL, PiiTypes.PHONE, PiiTypes.CREDIT_CARD, PiiTypes.IBAN, PiiTypes.US_SSN,
      PiiTypes.IP_ADDRESS, PiiTypes.SECRET));

  private static volatile List<String> prompts;
  private static volatile List<String> piiTexts;

  private ScanCorpus() {}

  /** The named corpus as one string, lines separated by {@code \n}. */
  static String text(String name) {
    switch (name) {
      case "prompts":
        return String.join("\n", prompts());
      case "pii-dense":
        return String.join("\n", piiTexts());
      case "mixed":
        StringBuilder b = new StringBuilder();
        List<String> a = prompts();
        List<String> p = piiTexts();
        for (int i = 0; i < Math.max(a.size(), p.size()); i++) {
          if (i < a.size()) {
            b.append(a.get(i)).append('\n');
          }
          if (i < p.size()) {
            b.append(p.get(i)).append('\n');
          }
        }
        return b.toString();
      default:
        throw new IllegalArgumentException("corpus: " + name + " (one of " + NAMES + ")");
    }
  }

  /** The texts of {@code prompts} or {@code pii-dense}, one per evaluation row, in file order. */
  static List<String> rows(String name) {
    switch (name) {
      case "prompts":
        return prompts();
      case "pii-dense":
        return piiTexts();
      default:
        throw new IllegalArgumentException("corpus with rows: " + name + " (prompts or pii-dense)");
    }
  }

  /** The scanner of a detector set: {@code structured} (see {@link #STRUCTURED}) or {@code all}. */
  static PiiScanner scanner(String detectors) {
    switch (detectors) {
      case "structured":
        return PiiScanner.builder().enable(STRUCTURED).build();
      case "all":
        return PiiScanner.builder().enable(PiiTypes.builtIn()).build();
      default:
        throw new IllegalArgumentException("detectors: " + detectors + " (structured or all)");
    }
  }

  private static List<String> prompts() {
    if (prompts == null) {
      prompts = texts("/injection/injection-dev.jsonl");
    }
    return prompts;
  }

  private static List<String> piiTexts() {
    if (piiTexts == null) {
      piiTexts = texts(PiiEvaluation.RESOURCE);
    }
    return piiTexts;
  }

  private static List<String> texts(String resource) {
    ObjectMapper json = new ObjectMapper();
    InputStream in = ScanCorpus.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + resource);
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      java.util.ArrayList<String> out = new java.util.ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (!line.trim().isEmpty()) {
          JsonNode node = json.readTree(line);
          out.add(node.get("text").asText());
        }
      }
      return Collections.unmodifiableList(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
