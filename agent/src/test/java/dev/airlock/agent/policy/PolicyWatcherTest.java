package dev.airlock.agent.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.airlock.agent.engine.PipelineState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyWatcherTest {

  @TempDir Path dir;
  private final AtomicReference<PipelineState> installed = new AtomicReference<>();
  private final List<PolicyWatcher.Outcome> outcomes = new ArrayList<>();
  private long clock = 1_700_000_000_000L;

  private void write(Path file, String yaml) throws Exception {
    Files.writeString(file, yaml);
    // File systems with coarse timestamps would hide quick rewrites; the test sets them itself.
    clock += 2000;
    Files.setLastModifiedTime(file, FileTime.fromMillis(clock));
  }

  private PolicyWatcher watch(Path file, PolicyRuntime runtime) {
    return PolicyWatcher.start(runtime, file, Duration.ofHours(1), installed::set, outcomes::add);
  }

  @Test
  void aValidChangeIsAppliedAndAnInvalidOneNeverIs() throws Exception {
    Path file = dir.resolve("policy.yaml");
    write(file, "airlock: 1\nname: first\n");
    PolicyRuntime runtime = PolicyRuntime.startWith(file.toString());
    assertEquals("first", runtime.initialState().policy().name());

    try (PolicyWatcher watcher = watch(file, runtime)) {
      watcher.check();
      assertNull(installed.get(), "the file in force is not applied again");

      write(file, "airlock: 1\nname: second\nversion: \"2\"\n");
      watcher.check();
      assertEquals("second", installed.get().policy().name());
      assertEquals(List.of(PolicyWatcher.Outcome.APPLIED), outcomes);

      PipelineState lastGood = installed.get();
      write(file, "airlock: 7\nname: third\n");
      watcher.check();
      assertEquals(lastGood, installed.get(), "a refused file leaves the last good policy in force");
      assertEquals(List.of(PolicyWatcher.Outcome.APPLIED, PolicyWatcher.Outcome.REFUSED), outcomes);

      write(file, "airlock: 7\nname: third\n");
      watcher.check();
      assertEquals(2, outcomes.size(), "the same refused content is not refused twice");
    }
  }

  @Test
  void aPolicyRefusedAtStartIsAppliedOnceFixed() throws Exception {
    Path file = dir.resolve("policy.yaml");
    write(file, "airlock: 1\nname: broken\nunknown_section: 1\n");
    PolicyRuntime runtime = PolicyRuntime.startWith(file.toString());
    assertEquals(true, runtime.initialState().policy().isObserveOnly());
    try (PolicyWatcher watcher = watch(file, runtime)) {
      watcher.check();
      assertEquals(List.of(PolicyWatcher.Outcome.REFUSED), outcomes);
      write(file, "airlock: 1\nname: fixed\n");
      watcher.check();
      assertEquals("fixed", installed.get().policy().name());
    }
  }

  @Test
  void aFileThatIsBrieflyMissingChangesNothing() throws Exception {
    Path file = dir.resolve("policy.yaml");
    write(file, "airlock: 1\nname: first\n");
    PolicyRuntime runtime = PolicyRuntime.startWith(file.toString());
    try (PolicyWatcher watcher = watch(file, runtime)) {
      Files.delete(file);
      watcher.check();
      assertNull(installed.get());
      assertEquals(List.of(), outcomes);
    }
  }

  @Test
  void withAPublicKeyOnlySignedVersionsAreApplied() throws Exception {
    java.security.KeyPair keys = dev.airlock.policy.PolicySignatures.generate();
    Path pub = Files.writeString(dir.resolve("k.pub.pem"), dev.airlock.policy.PolicySignatures.toPem(keys.getPublic()));
    Path file = dir.resolve("policy.yaml");
    write(file, "airlock: 1\nname: signed\n");
    sign(file, keys);
    PolicyRuntime runtime = PolicyRuntime.startWith(file.toString(), pub.toString());
    assertEquals("signed", runtime.initialState().policy().name());
    try (PolicyWatcher watcher = watch(file, runtime)) {
      write(file, "airlock: 1\nname: tampered\n");
      watcher.check();
      assertNull(installed.get(), "a valid but unsigned change is refused");
      assertEquals(List.of(PolicyWatcher.Outcome.REFUSED), outcomes);
      write(file, "airlock: 1\nname: resigned\n");
      sign(file, keys);
      watcher.check();
      assertEquals("resigned", installed.get().policy().name());
    }
    Files.writeString(dev.airlock.policy.PolicySignatures.signatureFileOf(file), "AAAA\n");
    assertEquals(true, PolicyRuntime.startWith(file.toString(), pub.toString()).initialState().policy().isObserveOnly(),
        "a bad signature at start: observe only");
  }

  private static void sign(Path file, java.security.KeyPair keys) throws Exception {
    Files.writeString(dev.airlock.policy.PolicySignatures.signatureFileOf(file),
        dev.airlock.policy.PolicySignatures.sign(Files.readAllBytes(file), keys.getPrivate()));
  }
}
