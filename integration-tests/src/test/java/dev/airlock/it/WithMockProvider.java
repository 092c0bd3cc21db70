package dev.airlock.it;

import dev.airlock.mock.MockProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared fixture of the integration tests: one mock provider per test class on a free port,
 * reset before each test, and a fresh folder for each test's policy and telemetry file.
 */
abstract class WithMockProvider {

  static MockProvider mock;

  @TempDir Path dir;

  @BeforeAll
  static void startMock() throws Exception {
    mock = MockProvider.start(0);
  }

  @AfterAll
  static void stopMock() {
    mock.close();
  }

  @BeforeEach
  void resetMock() {
    mock.reset();
  }
}
