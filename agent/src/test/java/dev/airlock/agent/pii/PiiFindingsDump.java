package dev.airlock.agent.pii;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every finding of the scanner on both evaluation corpora to a file, so that a change
 * meant to make the scanner faster can be shown to leave its findings byte-identical: dump before,
 * dump after, {@code diff}.
 *
 * <p>Each text of {@code pii/pii-dev.jsonl} and {@code injection/injection-dev.jsonl} ({@link
 * ScanCorpus}) is scanned on its own and, to cover text that runs across lines, each corpus is
 * scanned whole too. Three views are written: the final findings with every built-in type enabled
 * (type, start, end, confidence, detail), the same at minimum confidence 0 (so that a confidence
 * change below the threshold shows too), and every candidate of each built-in detector before
 * overlap resolution. Not a test: run by hand,
 *
 * <pre>
 * java -cp target/test-classes:target/classes:src/test/resources:$(cat target/test.cp) \
 *     dev.airlock.agent.pii.PiiFindingsDump target/findings.txt
 * </pre>
 */
public final class PiiFindingsDump {

  private PiiFindingsDump() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PiiFindingsDump OUTPUT_FILE");
    }
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(args[0]),
        StandardCharsets.UTF_8))) {
      write(out);
    }
  }

  static void write(PrintWriter out) {
    PiiScanner all = PiiScanner.builder().enable(PiiTypes.builtIn()).build();
    PiiScanner everyConfidence =
        PiiScanner.builder().enable(PiiTypes.builtIn()).minConfidence(0.0).build();
    List<String> texts = new ArrayList<>();
    for (String corpus : new String[] {"pii-dense", "prompts"}) {
      texts.addAll(ScanCorpus.rows(corpus));
      texts.add(ScanCorpus.text(corpus));
    }
    for (int t = 0; t < texts.size(); t++) {
      String text = texts.get(t);
      for (Detection d : all.scan(text)) {
        out.println(t + " final " + d);
      }
      for (Detection d : everyConfidence.scan(text)) {
        out.println(t + " min0 " + d);
      }
      for (String type : PiiTypes.builtIn()) {
        List<Detection> candidates = new ArrayList<>();
        BuiltInDetectors.forType(type).detect(text, candidates);
        for (Detection d : candidates) {
          out.println(t + " candidate " + d);
        }
      }
    }
  }
}
