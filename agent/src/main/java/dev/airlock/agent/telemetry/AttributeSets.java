package dev.airlock.agent.telemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attribute sets of the per-call metrics, built once per distinct combination of values and
 * then handed out again. Calls to the same provider and model record with the same few sets, and
 * building one (a builder, a sort, an array) cost more than recording with it; the SDK's own
 * storage lookup is also cheapest for the very instance it saw before. Thread-safe.
 *
 * <p>Some values come from requests (model, tenant), so the number of kept sets is capped: past
 * {@link #MAX_SETS}, new combinations are built per call and not kept.
 */
public final class AttributeSets {

  static final int MAX_SETS = 2048;

  private final ConcurrentHashMap<Values, Attributes> sets = new ConcurrentHashMap<>();

  /**
   * The set of {@code keys} with {@code values} (in the same order); a null value leaves its key
   * out, as {@link AttributesBuilder#put(AttributeKey, Object)} does.
   *
   * @param keys the kind of set: the same list instance for every call of one kind
   */
  public Attributes of(List<AttributeKey<String>> keys, String... values) {
    Values lookup = new Values(keys, values);
    Attributes kept = sets.get(lookup);
    if (kept != null) {
      return kept;
    }
    AttributesBuilder builder = Attributes.builder();
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        builder.put(keys.get(i), values[i]);
      }
    }
    Attributes built = builder.build();
    if (sets.size() < MAX_SETS) {
      Attributes raced = sets.putIfAbsent(lookup, built);
      return raced != null ? raced : built;
    }
    return built;
  }

  /** How many sets are kept; for tests. */
  int size() {
    return sets.size();
  }

  /** One combination: the kind (by identity) and its values. */
  private static final class Values {
    private final List<AttributeKey<String>> keys;
    private final String[] values;
    private final int hash;

    Values(List<AttributeKey<String>> keys, String[] values) {
      if (values.length != keys.size()) {
        throw new IllegalArgumentException(values.length + " values for " + keys.size() + " keys");
      }
      this.keys = keys;
      this.values = values;
      this.hash = 31 * System.identityHashCode(keys) + Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object o) {
      if (!(o instanceof Values)) {
        return false;
      }
      Values other = (Values) o;
      return keys == other.keys && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
