package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A capability of the policy language that this version of Airlock does not have yet (the loader
 * refuses its section), stated plainly with what that means for the request, so nobody reads a
 * missing line as "checked and fine". When the capability arrives, its own section takes this
 * one's place under the same key.
 */
final class NotConfiguredSection implements ExplanationSection {

  static final String NOT_CONFIGURED = "not configured in this version";

  private final String key;
  private final String label;
  private final String consequence;

  /**
   * @param key the JSON member, e.g. {@code rate_limits}
   * @param label the text label, e.g. {@code rate limits}
   * @param consequence what happens instead, e.g. {@code no limit is checked}
   */
  NotConfiguredSection(String key, String label, String consequence) {
    this.key = key;
    this.label = label;
    this.consequence = consequence;
  }

  static NotConfiguredSection routes() {
    return new NotConfiguredSection("routes", "routes",
        "no route is matched; the request goes to the provider and model the application chose");
  }

  static NotConfiguredSection cache() {
    return new NotConfiguredSection("cache", "cache", "no cache key; the answer always comes from the provider");
  }

  static NotConfiguredSection budgets() {
    return new NotConfiguredSection("budgets", "budgets", "no spending limit is checked");
  }

  static NotConfiguredSection rateLimits() {
    return new NotConfiguredSection("rate_limits", "rate limits", "no rate limit is checked");
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public void writeText(TextReport out) {
    out.row(label, NOT_CONFIGURED + ": " + consequence);
  }

  @Override
  public void writeJson(ObjectNode node) {
    node.put("configured", false);
    node.put("note", NOT_CONFIGURED + ": " + consequence);
  }
}
