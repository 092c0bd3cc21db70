package dev.airlock.agent.pii;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credentials whose format announces them: provider key prefixes (OpenAI, Anthropic, AWS,
 * GitHub, GitLab, Slack, Stripe, Google), JSON Web Tokens and PEM/PGP private-key blocks.
 *
 * <p>The documented prefixes ({@code sk-}, {@code AKIA}, {@code ghp_}, {@code eyJ}, ...) are
 * looked for where they start a token inside the text's {@link LongTokens} (every format is a
 * whitespace-free token of 15 chars or more), the private-key header anywhere; only there does the
 * kind's precompiled pattern check the length and alphabet of the random part. JWTs must also have a header that decodes to JSON
 * with an {@code "alg"} or {@code "typ"} field. The
 * detection's detail is the kind ({@code openai_key}, {@code aws_access_key_id}, {@code jwt},
 * {@code private_key}, ...).
 */
final class KnownSecretDetector implements Detector {

  /** One key format: its literal prefixes, the pattern from the prefix on, its confidence. */
  private enum Kind {
    ANTHROPIC(
        "anthropic_key", 0.98, "sk-ant-(?:api|admin|oat|sid)\\d{2}-[A-Za-z0-9_\\-]{32,}+", "sk-"),
    SK("openai_key", 0.85, "sk-[A-Za-z0-9_\\-]{20,}+", "sk-"),
    AWS(
        "aws_access_key_id",
        0.9,
        "(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])",
        "AKIA", "ASIA", "ABIA", "ACCA"),
    GITHUB(
        "github_token", 0.95, "gh[pousr]_[A-Za-z0-9]{36,255}+",
        "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
    GITHUB_PAT("github_token", 0.97, "github_pat_[A-Za-z0-9_]{60,255}+", "github_pat_"),
    GITLAB(
        "gitlab_token",
        0.95,
        "gl[a-z]{2,6}-[A-Za-z0-9_\\-]{20,}+",
        "glpat-", "gldt-", "glrt-", "glrtr-", "glptt-", "glcbt-", "glft-", "glimt-", "glsoat-",
        "gloas-", "glagent-", "glwt-"),
    GITLAB_RUNNER("gitlab_token", 0.95, "GR1348941[A-Za-z0-9_\\-]{20,}+", "GR1348941"),
    SLACK(
        "slack_token", 0.95, "xox[abposre]-[A-Za-z0-9\\-]{10,}+",
        "xoxa-", "xoxb-", "xoxp-", "xoxo-", "xoxs-", "xoxr-", "xoxe-"),
    SLACK_APP("slack_token", 0.95, "xapp-\\d-[A-Za-z0-9\\-]{10,}+", "xapp-"),
    SLACK_WEBHOOK(
        "slack_webhook",
        0.95,
        "https://hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/\\-]{20,}+",
        "https://hooks.slack.com/"),
    STRIPE(
        "stripe_key", 0.9, "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{20,}+",
        "sk_live_", "sk_test_", "rk_live_", "rk_test_"),
    STRIPE_WEBHOOK("stripe_webhook_secret", 0.9, "whsec_[A-Za-z0-9+/=]{24,}+", "whsec_"),
    GOOGLE_API("google_api_key", 0.9, "AIza[0-9A-Za-z_\\-]{35}(?![0-9A-Za-z_\\-])", "AIza"),
    GOOGLE_OAUTH_SECRET(
        "google_oauth_secret", 0.95, "GOCSPX-[0-9A-Za-z_\\-]{28}(?![0-9A-Za-z_\\-])", "GOCSPX-"),
    GOOGLE_OAUTH_TOKEN("google_oauth_token", 0.9, "ya29\\.[0-9A-Za-z_\\-]{20,}+", "ya29."),
    JWT(
        "jwt",
        0.9,
        "eyJ[A-Za-z0-9_\\-]{8,}+\\.eyJ[A-Za-z0-9_\\-]{8,}+\\.[A-Za-z0-9_\\-]{16,}+",
        "eyJ"),
    PRIVATE_KEY(
        "private_key",
        0.99,
        "-----BEGIN (?:[A-Z0-9]{1,12} ){0,3}PRIVATE KEY(?: BLOCK)?-----",
        "-----BEGIN ");

    final String detail;
    final double confidence;
    final Pattern pattern;
    final String[] prefixes;

    Kind(String detail, double confidence, String regex, String... prefixes) {
      this.detail = detail;
      this.confidence = confidence;
      this.pattern = Pattern.compile(regex);
      this.prefixes = prefixes;
    }
  }

  /** The private-key header: looked for on its own, since it holds a space. */
  private static final String KEY_BLOCK_PREFIX = "-----BEGIN ";
  /** The kinds to try where a literal prefix occurs (in enum order), by prefix. */
  private static final Map<String, List<Kind>> KINDS_BY_PREFIX = new HashMap<>();
  /** The prefixes by their first char (all prefixes start with an ASCII char). */
  private static final String[][] PREFIXES_BY_FIRST = new String[128][];

  static {
    Map<Character, List<String>> byFirst = new HashMap<>();
    for (Kind k : Kind.values()) {
      for (String p : k.prefixes) {
        if (!KINDS_BY_PREFIX.containsKey(p) && !p.equals(KEY_BLOCK_PREFIX)) {
          byFirst.computeIfAbsent(p.charAt(0), c -> new ArrayList<>()).add(p);
        }
        KINDS_BY_PREFIX.computeIfAbsent(p, x -> new ArrayList<>()).add(k);
      }
    }
    byFirst.forEach((c, list) -> PREFIXES_BY_FIRST[c] = list.toArray(new String[0]));
  }

  /** How far a private-key block may run before its END line (a 16k-bit RSA key is ~12 KB). */
  private static final int MAX_KEY_BLOCK = 16_384;

  @Override
  public String type() {
    return PiiTypes.SECRET;
  }

  @Override
  public void detect(CharSequence text, List<Detection> out) {
    detect(text, LongTokens.of(text), out);
  }

  /**
   * As {@link #detect(CharSequence, List)}, with the text's {@link LongTokens} already found.
   * Every format but the private-key header is a whitespace-free token of 15 chars or more, so
   * prefixes are looked for only in those stretches; the header is looked for on its own.
   */
  void detect(CharSequence text, int[] longTokens, List<Detection> out) {
    List<int[]> hits = new ArrayList<>();
    int keyBlock = indexOf(text, KEY_BLOCK_PREFIX, 0);
    for (int t = 0; t < longTokens.length; t += 2) {
      int stretchEnd = longTokens[t + 1];
      for (int i = longTokens[t]; i < stretchEnd; i++) {
        char c = text.charAt(i);
        String[] prefixes = c < 128 ? PREFIXES_BY_FIRST[c] : null;
        if (prefixes == null || isTokenChar(Chars.at(text, i - 1))) {
          continue;
        }
        while (keyBlock >= 0 && keyBlock < i) {
          keyBlockHit(text, keyBlock, hits);
          keyBlock = indexOf(text, KEY_BLOCK_PREFIX, keyBlock + 1);
        }
        for (String p : prefixes) {
          if (startsWith(text, i, p)) {
            hits.add(new int[] {i, i + p.length()});
            break; // no prefix is the start of another
          }
        }
      }
    }
    while (keyBlock >= 0) {
      keyBlockHit(text, keyBlock, hits);
      keyBlock = indexOf(text, KEY_BLOCK_PREFIX, keyBlock + 1);
    }
    int covered = 0;
    for (int[] hit : hits) {
      if (hit[0] < covered) {
        continue;
      }
      List<Kind> kinds = KINDS_BY_PREFIX.get(text.subSequence(hit[0], hit[1]).toString());
      for (Kind kind : kinds) {
        Matcher m = kind.pattern.matcher(text).region(hit[0], text.length());
        m.useTransparentBounds(true);
        if (!m.lookingAt()) {
          continue;
        }
        Detection d = detection(text, kind, m);
        if (d != null) {
          out.add(d);
          covered = d.end();
          break;
        }
      }
    }
  }

  private static void keyBlockHit(CharSequence text, int at, List<int[]> hits) {
    if (!isTokenChar(Chars.at(text, at - 1))) {
      hits.add(new int[] {at, at + KEY_BLOCK_PREFIX.length()});
    }
  }

  private static boolean startsWith(CharSequence text, int at, String prefix) {
    if (at + prefix.length() > text.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (text.charAt(at + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(CharSequence text, String s, int from) {
    if (text instanceof String) {
      return ((String) text).indexOf(s, from);
    }
    for (int i = Chars.indexOf(text, s.charAt(0), from); i >= 0; i = Chars.indexOf(text, s.charAt(0), i + 1)) {
      if (startsWith(text, i, s)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isTokenChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '_' || c == '-';
  }

  /** The detection for a pattern match, or null when the kind's extra check rejects it. */
  private static Detection detection(CharSequence text, Kind kind, Matcher m) {
    int end = m.end();
    double conf = kind.confidence;
    String value = m.group();
    switch (kind) {
      case SK:
        conf = skConfidence(value);
        break;
      case SLACK:
      case SLACK_APP:
        if (!hasDigit(value)) {
          return null;
        }
        break;
      case STRIPE:
        conf = value.contains("_live_") ? 0.97 : 0.9;
        break;
      case JWT:
        if (!jwtHeader(value)) {
          return null;
        }
        break;
      case PRIVATE_KEY:
        end = keyBlockEnd(text, end);
        break;
      default:
        break;
    }
    return conf > 0 ? new Detection(PiiTypes.SECRET, m.start(), end, conf, kind.detail) : null;
  }

  /**
   * OpenAI keys carry the marker "T3BlbkFJ" (base64 of "OpenAI") or a project/service-account
   * prefix; the legacy form is 48 alphanumerics. Other "sk-" tokens with digits (DeepSeek,
   * OpenRouter, ...) are still keys, reported a little lower. Hyphenated words are not.
   */
  static double skConfidence(String v) {
    if (v.contains("T3BlbkFJ")) {
      return 0.98;
    }
    String rest = v.substring(3);
    if (rest.startsWith("proj-") || rest.startsWith("svcacct-") || rest.startsWith("admin-")) {
      return 0.95;
    }
    if (!hasDigit(rest) || !hasLetter(rest)) {
      return 0;
    }
    return rest.length() == 48 && rest.chars().allMatch(Character::isLetterOrDigit) ? 0.9 : 0.8;
  }

  /** The first segment must decode (base64url) to a JSON object naming "alg" or "typ". */
  static boolean jwtHeader(String token) {
    String header = token.substring(0, token.indexOf('.'));
    try {
      String json = new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8);
      return json.startsWith("{") && (json.contains("\"alg\"") || json.contains("\"typ\""));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The end of the block that starts with a BEGIN line: the END line when it follows within
   * {@value #MAX_KEY_BLOCK} chars, otherwise the base64 body that follows (a truncated paste).
   */
  private static int keyBlockEnd(CharSequence text, int headerEnd) {
    int limit = Math.min(text.length(), headerEnd + MAX_KEY_BLOCK);
    String window = text.subSequence(headerEnd, limit).toString();
    int endLine = window.indexOf("-----END ");
    if (endLine >= 0) {
      int close = window.indexOf("-----", endLine + 9);
      if (close >= 0 && close - endLine < DetectorReach.MAX_KEY_END_LINE) {
        return headerEnd + close + 5;
      }
    }
    // No END line: take the header lines and base64 lines that follow, up to the first other line.
    int lastBody = 0;
    boolean body = false;
    int lineStart = 0;
    while (lineStart < window.length()) {
      int nl = window.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? window.length() : nl;
      String line = window.substring(lineStart, lineEnd).trim();
      if (line.isEmpty()) {
        if (body) {
          break;
        }
      } else if (isBase64Line(line)) {
        body = true;
        lastBody = lineStart + window.substring(lineStart, lineEnd).indexOf(line) + line.length();
      } else if (body || line.indexOf(':') < 0) {
        // Prose after a truncated paste; "Proc-Type: 4,ENCRYPTED" headers come before the body.
        break;
      }
      if (nl < 0) {
        break;
      }
      lineStart = nl + 1;
    }
    return headerEnd + lastBody;
  }

  private static boolean isBase64Line(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (!(Chars.isAsciiAlnum(c) || c == '+' || c == '/' || c == '=')) {
        return false;
      }
    }
    return true;
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Chars.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Chars.isAsciiLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
