package dev.airlock.agent.cli;

import dev.airlock.agent.AirlockAgent;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.PolicyProblem;
import dev.airlock.policy.PolicySchema;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar airlock-agent.jar <command> ...}: the security team's tools. Exit codes a CI
 * can use: 0 success, 1 the checked thing is wrong (an invalid policy), 2 bad usage.
 */
public final class AirlockCli {

  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private static final String USAGE_TEXT = String.join("\n",
      "usage: java -jar airlock-agent.jar <command> [options]",
      "",
      "commands:",
      "  validate POLICY...   check policy files; every problem as file:line:col",
      "  schema               print the policy JSON Schema (for editors and CI)",
      "  explain POLICY REQUEST.json [--json]   the whole decision for one request, nothing sent",
      "  test POLICY TESTS.yaml [--junit FILE]  run policy unit tests; JUnit XML for CI",
      "  keygen --out PREFIX  write an Ed25519 key pair for signing policies",
      "  sign --key PRIVATE.pem POLICY      write POLICY.sig",
      "  verify --pubkey PUBLIC.pem POLICY  check POLICY.sig",
      "  pii scan [--policy POLICY] [--jsonl]     PII findings in text from stdin, as JSON",
      "  guard check [--policy POLICY] [--source user|tool_result] [--jsonl]",
      "                       prompt-injection score of text from stdin (as a user message or as a tool",
      "                       result), as JSON",
      "  audit verify FILE    check an audit log's hash chain (an edited or removed line shows)",
      "  audit summary FILE [--json]  calls and personal data per destination region, blocks, spend",
      "  version              print the agent version",
      "  help [COMMAND]       this text, or a command's",
      "",
      "As an agent: java -javaagent:airlock-agent.jar=policy=PATH[,policy.pubkey=PATH][,telemetry=PATH][,log=debug] -jar app.jar",
      "Exit codes: 0 ok, 1 the policy is invalid (or its signature is, or a policy test failed, or an audit"
          + " log's chain is broken), 2 bad usage.");

  private final PrintStream out;
  private final PrintStream err;

  AirlockCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new AirlockCli(System.out, System.err).run(args));
  }

  int run(String[] args) {
    if (args.length == 0) {
      err.println(USAGE_TEXT);
      return USAGE;
    }
    String command = args[0];
    List<String> rest = Arrays.asList(args).subList(1, args.length);
    switch (command) {
      case "validate":
        return validate(rest);
      case "schema":
        return schema(rest);
      case "version":
      case "--version":
        out.println("Airlock " + AirlockAgent.version());
        return OK;
      case "help":
      case "--help":
      case "-h":
        return help(rest);
      case "keygen":
        return signatures().keygen(rest);
      case "sign":
        return signatures().sign(rest, this::isValidQuietly);
      case "verify":
        return signatures().verify(rest);
      case "explain":
        return new ExplainCommand(out, err).run(rest);
      case "test":
        return new TestCommand(out, err).run(rest);
      case "pii":
        return new PiiScanCommand(System.in, out, err).run(rest);
      case "guard":
        return new GuardCheckCommand(System.in, out, err).run(rest);
      case "audit":
        return new AuditCommand(out, err).run(rest);
      default:
        err.println("airlock: unknown command '" + command + "'\n\n" + USAGE_TEXT);
        return USAGE;
    }
  }

  private int help(List<String> rest) {
    if (rest.isEmpty()) {
      out.println(USAGE_TEXT);
      return OK;
    }
    switch (rest.get(0)) {
      case "validate":
        out.println(VALIDATE_HELP);
        return OK;
      case "schema":
        out.println(SCHEMA_HELP);
        return OK;
      case "version":
        out.println("usage: java -jar airlock-agent.jar version\n\nPrints the agent version.");
        return OK;
      case "explain":
        out.println(ExplainCommand.HELP);
        return OK;
      case "test":
        out.println(TestCommand.HELP);
        return OK;
      case "keygen":
        out.println(SignatureCommands.KEYGEN_HELP);
        return OK;
      case "sign":
        out.println(SignatureCommands.SIGN_HELP);
        return OK;
      case "verify":
        out.println(SignatureCommands.VERIFY_HELP);
        return OK;
      case "pii":
        out.println(PiiScanCommand.HELP);
        return OK;
      case "guard":
        out.println(GuardCheckCommand.HELP);
        return OK;
      case "audit":
        out.println(AuditCommand.HELP);
        return OK;
      default:
        err.println("airlock: no help for unknown command '" + rest.get(0) + "'");
        return USAGE;
    }
  }

  private static final String VALIDATE_HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar validate POLICY...",
      "",
      "Loads each policy file (YAML or JSON) as the agent would and prints every problem,",
      "one per line: file:line:col: error|warning: path: message.",
      "Exit code 0 when every file is valid (warnings allowed), 1 when any has an error.");

  private static final String SCHEMA_HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar schema",
      "",
      "Prints the JSON Schema (2020-12) of the policy language. Save it and point your editor at it:",
      "  # yaml-language-server: $schema=./airlock-policy.schema.json");

  private int validate(List<String> files) {
    if (files.isEmpty() || files.contains("--help") || files.contains("-h")) {
      (files.isEmpty() ? err : out).println(VALIDATE_HELP);
      return files.isEmpty() ? USAGE : OK;
    }
    boolean allValid = true;
    for (String file : files) {
      Path path = Path.of(file);
      if (!Files.isRegularFile(path)) {
        err.println(file + ": error: no such file");
        allValid = false;
        continue;
      }
      PolicyLoadResult result = PolicyLoader.load(path);
      for (PolicyProblem problem : result.errors()) {
        out.println(problem);
      }
      for (PolicyProblem problem : result.warnings()) {
        out.println(problem);
      }
      if (result.ok()) {
        Policy policy = result.policy().get();
        out.println(file + ": ok: policy '" + policy.name() + "'"
            + policy.version().map(v -> " version " + v).orElse("")
            + ", sha256 " + policy.sha256());
      } else {
        out.println(file + ": invalid: " + result.errors().size() + " error(s)");
        allValid = false;
      }
    }
    return allValid ? OK : FAILED;
  }

  private SignatureCommands signatures() {
    return new SignatureCommands(out, err);
  }

  private boolean isValidQuietly(Path policy) {
    if (!Files.isRegularFile(policy)) {
      return false;
    }
    PolicyLoadResult result = PolicyLoader.load(policy);
    result.errors().forEach(err::println);
    return result.ok();
  }

  private int schema(List<String> rest) {
    if (!rest.isEmpty()) {
      out.println(SCHEMA_HELP);
      return rest.contains("--help") || rest.contains("-h") ? OK : USAGE;
    }
    out.println(PolicySchema.json());
    return OK;
  }
}
