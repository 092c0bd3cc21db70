package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import dev.airlock.agent.pii.PiiTypes;
import dev.airlock.agent.redact.PiiScanners;
import dev.airlock.policy.Policy;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.function.Function;

/**
 * {@code pii scan [--policy POLICY] [--jsonl]}: runs the PII detectors on text from stdin and
 * prints what they find as JSON, so a security team can try them on its own samples, one text or
 * a batch. The detectors are the policy's ({@code pii.detect}, its custom patterns and word lists,
 * its {@code min_confidence}), or every built-in type when no policy (or no {@code pii} section) is
 * given. Values are never printed: type, offsets and confidence only.
 */
final class PiiScanCommand extends StdinTextCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar pii scan [--policy POLICY] [--jsonl] < TEXT",
      "",
      "Reads text on stdin and prints the personal data the detectors find, as JSON:",
      "  {\"findings\":[{\"type\":\"email\",\"start\":10,\"end\":26,\"confidence\":0.95}, ...]}",
      "type is the policy's name for it (built-in ids such as email, iban, secret, or a custom",
      "detector's name); start and end are offsets in characters (Unicode code points, as Python",
      "counts them), end exclusive; values are never printed.",
      "",
      "  --policy POLICY  use the policy's pii section: its types, custom patterns and word lists, and",
      "                   min_confidence (default: every built-in type, min_confidence 0.5)",
      "  --jsonl          read one JSON object per line, {\"text\": \"...\"}, and answer each with one",
      "                   line {\"findings\": [...]} (blank lines are skipped): for batch evaluation",
      "",
      "Exit codes: 0 scanned (findings or not), 1 the policy is invalid, 2 bad usage or input.");

  private static final ObjectMapper JSON = new ObjectMapper();

  PiiScanCommand(InputStream in, PrintStream out, PrintStream err) {
    super("pii", "scan", HELP, in, out, err);
  }

  @Override
  Function<String, String> answerer(Policy policy) {
    PiiScanner scanner = policy != null && policy.pii().isPresent() ? PiiScanners.from(policy.pii().get())
        : PiiScanner.builder().enable(PiiTypes.builtIn()).build();
    return text -> findings(scanner, text);
  }
  /** {@code {"findings":[...]}} for one text, on one line. */
  static String findings(PiiScanner scanner, String text) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("findings");
    for (Detection d : scanner.scan(text)) {
      ObjectNode f = list.addObject();
      f.put("type", d.type());
      f.put("start", TextInput.codePointOffset(text, d.start()));
      f.put("end", TextInput.codePointOffset(text, d.end()));
      f.put("confidence", Math.round(d.confidence() * 1000) / 1000.0);
    }
    return root.toString();
  }
}
