package dev.airlock.policy;

import static dev.airlock.policy.Policies.render;
import static dev.airlock.policy.Policies.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every kind of problem, with its exact position, path and wording. */
class PolicyProblemsTest {

  @Test
  void everyProblemInAFileIsReportedAtOnceInDocumentOrder() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: demo",
            "provders: {}",
            "providers:",
            "  eu-llama:",
            "    format: opnai",
            "    base_url: https://llm.example.com/v1",
            "    api_key: sk-live-123456",
            "    regin: eu",
            "  opneai:",
            "    region: us",
            "models:",
            "  gpt-x: {input: -1, output: 0.6, cachd_input: 0.1}",
            "audit:",
            "  file: /var/log/airlock/audit.jsonl",
            "  fsync: sometimes");
    assertFalse(r.ok());
    assertTrue(r.policy().isEmpty());
    assertEquals(
        "3:1 provders: unknown key 'provders', did you mean 'providers'?\n"
            + "6:13 providers.eu-llama.format: must be one of openai, anthropic, gemini, got"
            + " 'opnai' (did you mean 'openai'?)\n"
            + "8:14 providers.eu-llama.api_key: inline API keys are refused: secrets come only"
            + " from ${env:NAME} or ${file:PATH} (the value is not repeated here; if it is a real"
            + " key, rotate it)\n"
            + "9:5 providers.eu-llama.regin: unknown key 'regin', did you mean 'region'?\n"
            + "10:3 providers.opneai: provider 'opneai' is not built-in, so it needs 'format' and"
            + " 'base_url' (did you mean the built-in 'openai'?)\n"
            + "13:18 models.gpt-x.input: must not be negative, got -1\n"
            + "13:35 models.gpt-x.cachd_input: unknown key 'cachd_input', did you mean"
            + " 'cached_input'?\n"
            + "16:10 audit.fsync: must be one of every, batch, off, got 'sometimes'\n",
        render(r.errors()));
    assertFalse(r.toString().contains("sk-live"), "a refused inline key must not be echoed");
  }

  @Test
  void renderedLikeACompilerDiagnostic() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: demo",
            "providers:",
            "  eu-llama:",
            "    base_url: https://llm.example.com/v1",
            "    format: opnai");
    PolicyProblem p = r.errors().get(0);
    assertEquals(
        "policy.yaml:6:13: error: providers.eu-llama.format: must be one of openai, anthropic,"
            + " gemini, got 'opnai' (did you mean 'openai'?)",
        p.toString());
    assertEquals(PolicyProblem.Severity.ERROR, p.severity());
    assertEquals("policy.yaml", p.sourceName());
    assertEquals(6, p.line());
    assertEquals(13, p.column());
    assertEquals("providers.eu-llama.format", p.path());
    assertEquals(Optional.of("openai"), p.suggestion());
  }

  @Test
  void unknownKeyWithoutACloseMatchListsTheAllowedKeys() {
    PolicyLoadResult r = yaml("airlock: 1", "name: demo", "providers:", "  openai: {color: blue}");
    assertEquals(
        "4:12 providers.openai.color: unknown key 'color'; allowed here: format, base_url,"
            + " api_key, region\n",
        render(r.errors()));
    assertEquals(Optional.empty(), r.errors().get(0).suggestion());
  }

  @Test
  void missingRequiredKeysWrongVersionAndWrongTypes() {
    PolicyLoadResult r = yaml("airlock: 2", "version: 3.10");
    assertEquals(
        "1:1 missing required key 'name' (a name for the policy, reported in every span and"
            + " audit line)\n"
            + "1:10 airlock: policy format version 2 is not supported; this version of Airlock"
            + " reads airlock: 1\n"
            + "2:10 version: must be a string, got a number (quote it: \"3.10\")\n",
        render(r.errors()));
    assertEquals(
        "policy.yaml:1:1: error: missing required key 'name' (a name for the policy, reported in"
            + " every span and audit line)",
        r.errors().get(0).toString());

    PolicyLoadResult noVersion = yaml("name: demo");
    assertEquals(
        "1:1 missing required key 'airlock' (the policy format version: write airlock: 1)\n",
        render(noVersion.errors()));

    PolicyLoadResult wrongShapes =
        yaml("airlock: '1'", "name: [a]", "providers: [openai]", "models: {m: 3}");
    assertEquals(
        "1:10 airlock: must be the policy format version 1, got a string\n"
            + "2:7 name: must be a string, got a sequence\n"
            + "3:12 providers: must be a mapping, got a sequence\n"
            + "4:13 models.m: must be a mapping, got a number\n",
        render(wrongShapes.errors()));
  }

  @Test
  void rootMustBeAMapping() {
    assertEquals(
        "1:1 a policy must be a mapping of sections, got a sequence\n",
        render(yaml("- airlock: 1").errors()));
    assertEquals("0:0 policy is empty\n", render(yaml("# nothing here").errors()));
    assertEquals("0:0 policy is empty\n", render(Policies.parse("p.yaml", "").errors()));
  }

  @Test
  void duplicateKeysAreErrorsAtTheSecondOccurrence() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: a",
            "providers:",
            "  openai: {region: us}",
            "  openai: {region: eu}",
            "name: b");
    assertFalse(r.ok());
    assertEquals(
        "5:3 providers.openai: duplicate key 'openai' (first defined at line 4, column 3)\n"
            + "6:1 name: duplicate key 'name' (first defined at line 2, column 1)\n",
        render(r.errors()));

    PolicyLoadResult json =
        Policies.parse("p.json", "{\"airlock\": 1, \"name\": \"a\",\n \"airlock\": 1}");
    assertEquals(
        "2:2 airlock: duplicate key 'airlock' (first defined at line 1, column 2)\n",
        render(json.errors()));
  }

  @Test
  void yamlSyntaxErrorsPointAtTheOffendingCharacter() {
    PolicyLoadResult r = yaml("airlock: 1", "name: x", "models: {a: {input: 1, , output: 2}}");
    assertEquals(1, r.errors().size());
    PolicyProblem p = r.errors().get(0);
    assertEquals(3, p.line());
    assertEquals(24, p.column());
    assertEquals(
        "YAML syntax error: expected the node content, but found ',' (while parsing a flow node)",
        p.message());
    assertEquals("", p.path());

    PolicyProblem tab = yaml("airlock: 1", "providers:", "\topenai: {}").errors().get(0);
    assertEquals(3, tab.line());
    assertEquals(1, tab.column());
    assertTrue(
        tab.message().startsWith("YAML syntax error: found character '\\t(TAB)'"), tab::message);

    PolicyProblem unterminated = yaml("airlock: 1", "name: \"demo").errors().get(0);
    assertEquals(3, unterminated.line());
    assertEquals(
        "YAML syntax error: found unexpected end of stream (while scanning a quoted scalar)",
        unterminated.message());
  }

  @Test
  void jsonSyntaxErrorsAreLocated() {
    PolicyLoadResult r = Policies.parse("policy.json", "{\"airlock\": 1,\n \"name\": \"x\",}\n");
    PolicyProblem p = r.errors().get(0);
    assertEquals(2, p.line());
    assertEquals(14, p.column());
    assertTrue(p.message().startsWith("JSON syntax error: Unexpected character ('}'"), p::message);
    assertTrue(p.toString().startsWith("policy.json:2:14: error: JSON syntax error"), p::toString);
  }

  @Test
  void yamlAliasesAndSeveralDocumentsAreRefused() {
    PolicyLoadResult alias = yaml("airlock: 1", "name: &n demo", "version: *n");
    assertEquals(
        "3:10 version: YAML aliases (*name) are not supported in a policy; write the value out"
            + " in full\n",
        render(alias.errors()));

    PolicyLoadResult twoDocs = yaml("airlock: 1", "name: a", "---", "airlock: 1");
    assertEquals(
        "4:1 the file holds more than one YAML document; a policy is a single document\n",
        render(twoDocs.errors()));
  }

  @Test
  void tooDeepNestingIsRefused() {
    StringBuilder deep = new StringBuilder("airlock: 1\nname: x\nmodels: ");
    for (int i = 0; i < 100; i++) {
      deep.append('[');
    }
    PolicyLoadResult r = Policies.parse("p.yaml", deep.toString());
    assertEquals(1, r.errors().size(), r::toString);
    assertTrue(r.errors().get(0).message().startsWith("nesting deeper than 64 levels"));
  }

  @Test
  void auditIsReadWithFsyncBatchByDefault() {
    PolicyLoadResult r =
        yaml("airlock: 1", "name: demo", "audit:", "  file: /var/log/a.jsonl", "state: memory");
    assertTrue(r.ok(), r::toString);
    AuditPolicy audit = r.policy().orElseThrow().audit().orElseThrow();
    assertEquals(java.nio.file.Path.of("/var/log/a.jsonl"), audit.file());
    assertEquals(AuditPolicy.Fsync.BATCH, audit.fsync());
    for (AuditPolicy.Fsync mode : AuditPolicy.Fsync.values()) {
      PolicyLoadResult each =
          yaml("airlock: 1", "name: d", "audit: {file: audit.jsonl, fsync: " + mode.id() + "}");
      assertEquals(mode, each.policy().orElseThrow().audit().orElseThrow().fsync(), each::toString);
    }
    assertEquals(Optional.empty(), yaml("airlock: 1", "name: d").policy().orElseThrow().audit());
  }

  @Test
  void auditProblemsAreLocatedWithSuggestions() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "audit:",
            "  fil: /var/log/a.jsonl",
            "  fsync: evrey");
    assertEquals(
        "4:3 audit.fil: unknown key 'fil', did you mean 'file'?\n"
            + "5:10 audit.fsync: must be one of every, batch, off, got 'evrey' (did you mean"
            + " 'every'?)\n",
        render(r.errors()));
    assertEquals(Optional.of("every"), r.errors().get(1).suggestion());

    PolicyLoadResult noFile = yaml("airlock: 1", "name: d", "audit:", "  fsync: off");
    assertEquals(
        "4:3 audit: missing required key 'file' (the path of the audit log, e.g."
            + " /var/log/airlock/audit.jsonl)\n",
        render(noFile.errors()));
    assertEquals(
        "3:8 audit: must be a mapping, got a string\n",
        render(yaml("airlock: 1", "name: d", "audit: /var/log/a.jsonl").errors()));
    assertEquals(
        "3:15 audit.file: must name a file, not a directory, e.g. /var/log/audit.jsonl\n",
        render(yaml("airlock: 1", "name: d", "audit: {file: /var/log/}").errors()));
    assertEquals(
        "3:15 audit.file: must be a string, got a number (quote it: \"42\")\n",
        render(yaml("airlock: 1", "name: d", "audit: {file: 42}").errors()));
  }

  @Test
  void telemetryCaptureContentIsReadAndOnInternalErrorIsEnforced() {
    PolicyLoadResult ok =
        yaml(
            "airlock: 1",
            "name: d",
            "telemetry:",
            "  capture_content: false",
            "on_internal_error: pass_through");
    assertTrue(ok.ok(), ok::toString);
    assertFalse(ok.policy().orElseThrow().captureContent());
    assertEquals(OnInternalError.PASS_THROUGH, ok.policy().orElseThrow().onInternalError());
    assertFalse(yaml("airlock: 1", "name: d", "telemetry: {}").policy().orElseThrow().captureContent());
    assertFalse(yaml("airlock: 1", "name: d", "telemetry:").policy().orElseThrow().captureContent());
    assertFalse(yaml("airlock: 1", "name: d").policy().orElseThrow().captureContent());
    assertEquals(
        OnInternalError.PASS_THROUGH,
        yaml("airlock: 1", "name: d").policy().orElseThrow().onInternalError());

    PolicyLoadResult capture = yaml("airlock: 1", "name: d", "telemetry:", "  capture_content: true");
    assertTrue(capture.ok(), capture::toString);
    assertTrue(capture.policy().orElseThrow().captureContent());

    PolicyLoadResult block = yaml("airlock: 1", "name: d", "on_internal_error: block");
    assertTrue(block.ok(), block::toString);
    assertEquals(OnInternalError.BLOCK, block.policy().orElseThrow().onInternalError());
    assertEquals("block", OnInternalError.BLOCK.id());
    assertEquals("pass_through", OnInternalError.PASS_THROUGH.id());

    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "telemetry:",
            "  capture_content: yes please",
            "  captur_content: false");
    assertEquals(
        "4:20 telemetry.capture_content: must be true or false, got a string\n"
            + "5:3 telemetry.captur_content: unknown key 'captur_content', did you mean"
            + " 'capture_content'?\n",
        render(r.errors()));
    assertEquals(
        "3:12 telemetry: must be a mapping, got a string\n",
        render(yaml("airlock: 1", "name: d", "telemetry: on").errors()));

    PolicyLoadResult typo = yaml("airlock: 1", "name: d", "on_internal_error: pass-through");
    assertEquals(
        "3:20 on_internal_error: must be one of pass_through, block, got 'pass-through' (did you"
            + " mean 'pass_through'?)\n",
        render(typo.errors()));
    assertEquals(Optional.of("pass_through"), typo.errors().get(0).suggestion());
  }

  @Test
  void providerChecks() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "providers:",
            "  openai: {format: anthropic}",
            "  a/b: {format: openai, base_url: https://x.example}",
            "  c: {format: openai, base_url: ftp://x.example}",
            "  d: {format: openai, base_url: 'https://user:pw@x.example/v1'}",
            "  e: {format: openai, base_url: /v1}",
            "  f: {format: gemini, base_url: http://10.1.2.3/v1}",
            "  g: {format: gemini, base_url: http://127.0.0.1:8080/v1}");
    assertEquals(
        "4:20 providers.openai.format: built-in provider 'openai' speaks openai; declare a"
            + " provider under another name to use another format\n"
            + "5:3 providers[\"a/b\"]: provider name 'a/b' must start with a letter or digit and"
            + " contain only letters, digits, '.', '_' and '-' (routes write provider/model)\n"
            + "6:33 providers.c.base_url: must be an http or https URL, got scheme 'ftp'\n"
            + "7:33 providers.d.base_url: must not contain credentials (user:password@); give the"
            + " key as api_key: ${env:NAME}\n"
            + "8:33 providers.e.base_url: must be an absolute http or https URL, e.g."
            + " https://llm.example.com/v1\n",
        render(r.errors()));
    assertFalse(r.toString().contains("pw@"), "credentials in a URL must not be echoed");
    assertEquals(
        "9:33 providers.f.base_url: plain http to a host that is not loopback: prompts, answers"
            + " and the API key travel unencrypted\n",
        render(r.warnings()));
  }

  @Test
  void modelChecks() {
    PolicyLoadResult r =
        yaml(
            "airlock: 1",
            "name: d",
            "models:",
            "  gpt-4.1-mini: {input: 0.4}",
            "  m2: {input: '0.4', output: .inf}",
            "  m3: {input: 1, output: 2, cache_write: 1.25}");
    assertEquals(
        "4:3 models[\"gpt-4.1-mini\"]: model 'gpt-4.1-mini' needs 'output' prices (USD per"
            + " million tokens)\n"
            + "5:15 models.m2.input: must be a number, got a string\n"
            + "5:30 models.m2.output: must be a finite number, got '.inf'\n",
        render(r.errors()));
  }
}
