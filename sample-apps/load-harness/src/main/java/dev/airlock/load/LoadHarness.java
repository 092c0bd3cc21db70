package dev.airlock.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.mock.MockProvider;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark of the agent: the same small application ({@link LoadApp}) makes the
 * same calls to the mock provider over loopback, in child JVMs started without the agent, with it
 * observing, and with it under the example policy, optionally through the Portkey gateway too;
 * then start-up time and memory ({@link TinyApp}). Prints Markdown tables of every run against the
 * no-agent baseline of the same invocation. It imports nothing from Airlock: the agent is a
 * {@code -javaagent} flag on the child's command line, exactly as a user would add it.
 *
 * <p>On demand only; never a test and never a gate. See the module's README for the commands.
 */
public final class LoadHarness {

  static final String USAGE = String.join("\n",
      "Usage: java -jar sample-apps/load-harness/target/load-harness.jar [options]",
      "",
      "Runs the same app (JDK HttpClient and/or OkHttp) against the in-process mock provider over",
      "loopback, in child JVMs without the agent, with the agent observing, and with the agent under",
      "the example policy; then start-up and idle memory with/without the agent and the OpenTelemetry",
      "Java agent. Prints tables against the no-agent baseline of the same run.",
      "",
      "  --quick              a smoke run of a few minutes: --calls 500 --warmup 1000 --paced-calls 100",
      "                       --startup-runs 3 --memory-runs 1 (numbers noisier; options after it still apply)",
      "Load:",
      "  --calls N            calls per measured phase (default 2000)",
      "  --warmup N           warm-up calls of each kind, per child JVM (default 5000)",
      "  --settle-rounds N    then at most N rounds of further warm-up, until a round in which the JIT",
      "                       compiled for under 2% of its time (default 40; 0: off; the report says",
      "                       how many calls each run took to settle; under the example policy that",
      "                       is about 20 rounds on 2 cores)",
      "  --paced-calls N      streams of the paced phase (default 300): short answers, the mock pausing",
      "  --chunk-delay-ms N   before each content event (default 2 ms), as a provider streams tokens",
      "  --concurrency C      threads of the throughput phases (default 8)",
      "  --rounds R           runs of every scenario, interleaved; samples are pooled (default 1)",
      "  --clients LIST       jdk,okhttp (default jdk,okhttp)",
      "  --scenarios LIST     none,observe,policy (default all three)",
      "  --portkey            also run the load through the Portkey gateway (npm " + Portkey.GATEWAY + ")",
      "  --stream-usage       the app asks for stream usage itself (default: it does not, so the",
      "                       agent adds include_usage and strips the extra chunk: its costlier path)",
      "  --policy FILE        the policy of the 'policy' scenario instead of the built-in example;",
      "                       ${MOCK_URL} in it is replaced by the mock's base URL",
      "Start-up and memory:",
      "  --startup-runs K     launches per variant and mode (default 5; median reported)",
      "  --memory-runs K      idle-memory launches per variant (default 3; median reported)",
      "Selection and paths:",
      "  --skip-load | --skip-startup | --skip-memory | --skip-cache",
      "                       (cache: the cost a repetitive workload saves, and the heap of a full",
      "                       10,000-entry cache; about 3 min)",
      "  --agent-jar PATH     default: <repo>/agent/target/airlock-agent.jar",
      "  --otel-jar PATH      default: target/opentelemetry-javaagent.jar next to this jar (row skipped if absent)",
      "  --java PATH          java of the child JVMs (default: the one running the harness)",
      "  --jvm-arg ARG        extra flag for every child JVM (repeatable)",
      "  --out DIR            where the report and the policies go (default: target/load-run next to this jar)",
      "  --help");

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The keys the example policy's targets take from the environment. Routing to another provider
   * never forwards the application's key, so without these the mock would answer 401.
   */
  private static final Map<String, String> TARGET_KEYS = Map.of(
      "EU_LLM_KEY", "sk-load-test", "OPENAI_API_KEY", "sk-load-test", "ANTHROPIC_API_KEY", "sk-load-test");
  private static final String MODEL = "llama-3.3-70b";

  /** Parsed command line. */
  static final class Options {
    int calls = 2000;
    int warmup = 5000;
    /**
     * Enough for the example policy's JVM on 2 cores: its C2 compiler works through about 1,800
     * first-time tier-4 compilations (agent, Jackson, java.net.http) and goes quiet after about 20
     * rounds (50,000 to 57,000 calls); a cap of 15 measured every agent run while it still compiled.
     */
    int settleRounds = 40;
    int pacedCalls = 300;
    int chunkDelayMs = 2;
    int concurrency = 8;
    int rounds = 1;
    List<String> clients = List.of("jdk", "okhttp");
    List<String> scenarios = List.of("none", "observe", "policy");
    boolean portkey;
    boolean streamUsage;
    Path policy;
    int startupRuns = 5;
    int memoryRuns = 3;
    boolean skipLoad;
    boolean skipStartup;
    boolean skipMemory;
    boolean skipCache;
    Path agentJar;
    Path otelJar;
    String java;
    List<String> jvmArgs = new ArrayList<>();
    Path out;
  }

  /** One way of running the app. */
  static final class Scenario {
    final String id;
    final String label;
    final List<String> jvmArgs = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();
    String url;
    final List<String> appArgs = new ArrayList<>();
    /** A line the child's stderr must contain (the agent's start line naming the policy). */
    String expectInStderr;

    Scenario(String id, String label) {
      this.id = id;
      this.label = label;
    }
  }

  private final Options o;
  private final Path moduleTarget;
  private final Path harnessJar;
  private final StringBuilder report = new StringBuilder();
  private final ObjectNode summary = JSON.createObjectNode();
  private MockProvider mock;
  private Portkey portkey;
  private String portkeySkipped;
  private String effectiveExample;
  private final List<String> droppedSections = new ArrayList<>();

  private LoadHarness(Options o, Path harnessJar) {
    this.o = o;
    this.harnessJar = harnessJar;
    this.moduleTarget = harnessJar.getParent();
  }

  public static void main(String[] args) throws Exception {
    Options o;
    try {
      o = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("load-harness: " + e.getMessage() + "\nTry --help.");
      System.exit(2);
      return;
    }
    if (o == null) {
      System.out.println(USAGE);
      return;
    }
    Path jar = harnessJar();
    LoadHarness harness = new LoadHarness(o, jar);
    harness.resolvePaths();
    try {
      harness.run();
    } finally {
      harness.stop();
    }
  }

  static Options parse(String[] args) {
    Options o = new Options();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help":
        case "-h":
          return null;
        case "--calls": o.calls = positive(a, value(args, ++i, a)); break;
        case "--warmup": o.warmup = Integer.parseInt(value(args, ++i, a)); break;
        case "--settle-rounds": o.settleRounds = Integer.parseInt(value(args, ++i, a)); break;
        case "--paced-calls": o.pacedCalls = positive(a, value(args, ++i, a)); break;
        case "--chunk-delay-ms": o.chunkDelayMs = Integer.parseInt(value(args, ++i, a)); break;
        case "--concurrency": o.concurrency = positive(a, value(args, ++i, a)); break;
        case "--rounds": o.rounds = positive(a, value(args, ++i, a)); break;
        case "--clients": o.clients = list(value(args, ++i, a), List.of("jdk", "okhttp"), a); break;
        case "--scenarios": o.scenarios = list(value(args, ++i, a), List.of("none", "observe", "policy"), a); break;
        case "--portkey": o.portkey = true; break;
        case "--quick":
          o.calls = 500;
          o.warmup = 1000;
          o.settleRounds = 5;
          o.pacedCalls = 100;
          o.startupRuns = 3;
          o.memoryRuns = 1;
          break;
        case "--stream-usage": o.streamUsage = true; break;
        case "--policy": o.policy = Path.of(value(args, ++i, a)); break;
        case "--startup-runs": o.startupRuns = positive(a, value(args, ++i, a)); break;
        case "--memory-runs": o.memoryRuns = positive(a, value(args, ++i, a)); break;
        case "--skip-load": o.skipLoad = true; break;
        case "--skip-startup": o.skipStartup = true; break;
        case "--skip-memory": o.skipMemory = true; break;
        case "--skip-cache": o.skipCache = true; break;
        case "--agent-jar": o.agentJar = Path.of(value(args, ++i, a)); break;
        case "--otel-jar": o.otelJar = Path.of(value(args, ++i, a)); break;
        case "--java": o.java = value(args, ++i, a); break;
        case "--jvm-arg": o.jvmArgs.add(value(args, ++i, a)); break;
        case "--out": o.out = Path.of(value(args, ++i, a)); break;
        default: throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    if (!o.scenarios.contains("none")) {
      List<String> withBaseline = new ArrayList<>(List.of("none"));
      withBaseline.addAll(o.scenarios);
      o.scenarios = withBaseline; // every table is against the baseline of the same run
    }
    return o;
  }

  private static String value(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  private static int positive(String name, String v) {
    int n = Integer.parseInt(v);
    if (n <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return n;
  }

  private static List<String> list(String v, List<String> allowed, String name) {
    List<String> l = Arrays.asList(v.split(","));
    for (String s : l) {
      if (!allowed.contains(s)) {
        throw new IllegalArgumentException(name + ": " + s + " is not one of " + allowed);
      }
    }
    return l;
  }

  private static Path harnessJar() throws URISyntaxException {
    return Path.of(LoadHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toAbsolutePath();
  }

  private void resolvePaths() {
    // target/load-harness.jar -> sample-apps/load-harness/target -> repository root
    Path repo = moduleTarget.getParent() == null ? null : moduleTarget.getParent().getParent().getParent();
    if (o.agentJar == null) {
      o.agentJar = repo == null ? Path.of("agent/target/airlock-agent.jar") : repo.resolve("agent/target/airlock-agent.jar");
    }
    if (o.otelJar == null) {
      o.otelJar = moduleTarget.resolve("opentelemetry-javaagent.jar");
    }
    if (o.java == null) {
      o.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
    if (o.out == null) {
      o.out = moduleTarget.resolve("load-run");
    }
    if (!Files.isRegularFile(o.agentJar)) {
      throw new IllegalStateException("no agent jar at " + o.agentJar
          + ": build it first (mvn -B -q install -DskipTests) or pass --agent-jar");
    }
  }

  static void log(String message) {
    System.err.println("[load] " + message);
  }

  // ------------------------------------------------------------------ run

  private void run() throws Exception {
    Files.createDirectories(o.out);
    mock = MockProvider.start(0);
    log("mock provider on " + mock.baseUrl() + "; agent " + o.agentJar);
    header();
    examplePolicy();
    report.append(policyLine());
    if (!o.skipLoad) {
      load();
    }
    if (!o.skipStartup) {
      startup();
    }
    if (!o.skipMemory) {
      memory();
    }
    if (!o.skipCache) {
      new CacheWorkload(o, mock, harnessJar, observePolicy()).run(report, summary);
    }
    report.append("\nLoad average (1, 5, 15 min) at the end: ").append(loadAverage()).append('\n');
    summary.put("loadAverageAtEnd", loadAverage());
    Path md = o.out.resolve("load-report.md");
    Files.writeString(md, report.toString());
    Files.writeString(o.out.resolve("load-results.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
    System.out.println(report);
    log("report written to " + md + " and " + o.out.resolve("load-results.json"));
  }

  private void stop() {
    if (portkey != null) {
      portkey.close();
      portkey = null;
    }
    if (mock != null) {
      mock.close();
    }
  }

  private void header() throws IOException, InterruptedException {
    String cpu = cpuModel();
    int cores = Runtime.getRuntime().availableProcessors();
    String jdk = childJavaVersion();
    String mem = memTotal();
    report.append("## Airlock load harness, ").append(Instant.now().toString(), 0, 16).append("Z\n\n");
    report.append("Machine: ").append(cpu).append(", ").append(cores).append(" CPUs, ").append(mem)
        .append(" RAM, ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
        .append("; child JVMs: ").append(jdk).append('\n');
    report.append("Settings: ").append(o.calls).append(" calls per phase, ").append(o.warmup)
        .append(" warm-up calls of each kind per JVM, ").append(o.pacedCalls).append(" paced streams, ")
        .append(o.rounds).append(o.rounds == 1 ? " round" : " rounds (interleaved, samples pooled)")
        .append(", the no-agent run repeated last as an A/A check of the noise, ")
        .append("throughput at concurrency ").append(o.concurrency).append(", ").append(requestBytes())
        .append("-byte chat request, streams ").append(o.streamUsage ? "asking for usage themselves" : "not asking for usage")
        .append(". Mock provider in the harness JVM on 127.0.0.1; every child JVM and the mock share the machine's cores.\n");
    String load = loadAverage();
    report.append("Load average (1, 5, 15 min) at the start: ").append(load)
        .append(" (a load above the CPU count means other processes competed for the cores)\n");
    if (load.matches("[0-9.]+ .*") && Double.parseDouble(load.split(" ")[0]) > cores * 0.5) {
      log("WARNING: the machine is busy (load average " + load + " on " + cores + " CPUs): numbers will be noisy");
    }
    summary.put("loadAverageAtStart", load);
    summary.put("machine", cpu + ", " + cores + " CPUs, " + mem);
    summary.put("jdk", jdk);
  }

  private static int requestBytes() {
    return ChatRequests.chat(MODEL, false, false, 2048, false).length;
  }

  // ------------------------------------------------------------------ load

  private List<Scenario> loadScenarios() throws IOException, InterruptedException {
    String chatUrl = mock.baseUrl() + "/v1/chat/completions";
    List<Scenario> list = new ArrayList<>();
    for (String id : o.scenarios) {
      Scenario s;
      switch (id) {
        case "none":
          s = new Scenario("none", "no agent");
          break;
        case "observe":
          s = new Scenario("observe", "agent, observe only");
          s.jvmArgs.add("-javaagent:" + o.agentJar + "=policy=" + writePolicy("observe-policy.yaml", observePolicy()));
          s.expectInStderr = "policy load-observe";
          break;
        case "policy":
          s = new Scenario("policy", "agent, example policy");
          Path telemetry = o.out.resolve("telemetry-policy.jsonl");
          s.jvmArgs.add("-javaagent:" + o.agentJar + "=policy=" + writePolicy("example-policy.yaml", examplePolicy())
              + ",telemetry=" + telemetry);
          s.env.putAll(TARGET_KEYS);
          s.expectInStderr = o.policy == null ? "policy acme-support-assistant" : "[airlock]";
          break;
        default:
          throw new IllegalArgumentException(id);
      }
      s.url = chatUrl;
      s.appArgs.addAll(List.of("--non-llm-url", "http://localhost:" + mock.port() + "/health"));
      list.add(s);
    }
    if (o.portkey) {
      if (!Portkey.available()) {
        portkeySkipped = "npm/node not on PATH";
        log("--portkey: skipped, " + portkeySkipped);
      } else {
        int port = freePort();
        portkey = Portkey.start(moduleTarget.resolve("portkey"), port);
        log("Portkey gateway (pid " + portkey.pid() + ") on 127.0.0.1:" + port);
        Scenario s = new Scenario("portkey", "Portkey gateway, no agent");
        s.url = "http://127.0.0.1:" + port + "/v1/chat/completions";
        s.appArgs.addAll(List.of("--header", "x-portkey-provider: openai",
            "--header", "x-portkey-custom-host: " + mock.baseUrl() + "/v1",
            // so that the paced phase's x-mock-chunk-delay-ms reaches the mock
            "--header", "x-portkey-forward-headers: x-mock-chunk-delay-ms",
            "--phases", "plain-latency,stream-latency,stream-paced,plain-throughput,stream-throughput"));
        list.add(s);
      }
    }
    // The baseline once more, last: its difference from the first is the noise floor of this run (A/A).
    Scenario again = new Scenario("none-again", "no agent, again (A/A)");
    again.url = chatUrl;
    again.appArgs.addAll(List.of("--non-llm-url", "http://localhost:" + mock.port() + "/health"));
    list.add(again);
    return list;
  }

  private String observePolicy() {
    return String.join("\n",
        "airlock: 1",
        "name: load-observe",
        "version: \"1\"",
        "providers:",
        "  mock:",
        "    format: openai",
        "    base_url: " + mock.baseUrl() + "/v1",
        "models:",
        "  llama-3.3-70b: {input: 0.20, output: 0.60}",
        "");
  }

  /**
   * The reference policy pointed at the mock ({@code example-policy.yaml} in this jar), minus
   * whatever the agent under test refuses as not enforced yet: its own {@code validate} decides,
   * so the scenario follows the agent as capabilities land. {@code --policy} replaces it as is.
   */
  private String examplePolicy() throws IOException, InterruptedException {
    if (o.policy != null) {
      return Files.readString(o.policy).replace("${MOCK_URL}", mock.baseUrl());
    }
    if (effectiveExample != null) {
      return effectiveExample;
    }
    String yaml;
    try (java.io.InputStream in = LoadHarness.class.getResourceAsStream("example-policy.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    yaml = yaml.replace("${MOCK_URL}", mock.baseUrl()).replace("${OUT_DIR}", o.out.toString());
    for (int attempt = 0; attempt < 10; attempt++) {
      Path file = writePolicy("example-policy.yaml", yaml);
      ChildJvm.Result r = new ChildJvm(o.java)
          .env(TARGET_KEYS)
          .jar(o.agentJar.toString(), List.of("validate", file.toString()))
          .run(120);
      if (r.exitCode == 0) {
        effectiveExample = yaml;
        log("example policy: in force " + topLevelKeys(yaml) + (droppedSections.isEmpty() ? ""
            : "; dropped as not enforced by this agent: " + droppedSections));
        return yaml;
      }
      List<String> refused = PolicySections.unenforcedPaths(r.stdout + "\n" + r.stderr);
      if (refused.isEmpty()) {
        throw new IllegalStateException("the example policy does not validate, for reasons other than unenforced"
            + " sections:\n" + r.stdout + r.stderr);
      }
      for (String path : refused) {
        yaml = PolicySections.remove(yaml, path);
        droppedSections.add(path);
      }
    }
    throw new IllegalStateException("could not reduce the example policy to one the agent accepts");
  }

  /** What the example-policy runs enforced, for the report. */
  private String policyLine() {
    if (o.policy != null) {
      return "Policy of the 'example policy' runs: " + o.policy + " (--policy).\n";
    }
    if (effectiveExample == null) {
      return "";
    }
    return "Example policy (the reference policy pointed at the mock): sections in force "
        + String.join(", ", topLevelKeys(effectiveExample))
        + (droppedSections.isEmpty() ? "" : "; refused by this agent as not enforced yet, so left out: "
            + String.join(", ", droppedSections)) + ".\n";
  }

  private static List<String> topLevelKeys(String yaml) {
    List<String> keys = new ArrayList<>();
    for (String line : yaml.split("\n")) {
      if (!line.isEmpty() && Character.isLetter(line.charAt(0)) && line.contains(":")) {
        String key = line.substring(0, line.indexOf(':'));
        if (!List.of("airlock", "name", "version").contains(key)) {
          keys.add(key);
        }
      }
    }
    return keys;
  }

  private Path writePolicy(String name, String yaml) throws IOException {
    Path p = o.out.resolve(name);
    Files.writeString(p, yaml);
    return p;
  }

  /** Results of one child JVM run. */
  static final class LoadRun {
    String client;
    String scenario;
    JsonNode json;
    long gatewayCpuNanos = -1;
  }

  private void load() throws Exception {
    List<Scenario> scenarios = loadScenarios();
    List<LoadRun> runs = new ArrayList<>();
    long started = System.nanoTime();
    for (int round = 1; round <= o.rounds; round++) {
      for (String client : o.clients) {
        for (Scenario s : scenarios) {
          long t0 = System.nanoTime();
          LoadRun run = runLoad(s, client);
          runs.add(run);
          checkTheAgentWasThere(s);
          log(String.format(Locale.ROOT, "round %d/%d %-6s %-28s %5.1f s", round, o.rounds, client, s.label,
              (System.nanoTime() - t0) / 1e9));
          mock.reset();
          Files.deleteIfExists(o.out.resolve("telemetry-policy.jsonl"));
        }
      }
    }
    log(String.format(Locale.ROOT, "load done in %.0f s", (System.nanoTime() - started) / 1e9));
    for (String client : o.clients) {
      loadTables(client, scenarios, runs);
    }
  }

  /**
   * A run "with the agent" that the agent did not see would flatter it: check that it was in the
   * path (it asks the provider for stream usage the app did not ask for, and writes spans).
   */
  private void checkTheAgentWasThere(Scenario s) throws IOException {
    boolean withAgent = s.id.equals("observe") || s.id.equals("policy");
    if (withAgent && !o.streamUsage) {
      boolean usageAdded = false;
      for (dev.airlock.mock.RecordedRequest r : mock.requests()) {
        if (r.body() != null && r.body().contains("\"stream\":true") && r.body().contains("include_usage")) {
          usageAdded = true;
          break;
        }
      }
      if (!usageAdded) {
        throw new IllegalStateException("scenario '" + s.label + "': no streaming request reached the mock with the"
            + " include_usage the agent adds; the agent was not in the path");
      }
    }
    if (s.id.equals("policy") && o.policy == null && effectiveExample.contains("\npii:")
        && effectiveExample.contains("action: pseudonymize")) {
      for (dev.airlock.mock.RecordedRequest r : mock.requests()) {
        if (r.body() != null && r.body().contains("jane.doe@example.com")) {
          throw new IllegalStateException("scenario '" + s.label + "': the policy pseudonymizes email addresses, yet"
              + " the mock received one: " + r.body());
        }
      }
    }
    Path telemetry = o.out.resolve("telemetry-policy.jsonl");
    if (s.id.equals("policy") && o.policy == null
        && (!Files.exists(telemetry) || !head(telemetry).contains("chat " + MODEL))) {
      throw new IllegalStateException("scenario '" + s.label + "': the agent wrote no 'chat " + MODEL + "' span to "
          + telemetry);
    }
  }

  /** The first megabyte of a file, as text. */
  private static String head(Path file) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
    }
  }

  private LoadRun runLoad(Scenario s, String client) throws Exception {
    List<String> args = new ArrayList<>(List.of("--url", s.url, "--client", client,
        "--calls", Integer.toString(o.calls), "--warmup", Integer.toString(o.warmup),
        "--settle-rounds", Integer.toString(o.settleRounds),
        "--paced-calls", Integer.toString(o.pacedCalls), "--chunk-delay-ms", Integer.toString(o.chunkDelayMs),
        "--concurrency", Integer.toString(o.concurrency), "--model", MODEL));
    if (o.streamUsage) {
      args.add("--stream-usage");
    }
    args.addAll(s.appArgs);
    long gatewayBefore = s.id.equals("portkey") ? portkey.cpuNanos() : -1;
    ChildJvm.Result r = new ChildJvm(o.java)
        .jvmArgs(s.jvmArgs)
        .jvmArgs(o.jvmArgs)
        .env(s.env)
        .main(harnessJar.toString(), LoadApp.class.getName(), args)
        .run(TimeUnit.MINUTES.toSeconds(20));
    if (r.exitCode != 0) {
      throw new IllegalStateException("the load app failed: " + r);
    }
    if (s.expectInStderr != null && !r.stderr.contains(s.expectInStderr)) {
      throw new IllegalStateException("the agent did not start as expected (no '" + s.expectInStderr + "'): " + r);
    }
    LoadRun run = new LoadRun();
    run.client = client;
    run.scenario = s.id;
    run.json = JSON.readTree(r.lastLine());
    if (gatewayBefore >= 0) {
      run.gatewayCpuNanos = portkey.cpuNanos() - gatewayBefore;
    }
    run.json.path("phases").properties().forEach(e -> {
      int errors = e.getValue().path("errors").asInt();
      if (errors > 0) {
        log("WARNING: " + client + " " + s.label + " " + e.getKey() + ": " + errors + " failed calls, first: "
            + e.getValue().path("firstError").asText());
      }
      // Failed calls are fast calls: timing them would flatter whatever failed them.
      int calls = e.getValue().path("latencyNanos").size();
      if (calls > 0 && errors * 100 > calls) {
        throw new IllegalStateException(client + " " + s.label + " " + e.getKey() + ": " + errors + " of " + calls
            + " calls failed, so its timings mean nothing; first: " + e.getValue().path("firstError").asText());
      }
    });
    return run;
  }

  /** Pooled and per-round numbers of one (client, scenario, phase). */
  static final class PhaseStats {
    long[] latency;
    long[] ttfb;
    double[] roundP50;
    double[] roundThroughput;
    double cpuPerCall;
    double allocPerCall;
    int errors;
    int calls;
    double gatewayCpuPerCall = Double.NaN;
    boolean present;
  }

  private static PhaseStats stats(List<LoadRun> runs, String client, String scenario, String phase) {
    PhaseStats st = new PhaseStats();
    List<long[]> lat = new ArrayList<>();
    List<long[]> ttfb = new ArrayList<>();
    List<Double> p50s = new ArrayList<>();
    List<Double> tps = new ArrayList<>();
    long cpu = 0;
    long alloc = 0;
    long gatewayCpu = 0;
    long totalCalls = 0;
    for (LoadRun r : runs) {
      if (!r.client.equals(client) || !r.scenario.equals(scenario)) {
        continue;
      }
      JsonNode p = r.json.path("phases").path(phase);
      if (p.isMissingNode()) {
        continue;
      }
      st.present = true;
      long[] l = longs(p.path("latencyNanos"));
      lat.add(l);
      if (p.has("ttfbNanos")) {
        ttfb.add(longs(p.path("ttfbNanos")));
      }
      long[] sorted = l.clone();
      Arrays.sort(sorted);
      p50s.add((double) Stats.percentile(sorted, 50));
      tps.add(l.length / (p.path("wallNanos").asLong() / 1e9));
      cpu += p.path("cpuNanos").asLong();
      alloc += p.path("allocatedBytes").asLong();
      st.errors += p.path("errors").asInt();
      st.calls += l.length;
      if (r.gatewayCpuNanos >= 0) {
        gatewayCpu += r.gatewayCpuNanos;
        totalCalls += r.json.path("totalCalls").asLong();
      }
    }
    if (!st.present) {
      return st;
    }
    st.latency = Stats.concatSorted(lat);
    st.ttfb = ttfb.isEmpty() ? null : Stats.concatSorted(ttfb);
    st.roundP50 = p50s.stream().mapToDouble(Double::doubleValue).toArray();
    st.roundThroughput = tps.stream().mapToDouble(Double::doubleValue).toArray();
    st.cpuPerCall = (double) cpu / st.calls;
    st.allocPerCall = (double) alloc / st.calls;
    if (totalCalls > 0) {
      st.gatewayCpuPerCall = (double) gatewayCpu / totalCalls;
    }
    return st;
  }

  private static long[] longs(JsonNode array) {
    long[] v = new long[array.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = array.get(i).asLong();
    }
    return v;
  }

  private void loadTables(String client, List<Scenario> scenarios, List<LoadRun> runs) {
    String clientName = "jdk".equals(client) ? "JDK java.net.http.HttpClient" : "OkHttp 4.12";
    report.append("\n### Load, ").append(clientName).append("\n");
    ObjectNode clientSummary = summary.withObjectProperty("load").withObjectProperty(client);

    // Latency, concurrency 1.
    for (String phase : List.of("plain-latency", "stream-latency")) {
      boolean stream = phase.startsWith("stream");
      PhaseStats base = stats(runs, client, "none", phase);
      report.append("\n").append(stream
          ? "**Streaming calls, one at a time, unpaced** (about 130 events written as fast as the mock can; the"
              + " whole stream is read; time to first token (TTFT) = the first byte of answer text the application"
              + " reads, so it includes whatever the agent does with the events that arrived in the same read)"
          : "**Non-streaming calls, one at a time**").append(", latency added vs no agent:\n\n");
      Table t = stream
          ? new Table("run", "TTFT p50", "TTFT p99", "TTFT added p50", "TTFT added p99", "p50", "p99", "p99.9",
              "added p50", "added p99", "added p99.9", "p50 ×", "errors")
          : new Table("run", "p50", "p99", "p99.9", "added p50", "added p99", "added p99.9", "p50 ×", "errors");
      for (Scenario s : scenarios) {
        PhaseStats st = stats(runs, client, s.id, phase);
        if (!st.present) {
          continue;
        }
        long p50 = Stats.percentile(st.latency, 50);
        long p99 = Stats.percentile(st.latency, 99);
        long p999 = Stats.percentile(st.latency, 99.9);
        long b50 = Stats.percentile(base.latency, 50);
        long b99 = Stats.percentile(base.latency, 99);
        long b999 = Stats.percentile(base.latency, 99.9);
        List<String> cells = new ArrayList<>();
        cells.add(s.label);
        ObjectNode js = clientSummary.withObjectProperty(phase).withObjectProperty(s.id);
        if (stream) {
          long f50 = Stats.percentile(st.ttfb, 50);
          long f99 = Stats.percentile(st.ttfb, 99);
          long bf50 = Stats.percentile(base.ttfb, 50);
          long bf99 = Stats.percentile(base.ttfb, 99);
          cells.addAll(List.of(Stats.us(f50), Stats.us(f99), s.id.equals("none") ? "" : Stats.addedUs(f50 - bf50),
              s.id.equals("none") ? "" : Stats.addedUs(f99 - bf99)));
          js.put("ttfbP50Us", f50 / 1e3).put("ttfbP99Us", f99 / 1e3);
        }
        cells.addAll(List.of(Stats.us(p50), Stats.us(p99), Stats.us(p999)));
        if (s.id.equals("none")) {
          cells.addAll(List.of("", "", "", "×1.00"));
        } else {
          cells.addAll(List.of(Stats.addedUs(p50 - b50), Stats.addedUs(p99 - b99), Stats.addedUs(p999 - b999),
              Stats.ratio(p50, b50)));
        }
        cells.add(Integer.toString(st.errors));
        t.row(cells.toArray(new String[0]));
        js.put("p50Us", p50 / 1e3).put("p99Us", p99 / 1e3).put("p999Us", p999 / 1e3).put("errors", st.errors);
      }
      report.append(t.render());
      report.append(noise(base, "no-agent p50 per round"));
    }

    // Paced streams: TTFT as a real provider's stream would see it.
    PhaseStats bpaced = stats(runs, client, "none", "stream-paced");
    if (bpaced.present) {
      report.append("\n**Streams at a provider's pace, one at a time** (short answers of about 8 content events, the mock pausing ")
          .append(o.chunkDelayMs).append(" ms before each content event, ").append(o.pacedCalls)
          .append(" streams): time to first token added vs no agent:\n\n");
      Table pt = new Table("run", "TTFT p50", "TTFT p99", "TTFT p99.9", "added p50", "added p99", "added p99.9",
          "stream p50", "added p50", "errors");
      for (Scenario s : scenarios) {
        PhaseStats st = stats(runs, client, s.id, "stream-paced");
        if (!st.present) {
          continue;
        }
        boolean base = s.id.equals("none");
        long f50 = Stats.percentile(st.ttfb, 50);
        long f99 = Stats.percentile(st.ttfb, 99);
        long f999 = Stats.percentile(st.ttfb, 99.9);
        long w50 = Stats.percentile(st.latency, 50);
        pt.row(s.label, Stats.us(f50), Stats.us(f99), Stats.us(f999),
            base ? "" : Stats.addedUs(f50 - Stats.percentile(bpaced.ttfb, 50)),
            base ? "" : Stats.addedUs(f99 - Stats.percentile(bpaced.ttfb, 99)),
            base ? "" : Stats.addedUs(f999 - Stats.percentile(bpaced.ttfb, 99.9)),
            Stats.us(w50), base ? "" : Stats.addedUs(w50 - Stats.percentile(bpaced.latency, 50)),
            Integer.toString(st.errors));
        clientSummary.withObjectProperty("stream-paced").withObjectProperty(s.id)
            .put("ttfbP50Us", f50 / 1e3).put("ttfbP99Us", f99 / 1e3).put("streamP50Us", w50 / 1e3);
      }
      report.append(pt.render());
    }

    // CPU and allocation per call, concurrency 1.
    report.append("\n**CPU and allocation per call** (whole app process; the calls above, one at a time):\n\n");
    Table cpu = new Table("run", "CPU/call", "×", "added", "stream CPU/call", "×", "added",
        "alloc/call", "×", "added", "stream alloc/call", "×", "added");
    PhaseStats bp = stats(runs, client, "none", "plain-latency");
    PhaseStats bs = stats(runs, client, "none", "stream-latency");
    String gatewayNote = "";
    for (Scenario s : scenarios) {
      PhaseStats p = stats(runs, client, s.id, "plain-latency");
      PhaseStats st = stats(runs, client, s.id, "stream-latency");
      if (!p.present) {
        continue;
      }
      boolean base = s.id.equals("none");
      cpu.row(s.label,
          Stats.us(p.cpuPerCall), Stats.ratio(p.cpuPerCall, bp.cpuPerCall), base ? "" : Stats.addedUs(p.cpuPerCall - bp.cpuPerCall),
          Stats.us(st.cpuPerCall), Stats.ratio(st.cpuPerCall, bs.cpuPerCall), base ? "" : Stats.addedUs(st.cpuPerCall - bs.cpuPerCall),
          Stats.kb(p.allocPerCall), Stats.ratio(p.allocPerCall, bp.allocPerCall), base ? "" : Stats.addedKb(p.allocPerCall - bp.allocPerCall),
          Stats.kb(st.allocPerCall), Stats.ratio(st.allocPerCall, bs.allocPerCall), base ? "" : Stats.addedKb(st.allocPerCall - bs.allocPerCall));
      clientSummary.withObjectProperty("cpu").withObjectProperty(s.id).put("plainCpuPerCallUs", p.cpuPerCall / 1e3)
          .put("streamCpuPerCallUs", st.cpuPerCall / 1e3).put("plainAllocPerCallBytes", p.allocPerCall)
          .put("streamAllocPerCallBytes", st.allocPerCall);
      if (!Double.isNaN(p.gatewayCpuPerCall)) {
        gatewayNote = "\nThe Portkey gateway's own process (node) used " + Stats.us(p.gatewayCpuPerCall)
            + " of CPU per call on top of that (averaged over all its calls, streams included, warm-up included).\n";
        clientSummary.withObjectProperty("cpu").withObjectProperty(s.id).put("gatewayCpuPerCallUs", p.gatewayCpuPerCall / 1e3);
      }
    }
    report.append(cpu.render()).append(gatewayNote);

    // Throughput at concurrency C.
    report.append("\n**Throughput at concurrency ").append(o.concurrency)
        .append("** (median of rounds; latency pooled):\n\n");
    Table tp = new Table("run", "calls/s", "×", "p50", "p99", "stream calls/s", "×", "stream p50", "stream p99");
    PhaseStats btp = stats(runs, client, "none", "plain-throughput");
    PhaseStats bts = stats(runs, client, "none", "stream-throughput");
    for (Scenario s : scenarios) {
      PhaseStats p = stats(runs, client, s.id, "plain-throughput");
      PhaseStats st = stats(runs, client, s.id, "stream-throughput");
      if (!p.present) {
        continue;
      }
      double cps = Stats.median(p.roundThroughput);
      double scps = Stats.median(st.roundThroughput);
      tp.row(s.label, Stats.perSecond(cps), Stats.ratio(cps, Stats.median(btp.roundThroughput)),
          Stats.us(Stats.percentile(p.latency, 50)), Stats.us(Stats.percentile(p.latency, 99)),
          Stats.perSecond(scps), Stats.ratio(scps, Stats.median(bts.roundThroughput)),
          Stats.us(Stats.percentile(st.latency, 50)), Stats.us(Stats.percentile(st.latency, 99)));
      clientSummary.withObjectProperty("throughput").withObjectProperty(s.id).put("callsPerSecond", cps).put("streamsPerSecond", scps);
    }
    report.append(tp.render());

    // Non-LLM calls.
    PhaseStats bn = stats(runs, client, "none", "non-llm-latency");
    if (bn.present) {
      report.append("\n**A non-LLM HTTP call** (GET /health on host `localhost`, which no provider uses), one at a time:\n\n");
      Table nt = new Table("run", "p50", "p99", "added p50", "added p99");
      for (Scenario s : scenarios) {
        PhaseStats st = stats(runs, client, s.id, "non-llm-latency");
        if (!st.present) {
          continue;
        }
        long p50 = Stats.percentile(st.latency, 50);
        long p99 = Stats.percentile(st.latency, 99);
        boolean base = s.id.equals("none");
        nt.row(s.label, Stats.us(p50), Stats.us(p99),
            base ? "" : Stats.addedUs(p50 - Stats.percentile(bn.latency, 50)),
            base ? "" : Stats.addedUs(p99 - Stats.percentile(bn.latency, 99)));
      }
      report.append(nt.render()).append(noise(bn, "no-agent p50 per round"));
    }

    // Memory after the load.
    report.append("\n**Memory after the load** (full GC, then heap used and committed, non-heap, RSS; median of rounds;"
        + " RSS follows the heap the GC chose to commit, which grows with the allocation rate):\n\n");
    Table mt = new Table("run", "heap used", "added", "heap committed", "added", "non-heap used", "added", "RSS", "added");
    double[] baseMem = null;
    for (Scenario s : scenarios) {
      double[] m = medianMemory(runs, client, s.id);
      if (m == null) {
        continue;
      }
      if (baseMem == null) {
        baseMem = m;
      }
      boolean base = s.id.equals("none");
      mt.row(s.label, Stats.mb(m[0]), base ? "" : Stats.addedMb(m[0] - baseMem[0]),
          Stats.mb(m[4]), base ? "" : Stats.addedMb(m[4] - baseMem[4]),
          Stats.mb(m[1]), base ? "" : Stats.addedMb(m[1] - baseMem[1]),
          Stats.mb(m[2]), base ? "" : Stats.addedMb(m[2] - baseMem[2]));
      summary.withObjectProperty("load").withObjectProperty(client).withObjectProperty("memoryAfterLoad")
          .withObjectProperty(s.id).put("heapUsedMb", m[0] / 1048576).put("heapCommittedMb", m[4] / 1048576)
          .put("nonHeapUsedMb", m[1] / 1048576).put("rssMb", m[2] / 1048576);
    }
    report.append(mt.render());
    warmUpTable(client, scenarios, runs);
  }

  /**
   * How long each run warmed up before measuring and how much the JIT still compiled while it
   * measured: a run that had not settled charged compilation to its calls.
   */
  private void warmUpTable(String client, List<Scenario> scenarios, List<LoadRun> runs) {
    report.append("\n**Warm-up** (calls made before the measured phases, until a round of warm-up in which the"
        + " JIT compiled for under 2% of its wall time; JIT time summed over compiler threads):\n\n");
    Table wt = new Table("run", "round", "warm-up calls", "settled", "JIT ms in last warm-up round",
        "JIT ms while measuring");
    for (Scenario s : scenarios) {
      int round = 0;
      for (LoadRun r : runs) {
        if (!r.client.equals(client) || !r.scenario.equals(s.id)) {
          continue;
        }
        round++;
        long measuringJit = 0;
        for (JsonNode phase : r.json.path("phases")) {
          measuringJit += phase.path("jitMillis").asLong();
        }
        JsonNode j = r.json;
        wt.row(s.label, Integer.toString(round), Long.toString(j.path("warmupCalls").asLong()),
            j.path("settled").asBoolean() ? "yes, after " + j.path("settleRounds").asInt() + " rounds"
                : "no (" + j.path("settleRounds").asInt() + " rounds)",
            Long.toString(j.path("lastRoundJitMillis").asLong()), Long.toString(measuringJit));
      }
    }
    report.append(wt.render());
  }

  private static double[] medianMemory(List<LoadRun> runs, String client, String scenario) {
    List<double[]> values = new ArrayList<>();
    for (LoadRun r : runs) {
      if (r.client.equals(client) && r.scenario.equals(scenario)) {
        JsonNode m = r.json.path("memory");
        values.add(new double[] {m.path("heapUsed").asDouble(), m.path("nonHeapUsed").asDouble(),
            m.path("rss").asDouble(), m.path("rssPeak").asDouble(), m.path("heapCommitted").asDouble()});
      }
    }
    if (values.isEmpty()) {
      return null;
    }
    double[] out = new double[5];
    for (int i = 0; i < 5; i++) {
      final int k = i;
      out[i] = Stats.median(values.stream().mapToDouble(v -> v[k]).toArray());
    }
    return out;
  }

  private static String noise(PhaseStats base, String what) {
    if (base.roundP50 == null || base.roundP50.length < 2) {
      return "";
    }
    double min = Arrays.stream(base.roundP50).min().getAsDouble();
    double max = Arrays.stream(base.roundP50).max().getAsDouble();
    return "\nNoise: " + what + " ranged " + Stats.us(min) + " to " + Stats.us(max)
        + "; differences smaller than that spread are not measurable here.\n";
  }

  // ------------------------------------------------------------------ start-up

  /** A JVM configuration of the start-up and memory measurements. */
  static final class Variant {
    final String label;
    final List<String> jvmArgs = new ArrayList<>();
    final Map<String, String> env = new LinkedHashMap<>();

    Variant(String label) {
      this.label = label;
    }
  }

  private List<Variant> variants() throws IOException, InterruptedException {
    List<Variant> list = new ArrayList<>();
    list.add(new Variant("no agent"));
    Variant observe = new Variant("Airlock, observe only");
    observe.jvmArgs.add("-javaagent:" + o.agentJar + "=policy=" + writePolicy("observe-policy.yaml", observePolicy()));
    list.add(observe);
    Variant policy = new Variant("Airlock, example policy");
    policy.jvmArgs.add("-javaagent:" + o.agentJar + "=policy=" + writePolicy("example-policy.yaml", examplePolicy())
        + ",telemetry=" + o.out.resolve("telemetry-startup.jsonl"));
    policy.env.putAll(TARGET_KEYS);
    list.add(policy);
    if (Files.isRegularFile(o.otelJar)) {
      Variant otel = new Variant("OpenTelemetry Java agent " + otelVersion() + " (reference)");
      otel.jvmArgs.add("-javaagent:" + o.otelJar);
      // No collector here: export nothing (and try to reach nothing).
      otel.env.put("OTEL_TRACES_EXPORTER", "none");
      otel.env.put("OTEL_METRICS_EXPORTER", "none");
      otel.env.put("OTEL_LOGS_EXPORTER", "none");
      otel.env.put("OTEL_SERVICE_NAME", "tiny-app");
      list.add(otel);
    } else {
      log("no OpenTelemetry javaagent at " + o.otelJar + ": its reference row is skipped");
    }
    return list;
  }

  private String otelVersion() {
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(o.otelJar.toFile())) {
      String v = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
      return v == null ? "" : v;
    } catch (IOException e) {
      return "";
    }
  }

  private void startup() throws Exception {
    List<Variant> variants = variants();
    String callUrl = mock.baseUrl() + "/v1/chat/completions";
    Map<String, List<Double>> toMain = new LinkedHashMap<>();
    Map<String, List<Double>> toExit = new LinkedHashMap<>();
    Map<String, List<Double>> toCall = new LinkedHashMap<>();
    Map<String, List<Double>> toCallExit = new LinkedHashMap<>();
    log("start-up: " + o.startupRuns + " launches per variant and mode");
    for (int i = 0; i < o.startupRuns; i++) {
      for (Variant v : variants) {
        ChildJvm.Result r = tiny(v, List.of("exit"));
        JsonNode j = JSON.readTree(r.lastLine());
        toMain.computeIfAbsent(v.label, k -> new ArrayList<>()).add((double) (j.path("mainNanos").asLong() - r.startNanos));
        toExit.computeIfAbsent(v.label, k -> new ArrayList<>()).add((double) (r.endNanos - r.startNanos));
        ChildJvm.Result c = tiny(v, List.of("call", callUrl));
        JsonNode cj = JSON.readTree(c.lastLine());
        if (cj.path("status").asInt() != 200) {
          throw new IllegalStateException("the start-up call failed: " + c);
        }
        toCall.computeIfAbsent(v.label, k -> new ArrayList<>()).add((double) (cj.path("callDoneNanos").asLong() - c.startNanos));
        toCallExit.computeIfAbsent(v.label, k -> new ArrayList<>()).add((double) (c.endNanos - c.startNanos));
      }
      mock.reset();
    }
    Files.deleteIfExists(o.out.resolve("telemetry-startup.jsonl"));
    report.append("\n### Start-up\n\nA tiny app (`TinyApp`), ").append(o.startupRuns)
        .append(" launches of each, interleaved, median. `exit`: main returns at once; `call`: main makes one 2 KB chat call")
        .append(" to the mock with the JDK HttpClient, then returns. Times from launching `java` (System.nanoTime, monotonic).\n\n");
    Table t = new Table("JVM", "to main", "added", "to exit", "added", "to first call done", "added", "to exit (call)", "added");
    String base = variants.get(0).label;
    for (Variant v : variants) {
      double m = median(toMain.get(v.label));
      double e = median(toExit.get(v.label));
      double c = median(toCall.get(v.label));
      double ce = median(toCallExit.get(v.label));
      boolean b = v.label.equals(base);
      t.row(v.label, Stats.ms(m), b ? "" : Stats.addedMs(m - median(toMain.get(base))),
          Stats.ms(e), b ? "" : Stats.addedMs(e - median(toExit.get(base))),
          Stats.ms(c), b ? "" : Stats.addedMs(c - median(toCall.get(base))),
          Stats.ms(ce), b ? "" : Stats.addedMs(ce - median(toCallExit.get(base))));
      summary.withObjectProperty("startup").withObjectProperty(v.label).put("toMainMs", m / 1e6).put("toExitMs", e / 1e6)
          .put("toFirstCallMs", c / 1e6).put("toExitAfterCallMs", ce / 1e6);
    }
    report.append(t.render());
  }

  private ChildJvm.Result tiny(Variant v, List<String> args) throws IOException, InterruptedException {
    ChildJvm.Result r = new ChildJvm(o.java)
        .jvmArgs(v.jvmArgs)
        .jvmArgs(o.jvmArgs)
        .env(v.env)
        .main(harnessJar.toString(), TinyApp.class.getName(), args)
        .run(120);
    if (r.exitCode != 0) {
      throw new IllegalStateException("the tiny app failed: " + r);
    }
    return r;
  }

  private static double median(List<Double> values) {
    return Stats.median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  // ------------------------------------------------------------------ memory

  private void memory() throws Exception {
    List<Variant> variants = variants();
    Map<String, List<JsonNode>> samples = new LinkedHashMap<>();
    log("idle memory: " + o.memoryRuns + " launches per variant");
    for (int i = 0; i < o.memoryRuns; i++) {
      for (Variant v : variants) {
        ChildJvm.Result r = tiny(v, List.of("idle-memory"));
        samples.computeIfAbsent(v.label, k -> new ArrayList<>()).add(JSON.readTree(r.lastLine()).path("memory"));
      }
    }
    Files.deleteIfExists(o.out.resolve("telemetry-startup.jsonl"));
    report.append("\n### Memory, idle\n\nThe tiny app with the agent loaded and no call made: 2 s to settle, full GC, then heap")
        .append(" used, non-heap used (metaspace, code cache) and RSS; median of ").append(o.memoryRuns).append(" launches.\n\n");
    Table t = new Table("JVM", "heap used", "added", "non-heap used", "added", "RSS", "added", "classes", "threads");
    String base = variants.get(0).label;
    for (Variant v : variants) {
      double heap = medianOf(samples.get(v.label), "heapUsed");
      double nonHeap = medianOf(samples.get(v.label), "nonHeapUsed");
      double rss = medianOf(samples.get(v.label), "rss");
      boolean b = v.label.equals(base);
      t.row(v.label, Stats.mb(heap), b ? "" : Stats.addedMb(heap - medianOf(samples.get(base), "heapUsed")),
          Stats.mb(nonHeap), b ? "" : Stats.addedMb(nonHeap - medianOf(samples.get(base), "nonHeapUsed")),
          Stats.mb(rss), b ? "" : Stats.addedMb(rss - medianOf(samples.get(base), "rss")),
          String.format(Locale.ROOT, "%.0f", medianOf(samples.get(v.label), "loadedClasses")),
          String.format(Locale.ROOT, "%.0f", medianOf(samples.get(v.label), "threads")));
      summary.withObjectProperty("idleMemory").withObjectProperty(v.label).put("heapUsedMb", heap / 1048576).put("nonHeapUsedMb", nonHeap / 1048576)
          .put("rssMb", rss / 1048576);
    }
    report.append(t.render());
    if (portkey != null && portkey.rssBytes() > 0) {
      report.append("\nFor comparison, the Portkey gateway process (node) had an RSS of ").append(Stats.mb(portkey.rssBytes()))
          .append(" at the end of the run, in addition to the application's JVM.\n");
    } else if (portkeySkipped != null) {
      report.append("\nPortkey run skipped: ").append(portkeySkipped).append(".\n");
    }
  }

  private static double medianOf(List<JsonNode> nodes, String field) {
    return Stats.median(nodes.stream().mapToDouble(n -> n.path(field).asDouble()).toArray());
  }

  // ------------------------------------------------------------------ machine

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static String cpuModel() {
    try {
      Process p = new ProcessBuilder("lscpu").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      for (String line : out.split("\\R")) {
        if (line.startsWith("Model name:")) {
          return line.substring(11).trim();
        }
      }
    } catch (IOException | InterruptedException e) {
      // fall through
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  private static String memTotal() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          long kb = Long.parseLong(line.substring(9).trim().split("\\s+")[0]);
          return String.format(Locale.ROOT, "%.0f GB", kb / 1048576.0);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "?";
  }

  private String childJavaVersion() throws IOException, InterruptedException {
    Process p = new ProcessBuilder(o.java, "-version").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    String[] lines = out.trim().split("\\R");
    // "openjdk version "17.0.15" ..." and "OpenJDK 64-Bit Server VM (build 17.0.15+6-..., mixed mode, sharing)"
    return lines.length >= 3 ? lines[0].trim() + ", " + lines[2].trim() : out.trim();
  }
}
