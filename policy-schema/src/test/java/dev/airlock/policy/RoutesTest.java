package dev.airlock.policy;

import static dev.airlock.policy.Policies.render;
import static dev.airlock.policy.Policies.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The routes section: every key, every check, with positions. */
class RoutesTest {

  private static final String[] HEAD = {
    "airlock: 1",
    "name: d",
    "providers:",
    "  eu-llama: {format: openai, base_url: 'https://llm.eu.example/v1', region: eu}",
    "  eu-claude: {format: anthropic, base_url: 'https://claude.eu.example', region: eu}",
    "  openai: {region: us}",
    "pii:",
    "  detect: [email, iban]",
    "  custom: [{name: customer_id, pattern: 'CUST-[0-9]{8}'}]",
    "routes:"
  };

  /** The head above (10 lines: routes: is line 10), then {@code routes}. */
  private static PolicyLoadResult routes(String... routes) {
    String[] all = new String[HEAD.length + routes.length];
    System.arraycopy(HEAD, 0, all, 0, HEAD.length);
    System.arraycopy(routes, 0, all, HEAD.length, routes.length);
    return yaml(all);
  }

  @Test
  void everyConditionAndOptionIsRead() {
    PolicyLoadResult r =
        routes(
            "  - name: all-conditions",
            "    when:",
            "      provider: [openai, eu-llama]",
            "      endpoint: chat",
            "      model: [gpt-4o*, 'o?-mini']",
            "      tenant: acme-*",
            "      feature: com.acme.triage.*",
            "      user: [u-1, u-2]",
            "      caller: com.acme.support.*",
            "      headers: {X-Team: 'blue*', x-env: prod}",
            "      stream: true",
            "      prompt_tokens: '1k..8k'",
            "      pii: [iban, customer_id]",
            "      injection: 0.5",
            "    to: [openai/gpt-4o, eu-llama/llama-3.3-70b]",
            "    canary:",
            "      to: eu-claude/claude-x",
            "      percent: 12.5",
            "      rollback_when: {error_rate: 0.1, minimum_calls: 50, window: 10m}",
            "      sticky_by: user",
            "    shadow: {to: eu-claude/claude-y}",
            "    pii: {action: block}",
            "  - {when: {prompt_tokens: '>8000', stream: false}, deny: 'Prompt too long.'}",
            "  - {when: {prompt_tokens: '<=2000'}, shadow: {to: openai, percent: 10}}");
    assertTrue(r.ok(), r::toString);
    assertEquals(List.of(), r.warnings(), r::toString);
    List<RoutePolicy> routes = r.policy().orElseThrow().routes();
    assertEquals(3, routes.size());

    RoutePolicy first = routes.get(0);
    assertEquals("all-conditions", first.name());
    assertEquals(11, first.line());
    RouteMatch w = first.when();
    assertFalse(w.isEmpty());
    assertEquals(List.of("openai", "eu-llama"), w.providers());
    assertEquals(List.of("chat"), w.endpoints());
    assertEquals(List.of("gpt-4o*", "o?-mini"), w.models());
    assertEquals(List.of("acme-*"), w.tenants());
    assertEquals(List.of("com.acme.triage.*"), w.features());
    assertEquals(List.of("u-1", "u-2"), w.users());
    assertEquals(List.of("com.acme.support.*"), w.callers());
    assertEquals(Map.of("x-team", "blue*", "x-env", "prod"), w.headers());
    assertEquals(Optional.of(true), w.stream());
    assertEquals(OptionalLong.of(1000), w.minPromptTokens());
    assertEquals(OptionalLong.of(8000), w.maxPromptTokens());
    assertEquals(List.of("iban", "customer_id"), w.pii());
    assertEquals(OptionalDouble.of(0.5), w.injectionAtLeast());
    assertEquals(
        List.of(TargetRef.parse("openai/gpt-4o"), TargetRef.parse("eu-llama/llama-3.3-70b")),
        first.to());
    CanaryPolicy canary = first.canary().orElseThrow();
    assertEquals(TargetRef.parse("eu-claude/claude-x"), canary.to());
    assertEquals(12.5, canary.percent());
    assertEquals(OptionalDouble.of(0.1), canary.rollbackErrorRate());
    assertEquals(50, canary.rollbackMinimumCalls());
    assertEquals(Duration.ofMinutes(10), canary.rollbackWindow());
    assertEquals("user", canary.stickyBy());
    assertEquals(ShadowPolicy.of(TargetRef.parse("eu-claude/claude-y"), 100), first.shadow().get());
    assertEquals(Optional.of(PiiPolicy.Action.BLOCK), first.piiAction());
    assertEquals(Optional.empty(), first.requireRegion());

    RoutePolicy deny = routes.get(1);
    assertEquals("route-2", deny.name());
    assertEquals(33, deny.line());
    assertEquals(Optional.of("Prompt too long."), deny.deny());
    assertEquals(List.of(), deny.to());
    assertEquals(OptionalLong.of(8001), deny.when().minPromptTokens());
    assertEquals(OptionalLong.empty(), deny.when().maxPromptTokens());
    assertEquals(Optional.of(false), deny.when().stream());

    RoutePolicy shadowOnly = routes.get(2);
    assertEquals("route-3", shadowOnly.name());
    assertEquals(List.of(), shadowOnly.to());
    assertEquals(Optional.empty(), shadowOnly.deny());
    assertEquals(OptionalLong.of(2000), shadowOnly.when().maxPromptTokens());
    ShadowPolicy shadow = shadowOnly.shadow().orElseThrow();
    assertEquals(TargetRef.of("openai"), shadow.to());
    assertEquals(10.0, shadow.percent());
  }

  @Test
  void aSingleTargetAndEmptyWhenAreAccepted() {
    PolicyLoadResult r =
        routes("  - {name: a, when: {}, to: openai}", "  - name: b", "    when:", "    to: openai");
    // b comes after a catch-all: valid, but reported.
    assertTrue(r.ok(), r::toString);
    List<RoutePolicy> routes = r.policy().orElseThrow().routes();
    assertEquals(List.of(TargetRef.of("openai")), routes.get(0).to());
    assertTrue(routes.get(0).when().isEmpty());
    assertTrue(routes.get(1).when().isEmpty());
    assertEquals(RouteMatch.any(), routes.get(1).when());
  }

  @Test
  void unknownKeysEverywhereInARoute() {
    PolicyLoadResult r =
        routes(
            "  - name: x",
            "    wen: {}",
            "    when: {modle: gpt-4o, header: {a: b}}",
            "    to: openai",
            "    canary: {to: openai/gpt-4.1-mini, percent: 5, rollback_when: {error_rte: 0.2},"
                + " stick_by: user}",
            "    shadow: {to: openai, percnt: 5}",
            "    pii: {acton: detect}");
    assertEquals(
        "12:5 routes[0].wen: unknown key 'wen', did you mean 'when'?\n"
            + "13:12 routes[0].when.modle: unknown key 'modle', did you mean 'model'?\n"
            + "13:27 routes[0].when.header: unknown key 'header', did you mean 'headers'?\n"
            + "15:66 routes[0].canary.rollback_when: missing required key 'error_rate' (the"
            + " canary's error rate, more than 0 and at most 1, that stops it)\n"
            + "15:67 routes[0].canary.rollback_when.error_rte: unknown key 'error_rte', did you"
            + " mean 'error_rate'?\n"
            + "15:84 routes[0].canary.stick_by: unknown key 'stick_by', did you mean"
            + " 'sticky_by'?\n"
            + "16:26 routes[0].shadow.percnt: unknown key 'percnt', did you mean 'percent'?\n"
            + "17:10 routes[0].pii: missing required key 'action' (the PII action for this route:"
            + " mask, pseudonymize, block or detect)\n"
            + "17:11 routes[0].pii.acton: unknown key 'acton', did you mean 'action'?\n",
        render(r.errors()));
  }

  @Test
  void badValuesWithTheirPositionsAndSuggestions() {
    PolicyLoadResult r =
        routes(
            "  - name: x",
            "    when:",
            "      endpoint: [chat, embedings]",
            "      pii: [iban, ibna, customer_ld]",
            "      provider: opnai",
            "      headers: {'X Team': a, X-Env: a, x-env: b}",
            "      stream: 'yes'",
            "      prompt_tokens: 8000",
            "      injection: 1.5",
            "      model: []",
            "    to: [opnai/gpt-4o, 'bad target', nobody]",
            "    canary: {to: openai/gpt-4.1-mini, percent: 0, sticky_by: session}",
            "    shadow: {percent: 101}",
            "    pii: {action: redact}");
    assertFalse(r.ok());
    assertEquals(
        "13:24 routes[0].when.endpoint[1]: must be one of chat, responses, embeddings, messages,"
            + " completions, generate_content, got 'embedings' (did you mean 'embeddings'?)\n"
            + "14:19 routes[0].when.pii[1]: must be one of email, phone, credit_card, iban, us_ssn,"
            + " ip_address, secret, uk_nino, de_tax_id, es_nif, it_fiscal_code, customer_id, got"
            + " 'ibna' (did you mean 'iban'?)\n"
            + "14:25 routes[0].when.pii[2]: must be one of email, phone, credit_card, iban, us_ssn,"
            + " ip_address, secret, uk_nino, de_tax_id, es_nif, it_fiscal_code, customer_id, got"
            + " 'customer_ld' (did you mean 'customer_id'?)\n"
            + "15:17 routes[0].when.provider: unknown provider 'opnai' (did you mean 'openai'?);"
            + " declare it under providers: or use a built-in\n"
            + "16:17 routes[0].when.headers[\"X Team\"]: 'X Team' is not a valid HTTP header name"
            + " (letters, digits and -)\n"
            + "16:40 routes[0].when.headers.x-env: header 'x-env' is already listed as 'X-Env'"
            + " (header names are case-insensitive)\n"
            + "17:15 routes[0].when.stream: must be true or false, got a string\n"
            + "18:22 routes[0].when.prompt_tokens: must be a prompt size in tokens such as"
            + " '>8000', '>=8000', '<2000', '<=2000' or '1000..8000' (8k = 8000; quote it in YAML,"
            + " where a bare > starts a block), got '8000'\n"
            + "19:18 routes[0].when.injection: must be from 0 to 1, got 1.5\n"
            + "20:14 routes[0].when.model: must not be an empty list\n"
            + "21:10 routes[0].to[0]: unknown provider 'opnai' (did you mean 'openai'?); declare it"
            + " under providers: or use a built-in\n"
            + "21:24 routes[0].to[1]: must be a target: provider or provider/model, e.g."
            + " openai/gpt-4o-mini or openai (no spaces), got 'bad target'\n"
            + "21:38 routes[0].to[2]: unknown provider 'nobody'; declare it under providers: or use"
            + " a built-in (openai, anthropic, gemini, azure-openai, mistral, groq, deepseek,"
            + " openrouter, together, fireworks, xai, perplexity, cerebras)\n"
            + "22:48 routes[0].canary.percent: must be more than 0 and at most 100, got 0\n"
            + "22:62 routes[0].canary.sticky_by: must be one of tenant, user, got 'session'\n"
            + "23:13 routes[0].shadow: missing required key 'to' (the target that gets a copy of"
            + " the requests)\n"
            + "23:23 routes[0].shadow.percent: must be more than 0 and at most 100, got 101\n"
            + "24:19 routes[0].pii.action: must be one of mask, pseudonymize, block, detect, got"
            + " 'redact'\n",
        render(r.errors()));
    // The replacement offered for a misspelt provider is the whole corrected target.
    PolicyProblem target =
        r.errors().stream().filter(p -> p.path().equals("routes[0].to[0]")).findFirst().get();
    assertEquals(Optional.of("openai/gpt-4o"), target.suggestion());
  }

  @Test
  void denyCannotBeCombinedWithSending() {
    PolicyLoadResult r =
        routes(
            "  - name: no",
            "    when: {tenant: banned-*}",
            "    deny: 'Not for you.'",
            "    to: openai",
            "    canary: {to: openai/gpt-4o, percent: 5, rollback_when: {error_rate: 0.5}}",
            "    shadow: {to: openai}",
            "    require_region: eu",
            "    pii: {action: mask}");
    assertEquals(
        "14:5 routes[0].to: 'to' cannot be combined with 'deny': a route either refuses or"
            + " sends\n"
            + "15:5 routes[0].canary: 'canary' cannot be combined with 'deny': a route either"
            + " refuses or sends\n"
            + "16:5 routes[0].shadow: 'shadow' cannot be combined with 'deny': a route either"
            + " refuses or sends\n",
        render(r.errors()));
    assertEquals(
        "17:21 routes[0].require_region: has no effect on a route that denies: nothing is sent\n"
            + "18:10 routes[0].pii: has no effect on a route that denies: nothing is sent\n",
        render(r.warnings()));
    assertThrows(
        IllegalArgumentException.class,
        () -> RoutePolicy.builder("x").deny("no").to(List.of(TargetRef.of("openai"))).build());
  }

  @Test
  void everyTargetOfARegionBoundRouteMustBeInTheRegion() {
    PolicyLoadResult r =
        routes(
            "  - name: eu-only",
            "    when: {pii: iban}",
            "    to: [eu-llama/llama, openai/gpt-4o, eu-claude, anthropic/claude-x]",
            "    canary: {to: openai/gpt-4.1-mini, percent: 5, rollback_when: {error_rate: 0.2}}",
            "    shadow: {to: mistral/mistral-large}",
            "    require_region: eu");
    assertEquals(
        "13:26 routes[0].to[1]: the route requires region 'eu', but provider 'openai' is in"
            + " region 'us'\n"
            + "13:52 routes[0].to[3]: the route requires region 'eu', but the region of provider"
            + " 'anthropic' is unknown; add region: to providers.anthropic\n"
            + "14:18 routes[0].canary.to: the route requires region 'eu', but provider 'openai' is"
            + " in region 'us'\n"
            + "15:18 routes[0].shadow.to: the route requires region 'eu', but the region of"
            + " provider 'mistral' is unknown; add region: to providers.mistral\n",
        render(r.errors()));

    assertEquals(
        "policy.yaml:13:26: error: routes[0].to[1]: the route requires region 'eu', but provider"
            + " 'openai' is in region 'us'",
        r.errors().get(0).toString());

    PolicyLoadResult ok =
        routes(
            "  - name: eu-only",
            "    to: [eu-llama/llama, eu-claude]",
            "    canary: {to: eu-claude/claude-x, percent: 5, rollback_when: {error_rate: 0.2}}",
            "    require_region: eu");
    assertTrue(ok.ok(), ok::toString);
    assertEquals(Optional.of("eu"), ok.policy().orElseThrow().routes().get(0).requireRegion());
  }

  @Test
  void withoutToTheAddressedProvidersMustBeInTheRegion() {
    PolicyLoadResult r =
        routes(
            "  - name: eu-apps",
            "    when: {provider: [eu-llama, openai]}",
            "    pii: {action: detect}",
            "    require_region: eu");
    assertEquals(
        "12:33 routes[0].when.provider[1]: the route requires region 'eu', but provider 'openai'"
            + " is in region 'us'\n",
        render(r.errors()));
  }

  @Test
  void routesAfterACatchAllOrWithTheSameConditionsNeverMatch() {
    PolicyLoadResult r =
        routes(
            "  - {name: a, when: {model: [gpt-4o, o3], tenant: acme}, to: openai}",
            "  - {name: b, when: {tenant: acme, model: [o3, gpt-4o]}, to: anthropic}",
            "  - {name: c, when: {tenant: acme}, to: anthropic}",
            "  - {name: everything, to: openai}",
            "  - {name: d, when: {tenant: other}, to: openai}",
            "  - {name: e, to: anthropic}");
    assertTrue(r.ok(), r::toString);
    assertEquals(
        "12:21 routes[1].when: route 'b' can never match: route 'a' (line 11) has the same 'when'"
            + " and comes first\n"
            + "15:5 routes[4]: route 'd' can never match: route 'everything' (line 14) comes first"
            + " and matches every request\n"
            + "16:5 routes[5]: route 'e' can never match: route 'everything' (line 14) comes first"
            + " and matches every request\n",
        render(r.warnings()));
    assertEquals(6, r.policy().orElseThrow().routes().size());
  }

  @Test
  void duplicateTargetsInAChainAreReported() {
    PolicyLoadResult r = routes("  - to: [openai/gpt-4o, anthropic, openai/gpt-4o, openai]");
    assertTrue(r.ok(), r::toString);
    assertEquals(
        "11:36 routes[0].to[2]: target 'openai/gpt-4o' is already in this chain (line 11, column"
            + " 10); repeating it only retries, which resilience.retry does\n",
        render(r.warnings()));
    assertEquals(
        List.of(
            TargetRef.parse("openai/gpt-4o"), TargetRef.of("anthropic"), TargetRef.of("openai")),
        r.policy().orElseThrow().routes().get(0).to());
  }

  @Test
  void routeNamesMustBeUniqueDefaultNamesIncluded() {
    PolicyLoadResult r =
        routes(
            "  - {name: a, when: {tenant: x}}",
            "  - {name: a, when: {tenant: y}}",
            "  - {when: {tenant: z}}",
            "  - {name: route-3, when: {tenant: w}}");
    assertEquals(
        "12:12 routes[1].name: duplicate route name 'a' (first used at line 11, column 12)\n"
            + "14:12 routes[3].name: duplicate route name 'route-3' (first used at line 13, column"
            + " 5)\n",
        render(r.errors()));
  }

  @Test
  void emptyChainsAndWrongShapes() {
    PolicyLoadResult r =
        routes(
            "  - {name: a, to: []}",
            "  - {name: b, to: {openai: x}, when: [tenant]}",
            "  - just-a-string",
            "  - {name: c, canary: openai, shadow: [openai]}");
    assertEquals(
        "11:19 routes[0].to: must list at least one target (leave 'to' out to send where the"
            + " application addressed)\n"
            + "12:19 routes[1].to: must be a value or a list of values, got a mapping\n"
            + "12:38 routes[1].when: must be a mapping, got a sequence\n"
            + "13:5 routes[2]: must be a mapping, got a string\n"
            + "14:23 routes[3].canary: must be a mapping, got a string\n"
            + "14:39 routes[3].shadow: must be a mapping, got a sequence\n",
        render(r.errors()));
    assertEquals(
        "3:9 routes: must be a sequence, got a mapping\n",
        render(yaml("airlock: 1", "name: d", "routes: {a: b}").errors()));
  }

  @Test
  void routesMayComeBeforeTheSectionsTheyReferTo() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "routes:",
            "  - {when: {pii: customer_id}, to: eu-llama/x, require_region: eu}",
            "budgets:",
            "  - {per: global, limit: 1 USD/day, on_exceed: {downgrade: eu-llama/small}}",
            "providers:",
            "  eu-llama: {format: openai, base_url: 'https://llm.eu.example/v1', region: eu}",
            "pii:",
            "  custom: [{name: customer_id, pattern: 'CUST-[0-9]{8}'}]");
    assertTrue(r.ok(), r::toString);
    assertEquals(List.of("customer_id"), r.policy().orElseThrow().routes().get(0).when().pii());
  }

  @Test
  void aProviderDeclaredWithErrorsIsNotReportedAgainOnEveryRoute() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "providers:",
            "  eu-llama: {format: opnai, base_url: 'https://llm.eu.example/v1', region: eu}",
            "routes:",
            "  - {to: eu-llama/x, require_region: eu}");
    assertEquals(
        "4:22 providers.eu-llama.format: must be one of openai, anthropic, gemini, got 'opnai'"
            + " (did you mean 'openai'?)\n",
        render(r.errors()));
  }

  @Test
  void globsMatchTheWholeValue() {
    assertTrue(RouteMatch.globMatches("com.acme.triage.*", "com.acme.triage.Bot"));
    assertTrue(RouteMatch.globMatches("com.acme.triage.*", "com.acme.triage.a.B"));
    assertFalse(RouteMatch.globMatches("com.acme.triage.*", "com.acme.triagex.Bot"));
    assertTrue(RouteMatch.globMatches("gpt-4o*", "gpt-4o"));
    assertTrue(RouteMatch.globMatches("gpt-4o*", "gpt-4o-mini"));
    assertFalse(RouteMatch.globMatches("gpt-4o*", "gpt-4.1"));
    assertFalse(RouteMatch.globMatches("gpt-4o", "gpt-4o-mini"));
    assertTrue(RouteMatch.globMatches("o?-mini", "o3-mini"));
    assertFalse(RouteMatch.globMatches("o?-mini", "o-mini"));
    assertTrue(RouteMatch.globMatches("*", ""));
    assertTrue(RouteMatch.globMatches("a*b*c", "a-b-b-c"));
    assertFalse(RouteMatch.globMatches("a*b*c", "a-b-b-d"));
    assertFalse(RouteMatch.globMatches("GPT-4o*", "gpt-4o"));
  }
}
