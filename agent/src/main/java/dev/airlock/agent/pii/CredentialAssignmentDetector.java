package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Secrets written as the value of a credential name: {@code password=hunter2!}, {@code
 * "api_key": "3f9c..."}, {@code DB_PASSWORD: s3cr3t}, {@code Authorization: Bearer ...}, {@code
 * my password is Tr0ub4dor&3}. The value is reported, not the name.
 *
 * <p>Names are found case-insensitively, also inside identifiers ({@code DB_PASSWORD}, {@code
 * clientSecret}), and must be followed by an optional quote and a separator ({@code : = := =>
 * ->}, or "is"/"ist"/"est"/"es" in prose). The separators (and each "bearer", whose value
 * needs none) are what the text is searched for, in the scanner's shared pass ({@link
 * TextIndex}); the names are then looked for with an Aho-Corasick automaton in the few dozen
 * chars before each separator. Running the automaton over the whole text instead cost a table
 * step per char, more than every other detector together. Values are rejected when they are
 * references or placeholders ({@code ${DB_PASS}}, {@code <password>}, {@code ****}, "required",
 * "none", ...), calls ({@code os.getenv(...)}) or paths ({@code PWD=/srv/app}).
 *
 * <ul>
 *   <li>Password names accept any value of 6+ chars: reported when quoted or when it is not a
 *       plain word; a plain word ("password: incorrect", "password is case-sensitive") or a
 *       quoted sentence ({@code password = 'Password used to generate key'}, except after
 *       "passphrase") stays below the default threshold, digits only just above it.
 *   <li>Key and token names need a value of 16+ chars with a digit and a letter and some
 *       randomness (entropy of at least 3 bits per char), so "max_tokens: 4096" and
 *       "token: expired" are not secrets.
 * </ul>
 */
final class CredentialAssignmentDetector implements IndexedDetector {

  static final double PASSWORD_STRONG = 0.75;
  static final double PASSWORD_DIGITS = 0.55;
  static final double PASSWORD_WORD = 0.45;
  static final double TOKEN = 0.8;

  private static final List<String> PASSWORD_NAMES =
      Arrays.asList(
          "password", "passwd", "passwort", "passphrase", "pwd", "kennwort", "contraseña",
          "contrasena", "mot de passe");

  private static final List<String> KEY_NAMES;

  static {
    List<String> names = new ArrayList<>();
    for (String stem : new String[] {"api", "access", "secret", "private"}) {
      names.addAll(variants(stem, "key"));
    }
    for (String stem : new String[] {"auth", "access", "refresh", "session", "id"}) {
      names.addAll(variants(stem, "token"));
    }
    names.addAll(variants("client", "secret"));
    names.addAll(Arrays.asList("api key", "secret", "token", "credential", "credentials",
        "authorization", "bearer"));
    KEY_NAMES = Collections.unmodifiableList(names);
  }

  /** "api_key", "api-key", "apikey". */
  private static List<String> variants(String stem, String word) {
    return Arrays.asList(stem + "_" + word, stem + "-" + word, stem + word);
  }

  private static final Set<String> PASSWORD_NAME_SET = new HashSet<>(PASSWORD_NAMES);

  /** All names, case-insensitive, found in one pass whatever the size of the text. */
  private static final AhoCorasick NAMES;

  static {
    List<String> all = new ArrayList<>(PASSWORD_NAMES);
    all.addAll(KEY_NAMES);
    NAMES = new AhoCorasick(all, true);
    int longest = 0;
    for (String name : all) {
      longest = Math.max(longest, name.length());
    }
    LONGEST_NAME = longest;
  }

  /** The length of the longest name: how far before its end a name can start. */
  private static final int LONGEST_NAME;

  private static final Set<String> PLACEHOLDERS =
      new HashSet<>(
          Arrays.asList(
              "required", "optional", "none", "null", "nil", "true", "false", "empty", "string",
              "redacted", "hidden", "removed", "masked", "secret", "password", "passwd", "token",
              "undefined", "example", "placeholder", "your_password", "yourpassword", "changeit",
              "str", "text", "value", "bearer", "basic", "xxx", "n/a", "tbd", "todo", "unknown",
              "invalid", "incorrect", "expired", "missing", "set", "unset", "default"));

  private static final Set<String> AUTH_SCHEMES =
      new HashSet<>(Arrays.asList("bearer", "basic", "token", "digest", "apikey"));

  private static final int MAX_NAME_SUFFIX = 30;
  private static final int MAX_VALUE = DetectorReach.MAX_CREDENTIAL_VALUE;

  @Override
  public String type() {
    return PiiTypes.SECRET;
  }

  private static final int BEARER_LENGTH = "bearer".length();

  @Override
  public boolean needsSecretAnchors() {
    return true;
  }

  @Override
  public void detect(CharSequence text, TextIndex index, List<Detection> out) {
    List<int[]> names = new ArrayList<>();
    AhoCorasick.MatchSink sink = (start, end) -> names.add(new int[] {start, end});
    TextIndex.Positions separators = index.separators();
    for (int k = 0; k < separators.size(); k++) {
      namesBefore(text, separators.get(k), sink);
    }
    // "Bearer <token>" needs no separator: the name is its own anchor.
    TextIndex.Positions bearers = index.bearers();
    for (int k = 0; k < bearers.size(); k++) {
      names.add(new int[] {bearers.get(k), bearers.get(k) + BEARER_LENGTH});
    }
    if (names.isEmpty()) {
      return;
    }
    // Leftmost, then longest: "access_token" rather than the "token" inside it.
    names.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(y[1], x[1]));
    int covered = 0;
    for (int[] name : names) {
      if (name[0] < covered) {
        continue;
      }
      covered = name[1];
      String word = text.subSequence(name[0], name[1]).toString().toLowerCase(Locale.ROOT);
      Detection d =
          valueAfter(
              text, name[1], PASSWORD_NAME_SET.contains(word), word.equals("passphrase"),
              word.equals("bearer"));
      if (d != null) {
        out.add(d);
      }
    }
  }

  private static boolean mayBeInName(char c) {
    return Chars.isAsciiLetter(c) || c == '_' || c == '-' || c == ' '
        || (c >= 128 && Character.isLetter(c));
  }

  /**
   * Finds the names that {@link #valueAfter} could lead from to the separator at {@code sep}:
   * those ending at most {@value #MAX_NAME_SUFFIX} name chars before it, then an optional quote
   * and blanks. Only the chars a name there could span are read.
   */
  private static void namesBefore(CharSequence text, int sep, AhoCorasick.MatchSink sink) {
    int q = sep;
    while (q > 0 && (text.charAt(q - 1) == ' ' || text.charAt(q - 1) == '\t')) {
      q--;
    }
    if (q > 0 && (text.charAt(q - 1) == '"' || text.charAt(q - 1) == '\'')) {
      q--;
    }
    int earliestEnd = q;
    while (earliestEnd > 0 && q - earliestEnd < MAX_NAME_SUFFIX
        && isNameChar(text.charAt(earliestEnd - 1))) {
      earliestEnd--;
    }
    if (earliestEnd == q && q > 0 && !isNameChar(text.charAt(q - 1))) {
      return; // no name char before the separator: "x = (a: b)", ": " at a line start
    }
    // A name is made of letters, '_', '-' and spaces: the automaton starts after any other char.
    int from = earliestEnd;
    while (from > 0 && earliestEnd - from < LONGEST_NAME && mayBeInName(text.charAt(from - 1))) {
      from--;
    }
    int minEnd = earliestEnd;
    NAMES.scan(text, from, q, (start, end) -> {
      if (end >= minEnd) {
        sink.match(start, end);
      }
    });
  }

  /** The secret assigned after a name ending at {@code p}, or null. */
  private static Detection valueAfter(
      CharSequence text, int p, boolean password, boolean passphrase, boolean bearer) {
    int n = text.length();
    int suffix = 0;
    while (p < n && suffix <= MAX_NAME_SUFFIX && isNameChar(text.charAt(p))) {
      p++;
      suffix++;
    }
    if (suffix > MAX_NAME_SUFFIX) {
      return null;
    }
    if (p < n && (text.charAt(p) == '"' || text.charAt(p) == '\'')) {
      p++;
    }
    int sepStart = skipBlanks(text, p);
    int afterSep = separatorEnd(text, sepStart);
    if (afterSep < 0) {
      if (!bearer || sepStart == p) {
        return null;
      }
      afterSep = sepStart; // "Bearer <token>": the space is the separator
    }
    int[] value = readValue(text, skipBlanks(text, afterSep));
    if (value == null) {
      return null;
    }
    String v = text.subSequence(value[0], value[1]).toString();
    if (AUTH_SCHEMES.contains(v.toLowerCase(Locale.ROOT)) && value[2] == 0) {
      value = readValue(text, skipBlanks(text, value[1])); // "Authorization: Bearer <token>"
      if (value == null) {
        return null;
      }
      v = text.subSequence(value[0], value[1]).toString();
      password = false;
    }
    double conf = password ? passwordConfidence(v, value[2] != 0, passphrase) : tokenConfidence(v);
    if (conf <= 0) {
      return null;
    }
    return new Detection(
        PiiTypes.SECRET, value[0], value[1], conf, password ? "password" : "credential");
  }

  private static boolean isNameChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '_' || c == '-' || c == '.';
  }

  private static int skipBlanks(CharSequence t, int p) {
    while (p < t.length() && (t.charAt(p) == ' ' || t.charAt(p) == '\t')) {
      p++;
    }
    return p;
  }

  /** The end of the separator at {@code p}, or -1 when there is none. */
  private static int separatorEnd(CharSequence t, int p) {
    char c = Chars.at(t, p);
    char d = Chars.at(t, p + 1);
    if ((c == ':' && d == '=') || (c == '=' && d == '>') || (c == '-' && d == '>')) {
      return p + 2;
    }
    if (c == ':' || c == '=') {
      return p + 1;
    }
    for (String word : new String[] {"is", "ist", "est", "es"}) {
      int e = p + word.length();
      if (e < t.length()
          && t.subSequence(p, e).toString().equalsIgnoreCase(word)
          && (t.charAt(e) == ' ' || t.charAt(e) == ':')) {
        return t.charAt(e) == ':' ? e + 1 : e;
      }
    }
    return -1;
  }

  /**
   * Reads the value at {@code p}: {start, end, quoted (0/1)}, or null when there is none or it is
   * a reference, placeholder or call.
   */
  private static int[] readValue(CharSequence t, int p) {
    int n = t.length();
    if (p >= n) {
      return null;
    }
    char q = t.charAt(p);
    if (q == '"' || q == '\'' || q == '`') {
      int start = p + 1;
      int e = start;
      while (e < n && e - start <= MAX_VALUE && t.charAt(e) != q && t.charAt(e) != '\n') {
        e++;
      }
      if (e >= n || t.charAt(e) != q || e == start) {
        return null;
      }
      return plausible(t, start, e) ? new int[] {start, e, 1} : null;
    }
    int e = p;
    while (e < n && e - p <= MAX_VALUE && !endsValue(t.charAt(e)) && !htmlQuote(t, e)
        && !nextQueryParameter(t, e)) {
      e++;
    }
    if (e < n && (t.charAt(e) == '(' || t.charAt(e) == '[')) {
      return null; // an expression such as os.getenv("X") or os.environ["X"]
    }
    while (e > p && (t.charAt(e - 1) == '.' || t.charAt(e - 1) == ':' || t.charAt(e - 1) == '?')) {
      e--; // sentence punctuation ('!' stays: passwords end with it more often than sentences do)
    }
    if (e == p || e - p > MAX_VALUE) {
      return null;
    }
    return plausible(t, p, e) ? new int[] {p, e, 0} : null;
  }

  private static boolean isPath(String v) {
    boolean unix = (v.startsWith("/") || v.startsWith("~/") || v.startsWith("./"))
        && v.indexOf('/', 2) > 0;
    boolean windows = v.length() > 3 && Chars.isAsciiLetter(v.charAt(0)) && v.charAt(1) == ':'
        && v.charAt(2) == '\\';
    return unix || windows;
  }

  /** An escaped quote ("&quot;", "&#39;", "&apos;") closes a value as a quote would. */
  private static boolean htmlQuote(CharSequence t, int i) {
    if (t.charAt(i) != '&') {
      return false;
    }
    int end = Math.min(t.length(), i + 6);
    String ahead = t.subSequence(i, end).toString();
    return ahead.startsWith("&quot;") || ahead.startsWith("&#") || ahead.startsWith("&apos;");
  }

  /**
   * An '&' that starts the next parameter of a query string or form body ("&scope=read") ends
   * the value; any other '&' may be part of a password ("Tr0ub4dor&3").
   */
  private static boolean nextQueryParameter(CharSequence t, int i) {
    if (t.charAt(i) != '&') {
      return false;
    }
    int p = i + 1;
    int n = Math.min(t.length(), i + 1 + MAX_NAME_SUFFIX);
    if (p >= n || !(Chars.isAsciiLetter(t.charAt(p)) || t.charAt(p) == '_')) {
      return false;
    }
    while (p < n && (Chars.isAsciiAlnum(t.charAt(p)) || t.charAt(p) == '_' || t.charAt(p) == '.'
        || t.charAt(p) == '-')) {
      p++;
    }
    return p < t.length() && t.charAt(p) == '=';
  }

  private static boolean endsValue(char c) {
    return Character.isWhitespace(c) || c == '"' || c == '\'' || c == '`' || c == ',' || c == ';'
        || c == ')' || c == '}' || c == ']' || c == '<' || c == '>' || c == '(' || c == '[';
  }

  /** Not a reference, placeholder, mask or template. */
  private static boolean plausible(CharSequence t, int start, int end) {
    char first = t.charAt(start);
    if (first == '$' || first == '{' || first == '<' || first == '%' || first == '[') {
      return false;
    }
    String v = t.subSequence(start, end).toString();
    if (isPath(v)) {
      return false; // "PWD": "/srv/app/project" is the working directory
    }
    if (Chars.allSame(v) || PLACEHOLDERS.contains(v.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return !v.contains("...") && !v.contains("…") && !v.contains("{{") && !v.contains("xxxx")
        && !v.contains("XXXX");
  }

  /**
   * @param quoted the value was written in quotes: data rather than prose
   * @param passphrase the name was "passphrase", so several plain words are expected
   */
  static double passwordConfidence(String v, boolean quoted, boolean passphrase) {
    if (v.length() < 6) {
      return 0;
    }
    TokenShape shape = TokenShape.of(v);
    if (quoted) {
      // 'Password used to generate key': a quoted sentence is a label, unless a passphrase.
      return passphrase || !allPlainWords(v) ? PASSWORD_STRONG : PASSWORD_WORD;
    }
    if (shape.digitsOnly()) {
      return PASSWORD_DIGITS;
    }
    return isPlainWord(v) ? PASSWORD_WORD : PASSWORD_STRONG;
  }

  private static boolean allPlainWords(String v) {
    String[] words = v.trim().split("\\s+");
    if (words.length < 2) {
      return false;
    }
    for (String w : words) {
      if (!isPlainWord(w)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Letters (and inner hyphens, apostrophes, underscores or dots) in one case or capitalized:
   * "incorrect", "Case-sensitive", "NONE", "PASSWORD_STRONG". Prose after "password is" and
   * constant names look like this; passwords rarely do.
   */
  static boolean isPlainWord(String v) {
    boolean sawUpperAfterFirst = false;
    boolean sawLower = false;
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (Character.isLetter(c)) {
        if (Character.isUpperCase(c) && i > 0) {
          sawUpperAfterFirst = true;
        } else if (Character.isLowerCase(c)) {
          sawLower = true;
        }
      } else {
        boolean joiner = c == '-' || c == '\'' || c == '_' || c == '.';
        if (!joiner || i == 0 || i == v.length() - 1) {
          return false;
        }
      }
    }
    return !(sawUpperAfterFirst && sawLower);
  }

  static double tokenConfidence(String v) {
    if (v.length() < 16) {
      return 0;
    }
    TokenShape shape = TokenShape.of(v);
    if (!shape.digit || !(shape.lower || shape.upper) || shape.entropy < 3.0) {
      return 0;
    }
    return TOKEN;
  }
}
