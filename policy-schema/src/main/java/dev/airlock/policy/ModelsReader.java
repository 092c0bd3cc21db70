package dev.airlock.policy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code models:}: model id to prices in USD per million tokens. {@code input} and {@code
 * output} are required; {@code cached_input} and {@code cache_write} are optional.
 */
final class ModelsReader {

  static final List<String> KEYS = Arrays.asList("input", "output", "cached_input", "cache_write");

  private final Expect expect;

  ModelsReader(Expect expect) {
    this.expect = expect;
  }

  /** The valid prices by model id; invalid entries are reported and left out. */
  Map<String, ModelPrice> read(PolicyNode node) {
    Map<String, ModelPrice> out = new LinkedHashMap<>();
    MappingNode models = expect.mapping(node);
    if (models == null) {
      return out;
    }
    for (MappingNode.Entry entry : models.entries()) {
      ModelPrice price = readPrice(entry);
      if (price != null) {
        out.put(entry.key(), price);
      }
    }
    return out;
  }

  private ModelPrice readPrice(MappingNode.Entry entry) {
    if (entry.key().trim().isEmpty()) {
      expect.problems().errorAtKey(entry, "model id must not be empty", null);
      return null;
    }
    MappingNode m = expect.mapping(entry.value());
    if (m == null) {
      return null;
    }
    int before = expect.problems().errorCount();
    expect.onlyKeys(m, KEYS);
    BigDecimal input = number(m, "input");
    BigDecimal output = number(m, "output");
    BigDecimal cachedInput = number(m, "cached_input");
    BigDecimal cacheWrite = number(m, "cache_write");
    boolean missingInput = m.get("input") == null;
    boolean missingOutput = m.get("output") == null;
    if (missingInput || missingOutput) {
      String needs =
          missingInput && missingOutput
              ? "'input' and 'output'"
              : missingInput ? "'input'" : "'output'";
      expect
          .problems()
          .errorAtKey(
              entry,
              "model '" + entry.key() + "' needs " + needs + " prices (USD per million tokens)",
              null);
    }
    if (expect.problems().errorCount() != before) {
      return null;
    }
    return ModelPrice.of(input, output, cachedInput, cacheWrite);
  }

  private BigDecimal number(MappingNode m, String key) {
    PolicyNode v = m.get(key);
    return v == null ? null : expect.nonNegativeNumber(v);
  }
}
