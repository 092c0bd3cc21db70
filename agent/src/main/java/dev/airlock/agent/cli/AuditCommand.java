package dev.airlock.agent.cli;

import dev.airlock.agent.audit.AuditChain;
import dev.airlock.agent.audit.AuditSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code audit verify FILE} and {@code audit summary FILE [--json]}: the audit log's tools. Verify
 * walks the hash chain and names the first line that breaks it; summary answers where calls and
 * personal data went, what was blocked and what each tenant spent.
 */
final class AuditCommand {

  static final String HELP = String.join("\n",
      "usage: java -jar airlock-agent.jar audit verify FILE",
      "       java -jar airlock-agent.jar audit summary FILE [--json]",
      "",
      "verify   checks the hash chain of an audit log: every line's 'prev' must be the SHA-256 of",
      "         the line before it (of the empty string for line 1). Prints 'ok' with the number of",
      "         lines and the hash of the last one (keep it elsewhere: a changed or removed last line",
      "         has no successor to give it away), or the first broken line and why.",
      "summary  calls per destination provider and region, personal data per destination region",
      "         (values found, and how many were sent unredacted), blocked calls per rule, and",
      "         spend per tenant. --json prints one JSON object instead.",
      "",
      "Exit codes: 0 ok, 1 the chain is broken, 2 bad usage or an unreadable file.");

  private static final Set<String> FLAGS = Set.of("--help", "-h", "--json");

  private final PrintStream out;
  private final PrintStream err;

  AuditCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** @param rawArgs the arguments after {@code audit} */
  int run(List<String> rawArgs) {
    CommandArgs args;
    try {
      args = CommandArgs.parse(rawArgs, FLAGS, Set.of());
    } catch (UsageException e) {
      return usage(e.getMessage());
    }
    if (args.has("--help") || args.has("-h")) {
      out.println(HELP);
      return AirlockCli.OK;
    }
    List<String> positionals = args.positionals();
    if (positionals.size() != 2 || !List.of("verify", "summary").contains(positionals.get(0))) {
      return usage(positionals.isEmpty() ? null
          : "expected 'audit verify FILE' or 'audit summary FILE', got 'audit " + String.join(" ", positionals) + "'");
    }
    String command = positionals.get(0);
    if (command.equals("verify") && args.has("--json")) {
      return usage("--json is an option of 'audit summary'");
    }
    Path file = Path.of(positionals.get(1));
    if (!Files.isRegularFile(file)) {
      err.println(file + ": error: no such file");
      return AirlockCli.USAGE;
    }
    try {
      return command.equals("verify") ? verify(file) : summary(file, args.has("--json"));
    } catch (IOException e) {
      err.println(file + ": error: cannot read: " + e.getMessage());
      return AirlockCli.USAGE;
    }
  }

  private int verify(Path file) throws IOException {
    AuditChain.Result result = AuditChain.verify(file);
    if (result.ok()) {
      out.println(file + ": ok: " + result.lines() + " line(s), chain intact; last line's sha256 " + result.head());
      return AirlockCli.OK;
    }
    out.println(file + ":" + result.brokenLine() + ": broken: " + result.reason());
    out.println(file + ": " + (result.brokenLine() - 1) + " line(s) verified before it");
    return AirlockCli.FAILED;
  }

  private int summary(Path file, boolean json) throws IOException {
    AuditSummary summary;
    try (InputStream in = Files.newInputStream(file)) {
      summary = AuditSummary.read(in);
    }
    if (json) {
      out.println(summary.toJson());
      return AirlockCli.OK;
    }
    out.println(file + ": " + summary.calls() + " call(s)"
        + (summary.unreadable() > 0 ? ", " + summary.unreadable() + " unreadable line(s) skipped" : ""));
    out.println();
    out.println("calls by destination (provider (region)):");
    printCounts(summary.callsByDestination());
    out.println();
    out.println("personal data sent, by destination region (values found; of them sent unredacted):");
    if (summary.piiByRegion().isEmpty()) {
      out.println("  none");
    }
    summary.piiByRegion().forEach((region, types) -> {
      StringBuilder line = new StringBuilder("  ").append(region).append(':');
      types.forEach((type, totals) -> line.append(' ').append(type).append(' ').append(totals[0])
          .append(" (").append(totals[1]).append(" unredacted),"));
      line.setLength(line.length() - 1);
      out.println(line);
    });
    out.println();
    out.println("blocked calls by rule:");
    printCounts(summary.blockedByRule());
    out.println();
    out.println("spend by tenant (USD):");
    if (summary.spendByTenant().isEmpty()) {
      out.println("  none");
    }
    summary.spendByTenant().forEach((tenant, usd) ->
        out.println("  " + tenant + " " + usd.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()));
    return AirlockCli.OK;
  }

  private void printCounts(Map<String, Long> counts) {
    if (counts.isEmpty()) {
      out.println("  none");
    }
    counts.forEach((key, count) -> out.println("  " + key + " " + count));
  }

  private int usage(String problem) {
    if (problem != null) {
      err.println("airlock audit: " + problem);
    }
    err.println(HELP);
    return AirlockCli.USAGE;
  }
}
