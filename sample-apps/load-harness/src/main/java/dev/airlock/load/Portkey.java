package dev.airlock.load;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Portkey AI gateway ({@code @portkey-ai/gateway} from npm), installed under the module's
 * {@code target/portkey} and run as a local Node process, for the gateway comparison run. It binds
 * every interface; the harness sends it loopback traffic only, and stops it at the end.
 */
final class Portkey implements AutoCloseable {

  static final String GATEWAY_VERSION = "1.15.2";
  static final String GATEWAY = "@portkey-ai/gateway@" + GATEWAY_VERSION;
  /**
   * Newer @hono/node-server releases break the gateway (its own dependency range pulls 1.19, whose
   * immutable response headers make every streamed call fail with a 500), so the package.json pins
   * it with an npm override.
   */
  static final String NODE_SERVER_VERSION = "1.13.5";

  private static final String PACKAGE_JSON = String.join("\n",
      "{",
      "  \"private\": true,",
      "  \"description\": \"The Portkey gateway for the Airlock load harness (installed by it).\",",
      "  \"dependencies\": {\"@portkey-ai/gateway\": \"" + GATEWAY_VERSION + "\", \"@hono/node-server\": \""
          + NODE_SERVER_VERSION + "\"},",
      "  \"overrides\": {\"@hono/node-server\": \"" + NODE_SERVER_VERSION + "\"}",
      "}",
      "");

  private final Process process;
  private final int port;
  private final long clockTicksPerSecond;

  private Portkey(Process process, int port, long clockTicksPerSecond) {
    this.process = process;
    this.port = port;
    this.clockTicksPerSecond = clockTicksPerSecond;
  }

  /** Whether {@code npm} and {@code node} are on the PATH. */
  static boolean available() {
    return onPath("npm") && onPath("node");
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /** Installs the gateway into {@code dir} unless it is there, and starts it on {@code port}. */
  static Portkey start(Path dir, int port) throws IOException, InterruptedException {
    Path startServer = dir.resolve("node_modules/@portkey-ai/gateway/build/start-server.js");
    Path packageJson = dir.resolve("package.json");
    boolean pinned = Files.exists(packageJson) && Files.readString(packageJson).equals(PACKAGE_JSON);
    if (!Files.exists(startServer) || !pinned) {
      Files.createDirectories(dir);
      Files.writeString(packageJson, PACKAGE_JSON);
      LoadHarness.log("installing " + GATEWAY + " with @hono/node-server@" + NODE_SERVER_VERSION + " into " + dir + " (npm)");
      Process npm = new ProcessBuilder(List.of("npm", "install", "--prefix", dir.toString(), "--no-audit", "--no-fund",
          "--loglevel=error"))
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("npm-install.log").toFile())
          .start();
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IOException("npm install failed; see " + dir.resolve("npm-install.log") + ":\n"
            + Files.readString(dir.resolve("npm-install.log"), StandardCharsets.UTF_8));
      }
    }
    Process node = new ProcessBuilder(List.of("node", startServer.toString(), "--port=" + port, "--headless"))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("gateway.log").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!node.isAlive()) {
        throw new IOException("the Portkey gateway exited at start; see " + dir.resolve("gateway.log") + ":\n"
            + Files.readString(dir.resolve("gateway.log"), StandardCharsets.UTF_8));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return new Portkey(node, port, clockTicks());
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    node.destroyForcibly();
    throw new IOException("the Portkey gateway did not listen on 127.0.0.1:" + port + " within 60 s");
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  /** CPU time the gateway process has used so far (user + system, all its threads), or -1 off Linux. */
  long cpuNanos() {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      // Fields after the command name (which is in parentheses and may contain spaces).
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
      return ticks * 1_000_000_000L / clockTicksPerSecond;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Resident set size of the gateway process, or -1. */
  long rssBytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).trim().split("\\s+")[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
      p.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | RuntimeException | InterruptedException e) {
      return 100;
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
