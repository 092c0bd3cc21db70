package dev.airlock.agent.pii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A synthetic, labelled set for the {@code secret} type, which the development set (Presidio's
 * test cases) does not cover: keys of every documented format with random bodies, credentials
 * assigned to names, and look-alikes that are not secrets (UUIDs, commit hashes, checksums,
 * placeholders, identifiers, long hyphenated words), each in a few sentence and config layouts.
 *
 * <p>What it measures is coverage of the formats and layouts the detectors claim, not precision
 * on real traffic: the texts are generated, from a fixed seed so the numbers are reproducible.
 * Scored like {@link PiiEvaluation}: per kind, strict (exact span) and lenient (overlap).
 */
final class SecretEvaluation {

  private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String URLSAFE = BASE62 + "-_";
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String HEX = "0123456789abcdef";
  private static final int SAMPLES = 40;

  /** A generated row: the text and the gold span (start = -1 for a look-alike). */
  static final class Row {
    final String kind;
    final String text;
    final int start;
    final int end;

    Row(String kind, String text, int start, int end) {
      this.kind = kind;
      this.text = text;
      this.start = start;
      this.end = end;
    }
  }

  private SecretEvaluation() {}

  /** The rows, the same on every call. */
  static List<Row> rows() {
    Random r = new Random(20261122L);
    List<Row> rows = new ArrayList<>();
    String[] keyLayouts = {
      "Here is the key: %s, please keep it safe.",
      "export SERVICE_CREDENTIAL=%s",
      "{\"client\": {\"credential\": \"%s\"}}",
      "%s",
      "I pasted it below\n\n%s\n\nthanks",
    };
    positive(rows, r, "openai_key", keyLayouts,
        x -> "sk-proj-" + rand(x, BASE62, 74) + "T3BlbkFJ" + rand(x, BASE62, 74));
    positive(rows, r, "openai_key_legacy", keyLayouts, x -> "sk-" + rand(x, BASE62, 48));
    positive(rows, r, "anthropic_key", keyLayouts,
        x -> "sk-ant-api03-" + rand(x, URLSAFE, 93) + "AA");
    positive(rows, r, "aws_access_key_id", keyLayouts, x -> "AKIA" + rand(x, BASE32, 16));
    positive(rows, r, "github_token", keyLayouts, x -> "ghp_" + rand(x, BASE62, 36));
    positive(rows, r, "gitlab_token", keyLayouts, x -> "glpat-" + rand(x, URLSAFE, 20));
    positive(rows, r, "slack_token", keyLayouts,
        x -> "xoxb-" + rand(x, "0123456789", 12) + "-" + rand(x, "0123456789", 13) + "-" + rand(x, BASE62, 24));
    positive(rows, r, "stripe_key", keyLayouts, x -> "sk_live_" + rand(x, BASE62, 24));
    positive(rows, r, "google_api_key", keyLayouts, x -> "AIza" + rand(x, URLSAFE, 35));
    positive(rows, r, "jwt", keyLayouts, SecretEvaluation::jwt);
    positive(rows, r, "private_key", new String[] {"%s", "key:\n%s\nend of paste"},
        x -> "-----BEGIN RSA PRIVATE KEY-----\n" + rand(x, BASE62 + "+/", 64) + "\n"
            + rand(x, BASE62 + "+/", 64) + "\n" + rand(x, BASE62 + "+/", 20) + "==\n-----END RSA PRIVATE KEY-----");
    positive(rows, r, "password", new String[] {
        "password: %s", "DB_PASSWORD=%s", "{\"password\": \"%s\"}", "my password is %s, don't share it"},
        x -> rand(x, BASE62, 6) + "!" + rand(x, "#$%&*", 1) + rand(x, BASE62, 5));
    positive(rows, r, "api_key_assignment", new String[] {
        "api_key = \"%s\"", "X-Api-Key: %s", "access_token=%s&scope=read"}, x -> rand(x, HEX, 32));
    positive(rows, r, "bearer", new String[] {"Authorization: Bearer %s", "curl -H 'Authorization: Bearer %s'"},
        x -> rand(x, BASE62, 40));
    positive(rows, r, "random_token_near_word", new String[] {
        "the signing secret for the webhook is below:\n%s", "auth token %s"}, x -> rand(x, BASE62, 32));

    negative(rows, r, "uuid", new String[] {"request id %s failed", "%s"}, x -> uuid(x));
    negative(rows, r, "commit_sha", new String[] {"fixed in commit %s", "git checkout %s"}, x -> rand(x, HEX, 40));
    negative(rows, r, "sha256", new String[] {"sha256: %s", "checksum %s"}, x -> rand(x, HEX, 64));
    negative(rows, r, "placeholder", new String[] {"password: %s", "api_key: %s", "OPENAI_API_KEY=%s"},
        x -> pick(x, "********", "<your-password>", "${env:OPENAI_KEY}", "YOUR_API_KEY", "changeit", "xxxxxxxx"));
    negative(rows, r, "config_number", new String[] {"max_tokens: %s", "token_limit=%s"},
        x -> Integer.toString(256 + x.nextInt(100000)));
    negative(rows, r, "identifier", new String[] {"see %s for details", "class %s extends Base"},
        x -> pick(x, "AbstractSingletonProxyFactoryBean", "LangChain4jSampleApplication", "MAX_RETRY_COUNT_FOR_UPLOADS",
            "btn-primary-lg-outline-secondary", "task-oriented-dialogue-systems"));
    negative(rows, r, "hyphenated_sk", new String[] {"use %s for that", "%s"},
        x -> pick(x, "sk-learn-compatible-estimators", "sk-interview-preparation-notes", "sk-" + rand(x, "abcdefghijklmnopqrstuvwxyz-", 24)));
    negative(rows, r, "path", new String[] {"installed to %s", "PWD=%s"},
        x -> "/usr/local/lib/python3." + x.nextInt(13) + "/site-packages/" + rand(x, "abcdefghij", 8));
    negative(rows, r, "url", new String[] {"open %s in a browser"},
        x -> "https://example.com/products/" + x.nextInt(99999) + "?ref=newsletter&utm_source=mail");
    return rows;
  }

  private static void positive(List<Row> rows, Random r, String kind, String[] layouts, Function<Random, String> value) {
    for (int i = 0; i < SAMPLES; i++) {
      String v = value.apply(r);
      String layout = layouts[i % layouts.length];
      int at = layout.indexOf("%s");
      String text = layout.substring(0, at) + v + layout.substring(at + 2);
      rows.add(new Row(kind, text, at, at + v.length()));
    }
  }

  private static void negative(List<Row> rows, Random r, String kind, String[] layouts, Function<Random, String> value) {
    for (int i = 0; i < SAMPLES; i++) {
      String layout = layouts[i % layouts.length];
      rows.add(new Row("not:" + kind, layout.replace("%s", value.apply(r)), -1, -1));
    }
  }

  private static String rand(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String pick(Random r, String... options) {
    return options[r.nextInt(options.length)];
  }

  private static String uuid(Random r) {
    return rand(r, HEX, 8) + "-" + rand(r, HEX, 4) + "-4" + rand(r, HEX, 3) + "-a" + rand(r, HEX, 3) + "-" + rand(r, HEX, 12);
  }

  private static String jwt(Random r) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String payload = b64.encodeToString(("{\"sub\":\"" + r.nextInt(1_000_000) + "\",\"name\":\"" + rand(r, BASE62, 8)
        + "\",\"iat\":" + (1_700_000_000 + r.nextInt(10_000_000)) + "}").getBytes(StandardCharsets.UTF_8));
    return header + "." + payload + "." + rand(r, URLSAFE, 43);
  }

  /** Per kind: {tp, fp, fn} strict, then lenient, for the secret detections of {@code scanner}. */
  static Map<String, int[]> evaluate(List<Row> rows, PiiScanner scanner) {
    Map<String, int[]> byKind = new TreeMap<>();
    for (Row row : rows) {
      int[] c = byKind.computeIfAbsent(row.kind, k -> new int[6]);
      boolean strict = false;
      boolean lenient = false;
      int extraStrict = 0;
      int extraLenient = 0;
      for (Detection d : scanner.scan(row.text)) {
        if (!d.type().equals(PiiTypes.SECRET)) {
          continue;
        }
        boolean exact = d.start() == row.start && d.end() == row.end;
        boolean overlap = row.start >= 0 && d.start() < row.end && row.start < d.end();
        if (exact && !strict) {
          strict = true;
        } else {
          extraStrict++;
        }
        if (overlap && !lenient) {
          lenient = true;
        } else {
          extraLenient++;
        }
      }
      if (row.start >= 0) {
        c[strict ? 0 : 2]++;
        c[lenient ? 3 : 5]++;
      }
      c[1] += extraStrict;
      c[4] += extraLenient;
    }
    return byKind;
  }

  /** The table of {@link #evaluate}, with a total line. */
  static String table(Map<String, int[]> byKind) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-28s | %-26s | %-26s%n", "secret kind (synthetic)", "strict (exact span)",
        "lenient (overlap)"));
    b.append(String.format(Locale.ROOT, "%-28s | %4s %4s %4s %5s %5s | %4s %4s %4s %5s %5s%n", "", "tp", "fp", "fn",
        "P", "R", "tp", "fp", "fn", "P", "R"));
    int[] all = new int[6];
    for (Map.Entry<String, int[]> e : byKind.entrySet()) {
      b.append(line(e.getKey(), e.getValue()));
      for (int i = 0; i < 6; i++) {
        all[i] += e.getValue()[i];
      }
    }
    b.append(line("all", all));
    return b.toString();
  }

  /** Strict precision and recall over every kind. */
  static double[] strictTotals(Map<String, int[]> byKind) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int[] c : byKind.values()) {
      tp += c[0];
      fp += c[1];
      fn += c[2];
    }
    return new double[] {ratio(tp, tp + fp), ratio(tp, tp + fn)};
  }

  private static String line(String kind, int[] c) {
    return String.format(Locale.ROOT, "%-28s | %4d %4d %4d %5s %5s | %4d %4d %4d %5s %5s%n", kind,
        c[0], c[1], c[2], f(ratio(c[0], c[0] + c[1])), f(ratio(c[0], c[0] + c[2])),
        c[3], c[4], c[5], f(ratio(c[3], c[3] + c[4])), f(ratio(c[3], c[3] + c[5])));
  }

  private static double ratio(int a, int b) {
    return b == 0 ? Double.NaN : (double) a / b;
  }

  private static String f(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
  }
}
