package dev.airlock.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code routes:} into {@link RoutePolicy}s, in file order. Besides each route's own keys and
 * values it checks what only the whole list shows: every target names a provider that exists,
 * {@code require_region} holds for every target a route can use, route names are unique, and no
 * route is unreachable (after a catch-all, or with the same {@code when} as an earlier route: a
 * warning, since the file is still valid).
 */
final class RoutesReader {

  static final List<String> KEYS =
      Arrays.asList("name", "when", "to", "deny", "canary", "shadow", "require_region", "pii");
  static final List<String> MATCH_KEYS =
      Arrays.asList(
          "provider",
          "endpoint",
          "model",
          "tenant",
          "feature",
          "user",
          "caller",
          "headers",
          "stream",
          "prompt_tokens",
          "pii",
          "injection");
  static final List<String> CANARY_KEYS =
      Arrays.asList("to", "percent", "rollback_when", "sticky_by");
  static final List<String> ROLLBACK_KEYS = Arrays.asList("error_rate", "minimum_calls", "window");
  static final List<String> SHADOW_KEYS = Arrays.asList("to", "percent");
  static final List<String> PII_KEYS = Collections.singletonList("action");

  /** An HTTP header name (an RFC 9110 token). */
  private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  private static final Pattern COMPARISON = Pattern.compile("(>=|<=|>|<) *([^ ]+)");
  private static final Pattern RANGE = Pattern.compile("([^ ]+?)\\.\\.([^ ]+)");
  private static final String PROMPT_TOKENS_FORM =
      "must be a prompt size in tokens such as '>8000', '>=8000', '<2000', '<=2000' or"
          + " '1000..8000' (8k = 8000; quote it in YAML, where a bare > starts a block)";

  /** A route whose {@code when} was read without error, for the reachability checks. */
  private static final class Seen {
    final String name;
    final RouteMatch when;
    final int line;

    Seen(String name, RouteMatch when, int line) {
      this.name = name;
      this.when = when;
      this.line = line;
    }
  }

  private final Expect expect;
  private final ProblemCollector problems;
  private final PolicyContext context;
  private final Map<String, PolicyNode> names = new HashMap<>();
  private final List<Seen> seen = new ArrayList<>();

  RoutesReader(Expect expect, PolicyContext context) {
    this.expect = expect;
    this.problems = expect.problems();
    this.context = context;
  }

  /** The valid routes in file order; invalid ones are reported and left out. */
  List<RoutePolicy> read(PolicyNode node) {
    List<RoutePolicy> out = new ArrayList<>();
    SequenceNode list = expect.sequence(node);
    if (list == null) {
      return out;
    }
    int number = 0;
    for (PolicyNode item : list.items()) {
      number++;
      RoutePolicy route = readRoute(item, number);
      if (route != null) {
        out.add(route);
      }
    }
    return out;
  }

  private RoutePolicy readRoute(PolicyNode node, int number) {
    MappingNode m = expect.mapping(node);
    if (m == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(m, KEYS);

    String name = "route-" + number;
    PolicyNode nameNode = m.get("name");
    if (nameNode != null) {
      name = expect.string(nameNode);
    }
    if (name != null) {
      checkUniqueName(name, nameNode == null ? m : nameNode);
    }

    int beforeWhen = problems.errorCount();
    RouteMatch when = readWhen(m.get("when"));
    boolean whenOk = problems.errorCount() == beforeWhen;

    String deny = m.get("deny") == null ? null : expect.string(m.get("deny"));
    List<TargetRef> to = new ArrayList<>();
    List<PolicyNode> toNodes = new ArrayList<>();
    if (m.get("to") != null) {
      readChain(m.get("to"), to, toNodes);
    }
    CanaryPolicy canary = m.get("canary") == null ? null : readCanary(m.get("canary"));
    ShadowPolicy shadow = m.get("shadow") == null ? null : readShadow(m.get("shadow"));
    String region = m.get("require_region") == null ? null : expect.string(m.get("require_region"));
    PiiPolicy.Action piiAction = m.get("pii") == null ? null : readPii(m.get("pii"));

    if (m.get("deny") != null) {
      checkDenyAlone(m);
    } else if (region != null) {
      checkRegions(m, region, to, toNodes, canary, shadow);
    }
    if (whenOk && name != null) {
      checkReachable(m, name, when);
    }
    if (name == null || problems.errorCount() != before) {
      return null;
    }
    return RoutePolicy.builder(name)
        .when(when)
        .deny(deny)
        .to(to)
        .canary(canary)
        .shadow(shadow)
        .requireRegion(region)
        .piiAction(piiAction)
        .line(m.line())
        .build();
  }

  private void checkUniqueName(String name, PolicyNode at) {
    PolicyNode first = names.get(name);
    if (first == null) {
      names.put(name, at);
      return;
    }
    problems.error(
        at,
        "duplicate route name '"
            + name
            + "' (first used at line "
            + first.line()
            + ", column "
            + first.column()
            + ")");
  }

  /**
   * A route that denies sends nothing, so sending keys contradict it and shaping keys do nothing.
   */
  private void checkDenyAlone(MappingNode m) {
    for (String key : Arrays.asList("to", "canary", "shadow")) {
      MappingNode.Entry e = m.entry(key);
      if (e != null) {
        problems.errorAtKey(
            e,
            "'" + key + "' cannot be combined with 'deny': a route either refuses or sends",
            null);
      }
    }
    for (String key : Arrays.asList("require_region", "pii")) {
      if (m.get(key) != null) {
        problems.warning(m.get(key), "has no effect on a route that denies: nothing is sent");
      }
    }
  }

  private void checkRegions(
      MappingNode m,
      String region,
      List<TargetRef> to,
      List<PolicyNode> toNodes,
      CanaryPolicy canary,
      ShadowPolicy shadow) {
    for (int i = 0; i < to.size(); i++) {
      context.checkRegion(toNodes.get(i), to.get(i).provider(), region);
    }
    if (canary != null) {
      context.checkRegion(
          ((MappingNode) m.get("canary")).get("to"), canary.to().provider(), region);
    }
    if (shadow != null) {
      context.checkRegion(
          ((MappingNode) m.get("shadow")).get("to"), shadow.to().provider(), region);
    }
    // Without 'to' the request goes where the application addressed it; when.provider says where
    // that can be.
    if (m.get("to") == null && m.get("when") instanceof MappingNode) {
      PolicyNode providers = ((MappingNode) m.get("when")).get("provider");
      for (PolicyNode item : itemsOf(providers)) {
        if (item instanceof ScalarNode && ((ScalarNode) item).isString()) {
          context.checkRegion(item, ((ScalarNode) item).text(), region);
        }
      }
    }
  }

  /**
   * First match wins, so a route after a catch-all, or after the same conditions, never applies.
   */
  private void checkReachable(MappingNode m, String name, RouteMatch when) {
    for (Seen s : seen) {
      if (s.when.isEmpty()) {
        problems.warning(
            m,
            "route '"
                + name
                + "' can never match: route '"
                + s.name
                + "' (line "
                + s.line
                + ") comes first and matches every request");
        seen.add(new Seen(name, when, m.line()));
        return;
      }
    }
    if (!when.isEmpty()) {
      Object conditions = conditions(when);
      for (Seen s : seen) {
        if (conditions.equals(conditions(s.when))) {
          problems.warning(
              m.get("when"),
              "route '"
                  + name
                  + "' can never match: route '"
                  + s.name
                  + "' (line "
                  + s.line
                  + ") has the same 'when' and comes first");
          break;
        }
      }
    }
    seen.add(new Seen(name, when, m.line()));
  }

  /** The conditions with list order ignored: {@code model: [a, b]} is {@code model: [b, a]}. */
  private static Object conditions(RouteMatch w) {
    return Arrays.asList(
        new HashSet<>(w.providers()),
        new HashSet<>(w.endpoints()),
        new HashSet<>(w.models()),
        new HashSet<>(w.tenants()),
        new HashSet<>(w.features()),
        new HashSet<>(w.users()),
        new HashSet<>(w.callers()),
        w.headers(),
        w.stream(),
        w.minPromptTokens(),
        w.maxPromptTokens(),
        new HashSet<>(w.pii()),
        w.injectionAtLeast());
  }

  private RouteMatch readWhen(PolicyNode node) {
    if (node == null || (node instanceof ScalarNode && ((ScalarNode) node).isNull())) {
      return RouteMatch.any();
    }
    MappingNode w = expect.mapping(node);
    if (w == null) {
      return RouteMatch.any();
    }
    expect.onlyKeys(w, MATCH_KEYS);
    RouteMatch.Builder b = RouteMatch.builder();
    b.providers(providers(w.get("provider")));
    b.endpoints(choices(w.get("endpoint"), RouteMatch.ENDPOINTS));
    b.models(globs(w.get("model")));
    b.tenants(globs(w.get("tenant")));
    b.features(globs(w.get("feature")));
    b.users(globs(w.get("user")));
    b.callers(globs(w.get("caller")));
    readHeaders(w.get("headers"), b);
    if (w.get("stream") != null) {
      b.stream(expect.bool(w.get("stream")));
    }
    if (w.get("prompt_tokens") != null) {
      Long[] range = expect.parsed(w.get("prompt_tokens"), RoutesReader::promptTokens);
      if (range != null) {
        b.minPromptTokens(range[0]).maxPromptTokens(range[1]);
      }
    }
    b.pii(choices(w.get("pii"), context.piiTypes()));
    if (w.get("injection") != null) {
      b.injectionAtLeast(expect.numberIn(w.get("injection"), 0, true, 1, true));
    }
    return b.build();
  }

  private List<String> providers(PolicyNode node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (PolicyNode item : expect.oneOrMore(node)) {
      String name = expect.string(item);
      if (name != null && context.knownProvider(item, name, "") && !out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private List<String> choices(PolicyNode node, List<String> allowed) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (PolicyNode item : expect.oneOrMore(node)) {
      String value = expect.oneOf(item, allowed);
      if (value != null && !out.contains(value)) {
        out.add(value);
      }
    }
    return out;
  }

  private List<String> globs(PolicyNode node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    for (PolicyNode item : expect.oneOrMore(node)) {
      String glob = expect.string(item);
      if (glob != null && !out.contains(glob)) {
        out.add(glob);
      }
    }
    return out;
  }

  private void readHeaders(PolicyNode node, RouteMatch.Builder b) {
    if (node == null) {
      return;
    }
    MappingNode headers = expect.mapping(node);
    if (headers == null) {
      return;
    }
    Map<String, String> seenNames = new LinkedHashMap<>();
    for (MappingNode.Entry e : headers.entries()) {
      if (!HEADER_NAME.matcher(e.key()).matches()) {
        problems.errorAtKey(
            e, "'" + e.key() + "' is not a valid HTTP header name (letters, digits and -)", null);
        continue;
      }
      String lower = e.key().toLowerCase(Locale.ROOT);
      String first = seenNames.putIfAbsent(lower, e.key());
      if (first != null) {
        problems.errorAtKey(
            e,
            "header '"
                + e.key()
                + "' is already listed as '"
                + first
                + "' (header names are case-insensitive)",
            null);
        continue;
      }
      String glob = expect.string(e.value());
      if (glob != null) {
        b.header(e.key(), glob);
      }
    }
  }

  /**
   * {@code ">8000"}, {@code ">=8000"}, {@code "<2000"}, {@code "<=2000"} or {@code "1000..8000"} as
   * inclusive bounds {min, max}, either null when open.
   */
  static Long[] promptTokens(String text) {
    Matcher c = COMPARISON.matcher(text);
    if (c.matches()) {
      long n = bound(c.group(2), text);
      switch (c.group(1)) {
        case ">":
          if (n == Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' matches no prompt");
          }
          return new Long[] {n + 1, null};
        case ">=":
          return new Long[] {n, null};
        case "<":
          if (n == 0) {
            throw new IllegalArgumentException("'" + text + "' matches no prompt");
          }
          return new Long[] {null, n - 1};
        default:
          return new Long[] {null, n};
      }
    }
    Matcher r = RANGE.matcher(text);
    if (r.matches()) {
      long min = bound(r.group(1), text);
      long max = bound(r.group(2), text);
      if (min > max) {
        throw new IllegalArgumentException(
            "range '" + text + "' is empty: write the smaller bound first");
      }
      return new Long[] {min, max};
    }
    throw new IllegalArgumentException(PROMPT_TOKENS_FORM + ", got '" + text + "'");
  }

  /** A bound of a prompt size; a bound that is not a count gets the whole form as its reason. */
  private static long bound(String count, String text) {
    try {
      return PolicyValues.count(count);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(PROMPT_TOKENS_FORM + ", got '" + text + "'", e);
    }
  }

  private void readChain(PolicyNode node, List<TargetRef> to, List<PolicyNode> toNodes) {
    if (node instanceof SequenceNode && ((SequenceNode) node).items().isEmpty()) {
      problems.error(
          node,
          "must list at least one target (leave 'to' out to send where the application"
              + " addressed)");
      return;
    }
    for (PolicyNode item : expect.oneOrMore(node)) {
      TargetRef target = context.target(item);
      if (target == null) {
        continue;
      }
      int first = to.indexOf(target);
      if (first >= 0) {
        problems.warning(
            item,
            "target '"
                + target
                + "' is already in this chain (line "
                + toNodes.get(first).line()
                + ", column "
                + toNodes.get(first).column()
                + "); repeating it only retries, which resilience.retry does");
        continue;
      }
      to.add(target);
      toNodes.add(item);
    }
  }

  private CanaryPolicy readCanary(PolicyNode node) {
    MappingNode c = expect.mapping(node);
    if (c == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(c, CANARY_KEYS);
    TargetRef to = null;
    if (expect.require(c, "to", "the canary target, e.g. openai/gpt-4.1-mini")) {
      to = context.target(c.get("to"));
    }
    Double percent = null;
    if (expect.require(
        c, "percent", "the share of the route's traffic, more than 0 and at most 100")) {
      percent = expect.numberIn(c.get("percent"), 0, false, 100, true);
    }
    Double errorRate = null;
    Integer minimumCalls = null;
    Duration window = null;
    PolicyNode rollbackNode = c.get("rollback_when");
    if (rollbackNode != null) {
      MappingNode rollback = expect.mapping(rollbackNode);
      if (rollback != null) {
        expect.onlyKeys(rollback, ROLLBACK_KEYS);
        if (expect.require(
            rollback,
            "error_rate",
            "the canary's error rate, more than 0 and at most 1, that stops it")) {
          errorRate = expect.numberIn(rollback.get("error_rate"), 0, false, 1, true);
        }
        if (rollback.get("minimum_calls") != null) {
          minimumCalls = expect.integer(rollback.get("minimum_calls"), 1);
        }
        if (rollback.get("window") != null) {
          window = expect.positiveDuration(rollback.get("window"));
        }
      }
    }
    String stickyBy =
        c.get("sticky_by") == null
            ? null
            : expect.oneOf(c.get("sticky_by"), CanaryPolicy.STICKY_BY);
    if (problems.errorCount() != before || to == null || percent == null) {
      return null;
    }
    CanaryPolicy.Builder b = CanaryPolicy.builder(to, percent).rollbackErrorRate(errorRate);
    if (minimumCalls != null) {
      b.rollbackMinimumCalls(minimumCalls);
    }
    if (window != null) {
      b.rollbackWindow(window);
    }
    if (stickyBy != null) {
      b.stickyBy(stickyBy);
    }
    return b.build();
  }

  private ShadowPolicy readShadow(PolicyNode node) {
    MappingNode s = expect.mapping(node);
    if (s == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(s, SHADOW_KEYS);
    TargetRef to = null;
    if (expect.require(s, "to", "the target that gets a copy of the requests")) {
      to = context.target(s.get("to"));
    }
    Double percent = 100.0;
    if (s.get("percent") != null) {
      percent = expect.numberIn(s.get("percent"), 0, false, 100, true);
    }
    if (problems.errorCount() != before || to == null || percent == null) {
      return null;
    }
    return ShadowPolicy.of(to, percent);
  }

  private PiiPolicy.Action readPii(PolicyNode node) {
    MappingNode pii = expect.mapping(node);
    if (pii == null) {
      return null;
    }
    expect.onlyKeys(pii, PII_KEYS);
    if (!expect.require(
        pii, "action", "the PII action for this route: mask, pseudonymize, block or detect")) {
      return null;
    }
    String id = expect.oneOf(pii.get("action"), PiiReader.ACTIONS);
    return id == null ? null : PiiPolicy.Action.valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** The scalar or the items of a sequence, without reporting (the caller already did). */
  private static List<PolicyNode> itemsOf(PolicyNode node) {
    if (node instanceof ScalarNode) {
      return Collections.singletonList(node);
    }
    if (node instanceof SequenceNode) {
      return ((SequenceNode) node).items();
    }
    return Collections.emptyList();
  }
}
