package dev.airlock.agent.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.policy.AuditPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several writers on one file (two JVMs on one host, or two agents in one JVM): the file keeps one
 * verifiable chain, every line of every writer in it.
 */
class AuditSharedFileTest {

  private static final int LINES_PER_WRITER = 400;

  @TempDir
  Path dir;

  static AuditRecord record(String writer, int n) {
    return AuditRecord.builder()
        .timestamp(Instant.parse("2026-11-22T10:15:30Z").plusMillis(n))
        .ids(writer + "-" + n, null, null)
        .policy("acme", "1", "ab12")
        .app("openai", "gpt-4o", "openai_chat")
        .sentTo("openai", "gpt-4o", "api.openai.com", "us")
        .outcome(200, null)
        .durationMs(1)
        .build();
  }

  @Test
  void twoWritersInOneJvmKeepOneChain() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    AuditLog a = AuditLog.start(file, AuditPolicy.Fsync.OFF);
    AuditLog b = AuditLog.start(file, AuditPolicy.Fsync.OFF);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> callers = new ArrayList<>();
    for (AuditLog log : new AuditLog[] {a, b}) {
      String name = log == a ? "a" : "b";
      Thread t = new Thread(() -> {
        try {
          go.await();
        } catch (InterruptedException e) {
          return;
        }
        for (int i = 0; i < LINES_PER_WRITER; i++) {
          log.submit(record(name, i));
          if (i % 50 == 0) {
            Thread.yield(); // several batches per writer, so that they alternate
          }
        }
      });
      t.start();
      callers.add(t);
    }
    go.countDown();
    for (Thread t : callers) {
      t.join();
    }
    a.close(Duration.ofSeconds(10));
    b.close(Duration.ofSeconds(10));
    assertEquals(0, a.dropped() + b.dropped());
    assertOneChain(file, 2 * LINES_PER_WRITER);
  }

  @Test
  void twoProcessesKeepOneChain() throws Exception {
    Path file = dir.resolve("audit.jsonl");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> writers = new ArrayList<>();
    for (String name : new String[] {"p1", "p2"}) {
      ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          Writer.class.getName(), file.toString(), name, Integer.toString(LINES_PER_WRITER));
      pb.redirectErrorStream(true);
      pb.redirectOutput(dir.resolve(name + ".log").toFile());
      writers.add(pb.start());
    }
    for (Process p : writers) {
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "writer finished");
      assertEquals(0, p.exitValue(), () -> read(dir.resolve("p1.log")) + read(dir.resolve("p2.log")));
    }
    assertOneChain(file, 2 * LINES_PER_WRITER);
  }

  private static void assertOneChain(Path file, int lines) throws IOException {
    AuditChain.Result result = AuditChain.verify(file);
    assertTrue(result.ok(), () -> result.reason() + " at line " + result.brokenLine());
    assertEquals(lines, result.lines());
    // The writers took turns (the test would prove nothing if one had written all before the other).
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    int switches = 0;
    for (int i = 1; i < all.size(); i++) {
      if (!writerOf(all.get(i)).equals(writerOf(all.get(i - 1)))) {
        switches++;
      }
    }
    assertTrue(switches >= 1, "writers alternated " + switches + " times");
  }

  private static String writerOf(String line) {
    int at = line.indexOf("\"call_id\":\"");
    return at < 0 ? "?" : line.substring(at + 11, line.indexOf('-', at + 11));
  }

  private static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** A process that writes records to an audit file, in several batches, then closes it. */
  public static final class Writer {
    public static void main(String[] args) throws Exception {
      Path file = Path.of(args[0]);
      int count = Integer.parseInt(args[2]);
      AuditLog log = AuditLog.start(file, AuditPolicy.Fsync.OFF);
      for (int i = 0; i < count; i++) {
        log.submit(record(args[1], i));
        if (i % 20 == 0) {
          Thread.sleep(2);
        }
      }
      log.close(Duration.ofSeconds(20));
      if (log.dropped() > 0) {
        System.err.println("dropped " + log.dropped());
        System.exit(2);
      }
      System.exit(0);
    }
  }
}
