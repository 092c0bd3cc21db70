package dev.airlock.agent.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.airlock.agent.codec.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model prices, and the mapping from the model ids seen on the wire to priced models.
 *
 * <p>Providers answer with many spellings of one model: dated snapshots ({@code
 * gpt-4o-2024-08-06}, {@code claude-3-5-haiku-20241022}), aliases ({@code
 * claude-3-5-haiku-latest}), resource names ({@code models/gemini-2.0-flash}), version suffixes
 * ({@code gemini-2.0-flash-001}, {@code mistral-large-2411}), cloud spellings ({@code
 * anthropic.claude-3-5-sonnet-20241022-v2:0}, {@code claude-3-5-sonnet-v2@20241022}). {@link
 * #find(String)} resolves them in this order:
 *
 * <ol>
 *   <li>the id exactly as given (lower-cased), so an override can price any spelling;
 *   <li>after dropping a path ({@code models/}, {@code openai/}), a Bedrock vendor prefix, a Vertex
 *       {@code @version} and a Bedrock {@code :n} suffix. Fine-tuned ids ({@code ft:...}) stop
 *       here: they cost more than their base model and are priced only by an exact entry;
 *   <li>after also dropping trailing version tokens: {@code -latest}, {@code -vN}, a date ({@code
 *       -YYYY-MM-DD}, {@code -YYYYMMDD}) and 3- or 4-digit snapshot numbers ({@code -001}, {@code
 *       -0125}, {@code -2411});
 *   <li>the longest known model that is a prefix ending at a {@code -}, unless a token after it names
 *       a different tier of model ({@code mini}, {@code nano}, {@code pro}, {@code lite}, {@code
 *       realtime}, a size like {@code 8b}...): {@code gpt-4o-mini} never resolves to {@code gpt-4o},
 *       nor {@code gpt-5-codex-mini} to {@code gpt-5}, while {@code gemini-2.5-flash-preview-05-20}
 *       does resolve to {@code gemini-2.5-flash}. An unknown model is better reported as such than
 *       priced wrongly.
 * </ol>
 *
 * <p>Results are cached per id (misses too), so repeat lookups cost one hash lookup. Immutable as
 * seen from outside and thread-safe.
 */
public final class PriceTable {

  private static final String RESOURCE = "/dev/airlock/agent/cost/prices.json";
  /** Ids come from traffic; past this many distinct ones, lookups are still answered but no longer cached. */
  private static final int MAX_CACHED_IDS = 4096;
  /** Marks a cached miss (ConcurrentHashMap cannot hold null). */
  private static final Price UNKNOWN = Price.of(0, 0);

  private final Map<String, Price> prices;
  private final String asOf;
  private final ConcurrentHashMap<String, Price> resolved = new ConcurrentHashMap<>();

  private PriceTable(Map<String, Price> prices, String asOf) {
    this.prices = prices;
    this.asOf = asOf;
  }

  /**
   * The built-in list prices, read once from {@code dev/airlock/agent/cost/prices.json} (see its
   * {@code asOf}, {@code notes} and {@code sources}).
   *
   * @throws IllegalStateException if the resource is missing or malformed (a packaging defect)
   */
  public static PriceTable builtIn() {
    return BuiltIn.TABLE;
  }

  /** The date the built-in prices were taken, e.g. {@code 2025-12-01}; null for a table without one. */
  public String asOf() {
    return asOf;
  }

  /**
   * A table with these prices added, replacing built-in ones for the same id (policy {@code
   * models:} entries win). Keys are model ids as the policy writes them, matched case-insensitively
   * through the same resolution as built-in ids.
   *
   * @param byModel model id to price; null or empty gives this table
   */
  public PriceTable withOverrides(Map<String, Price> byModel) {
    if (byModel == null || byModel.isEmpty()) {
      return this;
    }
    Map<String, Price> merged = new HashMap<>(prices);
    for (Map.Entry<String, Price> e : byModel.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new IllegalArgumentException("override with a null model id or price: " + e);
      }
      String key = e.getKey().trim().toLowerCase(Locale.ROOT);
      if (!key.isEmpty()) {
        merged.put(key, e.getValue());
      }
    }
    return new PriceTable(Collections.unmodifiableMap(merged), asOf);
  }

  /**
   * The price of a model id as seen in a request or response.
   *
   * @return the price, or null when the model is unknown (or null/blank)
   */
  public Price find(String model) {
    if (model == null) {
      return null;
    }
    Price cached = resolved.get(model);
    if (cached != null) {
      return cached == UNKNOWN ? null : cached;
    }
    Price price = resolve(model);
    if (resolved.size() < MAX_CACHED_IDS) {
      resolved.put(model, price == null ? UNKNOWN : price);
    }
    return price;
  }

  /**
   * The cost of a call in USD (see {@link Price#costUsd(Usage)} for the arithmetic).
   *
   * @return the cost, or {@link Double#NaN} when the model is unknown or the usage is null: "no
   *     price" must not be mistaken for "free", and NaN is the value an attribute setter can test
   *     for ({@code Double.isNaN}) and skip
   */
  public double costUsd(String model, Usage usage) {
    if (usage == null) {
      return Double.NaN;
    }
    Price price = find(model);
    return price == null ? Double.NaN : price.costUsd(usage);
  }

  private Price resolve(String model) {
    String id = model.trim().toLowerCase(Locale.ROOT);
    if (id.isEmpty()) {
      return null;
    }
    Price p = prices.get(id);
    if (p != null) {
      return p;
    }
    String name = canonical(id);
    if (name == null || name.isEmpty()) {
      return null;
    }
    p = prices.get(name);
    if (p != null) {
      return p;
    }
    String base = stripVersionSuffixes(name);
    if (base.length() != name.length()) {
      p = prices.get(base);
      if (p != null) {
        return p;
      }
    }
    return longestPrefix(base);
  }

  /** The bare model name without resource path, cloud vendor prefix and cloud version suffixes; null for fine-tuned ids. */
  static String canonical(String id) {
    if (id.startsWith("ft:")) {
      return null;
    }
    String name = id.substring(id.lastIndexOf('/') + 1);
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
    }
    int vendor = name.indexOf("anthropic.");
    if (vendor >= 0) {
      name = name.substring(vendor + "anthropic.".length());
    }
    int colon = name.indexOf(':');
    if (colon >= 0) {
      name = name.substring(0, colon);
    }
    return name;
  }

  /** Drops trailing {@code -latest}, {@code -vN}, dates and snapshot numbers, repeatedly. */
  static String stripVersionSuffixes(String name) {
    String n = name;
    while (true) {
      int dash = n.lastIndexOf('-');
      if (dash <= 0) {
        return n;
      }
      String token = n.substring(dash + 1);
      if (token.equals("latest") || isVersionToken(token)) {
        n = n.substring(0, dash);
        continue;
      }
      int len = token.length();
      if (isDigits(token) && (len == 8 || len == 4 || len == 3)) {
        n = n.substring(0, dash);
        continue;
      }
      if (len == 2 && isDigits(token)) {
        // -YYYY-MM-DD: strip the three tokens together, or none of them.
        int d2 = n.lastIndexOf('-', dash - 1);
        int d1 = d2 > 0 ? n.lastIndexOf('-', d2 - 1) : -1;
        if (d1 > 0
            && dash - d2 - 1 == 2
            && d2 - d1 - 1 == 4
            && isDigits(n.substring(d2 + 1, dash))
            && isDigits(n.substring(d1 + 1, d2))) {
          n = n.substring(0, d1);
          continue;
        }
      }
      return n;
    }
  }

  private Price longestPrefix(String name) {
    for (int dash = name.lastIndexOf('-'); dash > 0; dash = name.lastIndexOf('-', dash - 1)) {
      Price p = prices.get(name.substring(0, dash));
      if (p != null) {
        return hasTierToken(name, dash + 1) ? null : p;
      }
    }
    return null;
  }

  /** Whether any {@code -}-separated token of {@code name} from {@code from} on is a tier token. */
  private static boolean hasTierToken(String name, int from) {
    int start = from;
    while (start <= name.length()) {
      int next = name.indexOf('-', start);
      int end = next < 0 ? name.length() : next;
      if (isTierToken(name.substring(start, end))) {
        return true;
      }
      if (next < 0) {
        return false;
      }
      start = next + 1;
    }
    return false;
  }

  /** A token after a known model name that makes it a different, differently priced model. */
  static boolean isTierToken(String token) {
    switch (token) {
      case "mini":
      case "nano":
      case "pro":
      case "lite":
      case "flash":
      case "turbo":
      case "large":
      case "medium":
      case "small":
      case "tiny":
      case "max":
      case "ultra":
      case "plus":
      case "opus":
      case "sonnet":
      case "haiku":
      case "instruct":
      case "realtime":
      case "transcribe":
      case "tts":
      case "deep":
      case "image":
        return true;
      default:
        // Parameter-count sizes such as 8b or 70b.
        int len = token.length();
        return len >= 2 && token.charAt(len - 1) == 'b' && isDigits(token.substring(0, len - 1));
    }
  }

  private static boolean isVersionToken(String token) {
    return token.length() >= 2 && token.charAt(0) == 'v' && isDigits(token.substring(1));
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  static PriceTable load(InputStream in) throws IOException {
    JsonNode root = new ObjectMapper().readTree(in);
    JsonNode models = root == null ? null : root.get("models");
    if (models == null || !models.isObject()) {
      throw new IOException("no \"models\" object");
    }
    Map<String, Price> prices = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : models.properties()) {
      JsonNode m = e.getValue();
      JsonNode in_ = m.get("input");
      JsonNode out = m.get("output");
      if (in_ == null || !in_.isNumber() || out == null || !out.isNumber()) {
        throw new IOException("model " + e.getKey() + " needs numeric input and output prices");
      }
      Price price = Price.of(in_.asDouble(), out.asDouble());
      JsonNode cached = m.get("cachedInput");
      if (cached != null && cached.isNumber()) {
        price = price.withCachedInput(cached.asDouble());
      }
      JsonNode write = m.get("cacheWrite");
      if (write != null && write.isNumber()) {
        price = price.withCacheWrite(write.asDouble());
      }
      prices.put(e.getKey().toLowerCase(Locale.ROOT), price);
    }
    JsonNode asOf = root.get("asOf");
    return new PriceTable(Collections.unmodifiableMap(prices), asOf != null && asOf.isTextual() ? asOf.asText() : null);
  }

  /** Loads the built-in table on first use only (initialization-on-demand holder). */
  private static final class BuiltIn {
    static final PriceTable TABLE = loadBuiltIn();

    private static PriceTable loadBuiltIn() {
      try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        return load(in);
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException("cannot read built-in prices " + RESOURCE, e);
      }
    }
  }
}
