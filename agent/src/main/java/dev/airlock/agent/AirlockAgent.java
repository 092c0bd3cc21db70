package dev.airlock.agent;

import dev.airlock.agent.engine.Pipeline;
import dev.airlock.agent.install.DoorGate;
import dev.airlock.agent.install.DoorInstaller;
import dev.airlock.agent.policy.PolicyRuntime;
import dev.airlock.agent.policy.PolicyWatcher;
import dev.airlock.agent.telemetry.PolicyReloadCounter;
import dev.airlock.agent.telemetry.AgentTelemetry;
import dev.airlock.agent.telemetry.LlmInstruments;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * The {@code -javaagent} entry point. Whatever goes wrong here, the application starts: the agent
 * reports the problem on stderr and stays out of the way.
 */
public final class AirlockAgent {

  private static volatile boolean started;

  private AirlockAgent() {}

  public static void premain(String agentArgs, Instrumentation instrumentation) {
    start(agentArgs, instrumentation);
  }

  public static void agentmain(String agentArgs, Instrumentation instrumentation) {
    start(agentArgs, instrumentation);
  }

  private static synchronized void start(String agentArgs, Instrumentation instrumentation) {
    if (started) {
      AgentLog.warn("the agent was attached twice; the second attach is ignored");
      return;
    }
    started = true;
    AgentArguments arguments;
    try {
      arguments = AgentArguments.parse(agentArgs);
    } catch (IllegalArgumentException e) {
      AgentLog.error("not started: " + e.getMessage());
      return;
    }
    AgentLog.setLevel(arguments.logLevel());
    keepByteBuddyAwayFromUnsafe();
    DoorGate gate;
    try {
      gate = DoorGate.register(instrumentation);
    } catch (Throwable e) {
      AgentLog.error("not started; the application runs without Airlock", e);
      return;
    }
    // Everything else (policy, telemetry, Byte Buddy) runs beside the application's own start, on
    // the other cores; the gate makes the first HTTP client class wait for it.
    Thread starter = new Thread(() -> startInBackground(arguments, instrumentation, gate), "airlock-start");
    starter.setDaemon(true);
    gate.startingOn(starter);
    starter.start();
  }

  private static void startInBackground(AgentArguments arguments, Instrumentation instrumentation, DoorGate gate) {
    DoorInstaller.Doors doors = null;
    try {
      // Before the policy compiles: its semantic cache asks the extensions for its embedder.
      dev.airlock.agent.extension.Extensions.install(
          dev.airlock.agent.extension.Extensions.load(arguments.extensions(), AirlockAgent.class.getClassLoader()));
      PolicyRuntime policy = PolicyRuntime.startWith(arguments.policyPath(), arguments.publicKeyPath());
      AgentTelemetry telemetry = AgentTelemetry.start(arguments.telemetryFile(), System.getenv());
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        // Shadow copies still in flight get a moment to report before telemetry is flushed.
        dev.airlock.agent.route.ShadowTraffic.awaitQuiet(java.time.Duration.ofSeconds(3));
        telemetry.close();
      }, "airlock-telemetry-shutdown"));
      Pipeline pipeline = new Pipeline(policy.initialState(), new LlmInstruments(telemetry.openTelemetry(), version()));
      doors = DoorInstaller.build(instrumentation, pipeline);
      dev.airlock.agent.route.ShadowTraffic.install(new dev.airlock.agent.door.jdk.AgentOwnedUpstream());
      if (arguments.policyPath() != null && arguments.reloadInterval() != null) {
        PolicyWatcher.start(policy, Path.of(arguments.policyPath()), arguments.reloadInterval(),
            pipeline::install, new PolicyReloadCounter(telemetry.openTelemetry()));
      }
      AgentLog.banner("Airlock " + version()
          + " | policy " + pipeline.state().policy()
          + " | doors " + String.join(", ", doors.names)
          + " | telemetry " + (arguments.telemetryFile() == null ? "OTEL_* settings" : arguments.telemetryFile())
          + dev.airlock.agent.extension.Extensions.installed().bannerNote());
    } catch (Throwable e) {
      doors = null;
      AgentLog.error("not started; the application runs without Airlock", e);
    } finally {
      gate.open(doors == null ? null : doors.transformer);
      gate.retransformLoadedTargets(instrumentation);
    }
  }

  /**
   * Byte Buddy probes {@code sun.misc.Unsafe} when it first loads its class injectors, and JDK 24+
   * prints warnings about that on stderr. The agent never injects classes through Unsafe (the JDK
   * door uses a lookup), so it turns the probe off. Shading relocates this property name along with
   * Byte Buddy, so it concerns the agent's copy only, never the application's.
   */
  private static void keepByteBuddyAwayFromUnsafe() {
    String property = "net.bytebuddy.safe";
    if (System.getProperty(property) == null) {
      System.setProperty(property, "true");
    }
  }

  /** The agent's version, from the jar manifest. */
  public static String version() {
    String v = AirlockAgent.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
