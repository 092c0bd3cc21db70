package dev.airlock.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.mock.MockProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Editing the policy under a running app: a valid edit's new route takes effect on the next call;
 * a broken edit is refused and the last good route stays in force.
 */
class PolicyReloadIT extends WithMockProvider {

  @Test
  void aNewRouteTakesEffectAndABrokenEditIsRefused() throws Exception {
    try (MockProvider backup = MockProvider.start(0)) {
      String providers = "  backup-openai: {format: openai, base_url: 'http://127.0.0.1:" + backup.port()
          + "/v1', api_key: '${env:BACKUP_KEY}'}";
      Path policy = MockPolicy.write(dir, mock.port(), providers, "routes:\n  - {name: main, to: mock-openai}");
      AppRun app = AppRun.of("openai-app").args("chat", "pause", "chat", "pause", "chat")
          .env("OPENAI_BASE_URL", mock.baseUrl() + "/v1").env("OPENAI_API_KEY", "sk-test")
          .env("BACKUP_KEY", "sk-backup").env("PAUSE_MS", "3000")
          .withAgent("policy=" + policy + ",reload=200ms");
      CompletableFuture<AppRun.Result> running = CompletableFuture.supplyAsync(() -> {
        try {
          return app.run();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      await(() -> mock.requests().size() == 1, "the first call went to the app's provider");
      MockPolicy.write(dir, mock.port(), providers, "routes:\n  - {name: main, to: backup-openai}");
      await(() -> backup.requests().size() == 1, "after the edit, the next call goes to the new route's target");
      Files.writeString(policy, Files.readString(policy).replace("routes:", "routes: [oops"));
      AppRun.Result result = running.get(60, TimeUnit.SECONDS);

      assertEquals(0, result.exitCode, result.toString());
      assertEquals(3, result.stdout.lines().filter(l -> l.contains("You said")).count(), result.stdout);
      assertEquals(1, mock.requests().size());
      assertEquals(2, backup.requests().size(), "the broken edit was refused: the last good route stayed");
      assertTrue(result.stderr.contains("refused"), result.stderr);
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what);
      }
      Thread.sleep(50);
    }
  }
}
