package dev.airlock.it;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} child process for the tests that share state between JVMs. Missing
 * redis-server skips those tests on a developer machine and fails them under CI, which installs it.
 */
final class LocalRedis implements AutoCloseable {

  final int port;
  private final Process process;

  private LocalRedis(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  static LocalRedis start() throws IOException, InterruptedException {
    boolean installed = System.getenv("PATH") != null && java.util.Arrays.stream(
        System.getenv("PATH").split(File.pathSeparator)).anyMatch(dir -> new File(dir, "redis-server").canExecute());
    if (!installed && System.getenv("CI") != null) {
      throw new AssertionError("redis-server is missing; .ci/run installs it");
    }
    assumeTrue(installed, "redis-server is not installed: apt-get install redis-server");
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new LocalRedis(port, process);
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    process.destroyForcibly();
    throw new IOException("redis-server did not start on port " + port);
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
