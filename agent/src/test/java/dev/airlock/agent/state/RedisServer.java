package dev.airlock.agent.state;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real {@code redis-server} as a child process on a free loopback port, without persistence, for
 * tests. Skips the test (assumption) when redis-server is not on the PATH, except under CI (the
 * {@code CI} environment variable set), where its absence fails the test: CI must run these.
 */
public final class RedisServer implements AutoCloseable {

  private final String executable;
  private final int port;
  private final Path log;
  private Process process;

  private RedisServer(String executable, int port, Path log) {
    this.executable = executable;
    this.port = port;
    this.log = log;
  }

  /** Starts a server, or skips the calling test if redis-server is missing (fails under CI). */
  public static RedisServer start() throws IOException, InterruptedException {
    String exe = findOnPath("redis-server");
    if (exe == null) {
      String message = "redis-server is not on the PATH (apt-get install redis-server); the Redis tests need it";
      if (System.getenv("CI") != null) {
        fail(message + " and CI is set, so they may not be skipped");
      }
      Assumptions.assumeTrue(false, message + ": skipped");
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RedisServer server = new RedisServer(exe, port, Files.createTempFile("airlock-redis-" + port + "-", ".log"));
    server.startProcess();
    return server;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Kills the server at once (SIGKILL): connections drop, nothing is saved. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      process = null;
    }
  }

  /** Starts the server again on the same port, empty. */
  public void restart() throws IOException, InterruptedException {
    kill();
    startProcess();
  }

  /** Freezes the server (SIGSTOP): connections stay open, commands get no answer. */
  public void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  /** Thaws a paused server (SIGCONT). */
  public void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      fail("kill " + signal + " failed");
    }
  }

  /**
   * Sends one command over a fresh connection and returns the reply as text: simple strings,
   * integers and bulk strings as they are, a missing bulk string as null, an error as "-ERR ...".
   */
  public String command(String... args) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      StringBuilder out = new StringBuilder("*").append(args.length).append("\r\n");
      for (String a : args) {
        byte[] bytes = a.getBytes(StandardCharsets.UTF_8);
        out.append('$').append(bytes.length).append("\r\n").append(a).append("\r\n");
      }
      s.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
      s.getOutputStream().flush();
      DataInputStream in = new DataInputStream(s.getInputStream());
      String line = readLine(in);
      switch (line.charAt(0)) {
        case '+':
        case ':':
          return line.substring(1);
        case '-':
          return line;
        case '$':
          int n = Integer.parseInt(line.substring(1));
          if (n < 0) {
            return null;
          }
          byte[] body = new byte[n];
          in.readFully(body);
          return new String(body, StandardCharsets.UTF_8);
        default:
          throw new IOException("unexpected reply: " + line);
      }
    }
  }

  private static String readLine(DataInputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\r') {
        in.read();
        break;
      }
      b.append((char) c);
    }
    return b.toString();
  }

  @Override
  public void close() throws InterruptedException {
    kill();
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temp file; nothing depends on it
    }
  }

  private void startProcess() throws IOException, InterruptedException {
    process = new ProcessBuilder(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--daemonize", "no")
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        fail("redis-server exited with " + process.exitValue() + ": " + new String(Files.readAllBytes(log)));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(20);
      }
    }
    fail("redis-server did not listen on port " + port + " within 10 s: " + new String(Files.readAllBytes(log)));
  }

  private static String findOnPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, name);
      if (f.isFile() && f.canExecute()) {
        return f.getAbsolutePath();
      }
    }
    return null;
  }
}
