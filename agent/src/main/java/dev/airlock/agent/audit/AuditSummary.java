package dev.airlock.agent.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an audit log says in aggregate, for the questions a regulated team asks of it: where did
 * calls go (provider and region), which personal data reached which region and whether it left
 * unredacted, which rules blocked calls, and what each tenant spent. A call that was blocked or
 * answered from the cache was sent nowhere, so its PII counts under no region.
 */
public final class AuditSummary {

  /** The destination of a call that was never sent (blocked, or answered from the cache). */
  public static final String NOT_SENT = "(not sent)";
  /** A region or tenant the line does not name. */
  public static final String UNKNOWN = "(unknown)";

  private static final ObjectMapper JSON = new ObjectMapper();

  private long calls;
  private long unreadable;
  private final Map<String, Long> callsByDestination = new TreeMap<>();
  private final Map<String, Map<String, long[]>> piiByRegion = new TreeMap<>();
  private final Map<String, Long> blockedByRule = new TreeMap<>();
  private final Map<String, BigDecimal> spendByTenant = new TreeMap<>();

  private AuditSummary() {}

  /** Reads every line of {@code in}; lines that are not JSON objects are counted, not fatal. */
  public static AuditSummary read(InputStream in) throws IOException {
    AuditSummary summary = new AuditSummary();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        summary.unreadable++;
        continue;
      }
      summary.add(node);
    }
    return summary;
  }

  private void add(JsonNode line) {
    calls++;
    JsonNode sentTo = line.get("sent_to");
    String region = null;
    String destination = NOT_SENT;
    if (sentTo != null && sentTo.isObject()) {
      region = text(sentTo, "region", UNKNOWN);
      destination = text(sentTo, "provider", UNKNOWN) + " (" + region + ")";
    }
    callsByDestination.merge(destination, 1L, Long::sum);
    JsonNode pii = line.get("pii");
    if (region != null && pii != null && pii.has("found")) {
      Map<String, long[]> types = piiByRegion.computeIfAbsent(region, r -> new TreeMap<>());
      JsonNode actions = pii.path("action");
      for (Iterator<Map.Entry<String, JsonNode>> it = pii.get("found").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> found = it.next();
        long count = found.getValue().asLong();
        long[] totals = types.computeIfAbsent(found.getKey(), t -> new long[2]);
        totals[0] += count;
        // Only "detect" lets a value leave as the application wrote it; mask and pseudonymize replace it.
        if ("detect".equals(actions.path(found.getKey()).asText())) {
          totals[1] += count;
        }
      }
    }
    if (line.hasNonNull("blocked_rule")) {
      blockedByRule.merge(line.get("blocked_rule").asText(), 1L, Long::sum);
    }
    JsonNode cost = line.get("cost_usd");
    if (cost != null && cost.isNumber()) {
      spendByTenant.merge(text(line, "tenant", UNKNOWN), cost.decimalValue(), BigDecimal::add);
    }
  }

  private static String text(JsonNode node, String field, String otherwise) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? otherwise : value.asText();
  }

  /** Lines read as calls. */
  public long calls() {
    return calls;
  }

  /** Lines that were not JSON objects. */
  public long unreadable() {
    return unreadable;
  }

  /** Calls by {@code provider (region)}, or {@link #NOT_SENT}. */
  public Map<String, Long> callsByDestination() {
    return Collections.unmodifiableMap(callsByDestination);
  }

  /**
   * PII values found in calls sent to each region, by type: {@code [values, valuesSentUnredacted]}.
   */
  public Map<String, Map<String, long[]>> piiByRegion() {
    return Collections.unmodifiableMap(piiByRegion);
  }

  /** Calls blocked (or whose answers were blocked), by rule. */
  public Map<String, Long> blockedByRule() {
    return Collections.unmodifiableMap(blockedByRule);
  }

  /** USD spent, by tenant ({@link #UNKNOWN} for calls without one). */
  public Map<String, BigDecimal> spendByTenant() {
    return Collections.unmodifiableMap(spendByTenant);
  }

  /** The summary as one JSON object. */
  public ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("calls", calls);
    if (unreadable > 0) {
      root.put("unreadable_lines", unreadable);
    }
    ObjectNode destinations = root.putObject("calls_by_destination");
    callsByDestination.forEach(destinations::put);
    ObjectNode regions = root.putObject("pii_by_region");
    piiByRegion.forEach((region, types) -> {
      ObjectNode r = regions.putObject(region);
      types.forEach((type, totals) -> r.putObject(type).put("found", totals[0]).put("unredacted", totals[1]));
    });
    ObjectNode blocked = root.putObject("blocked_by_rule");
    blockedByRule.forEach(blocked::put);
    ObjectNode spend = root.putObject("spend_usd_by_tenant");
    spendByTenant.forEach((tenant, usd) -> spend.put(tenant, usd.setScale(6, RoundingMode.HALF_UP).doubleValue()));
    return root;
  }
}
