package dev.airlock.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgumentsTest {

  @Test
  void argumentsWinOverTheEnvironment() {
    AgentArguments a = AgentArguments.parse("policy=/a.yaml, telemetry=/t.jsonl,log=debug",
        Map.of("AIRLOCK_POLICY", "/env.yaml"));
    assertEquals("/a.yaml", a.policyPath());
    assertEquals("/t.jsonl", a.telemetryFile());
    assertEquals(AgentLog.Level.DEBUG, a.logLevel());
  }

  @Test
  void theEnvironmentFillsWhatTheArgumentsLeaveOut() {
    AgentArguments a = AgentArguments.parse(null,
        Map.of("AIRLOCK_POLICY", "/env.yaml", "AIRLOCK_TELEMETRY_FILE", "/env.jsonl"));
    assertEquals("/env.yaml", a.policyPath());
    assertEquals("/env.jsonl", a.telemetryFile());
    assertEquals(AgentLog.Level.INFO, a.logLevel());
  }

  @Test
  void extensionJarsComeFromTheArgumentOrTheEnvironment() {
    String two = "/opt/a.jar" + java.io.File.pathSeparator + "/opt/b.jar";
    assertEquals(two, AgentArguments.parse("policy=/p.yaml,extensions=" + two, Map.of()).extensions());
    assertEquals("/env.jar", AgentArguments.parse(null, Map.of("AIRLOCK_EXTENSIONS", "/env.jar")).extensions());
    assertNull(AgentArguments.parse("policy=/p.yaml", Map.of()).extensions());
  }

  @Test
  void noPolicyMeansObserveOnly() {
    assertNull(AgentArguments.parse("", Map.of()).policyPath());
  }

  @Test
  void mistakesAreNamed() {
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> AgentArguments.parse("polcy=/a.yaml", Map.of()));
    assertTrue(unknown.getMessage().contains("'polcy'"), unknown.getMessage());
    assertThrows(IllegalArgumentException.class, () -> AgentArguments.parse("policy", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> AgentArguments.parse("log=loud", Map.of()));
  }
}
