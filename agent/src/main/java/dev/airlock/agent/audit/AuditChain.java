package dev.airlock.agent.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an audit file's hash chain line by line (see {@link AuditLine}): line 1 must carry
 * {@link AuditLine#GENESIS}, and every later line the hash of the line before it. The first line
 * that does not is where the file was changed: a line edited or removed just before it, or one
 * inserted. A changed or removed <em>last</em> line has no successor to give it away; compare
 * {@link Result#head()} with a copy kept elsewhere for that.
 */
public final class AuditChain {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditChain() {}

  /** The outcome of {@link #verify}. */
  public static final class Result {
    private final long lines;
    private final long brokenLine;
    private final String reason;
    private final String head;

    private Result(long lines, long brokenLine, String reason, String head) {
      this.lines = lines;
      this.brokenLine = brokenLine;
      this.reason = reason;
      this.head = head;
    }

    /** Whether every line chains to the one before it. */
    public boolean ok() {
      return brokenLine == 0;
    }

    /** Lines read: all of them when {@link #ok()}, else up to and including the broken one. */
    public long lines() {
      return lines;
    }

    /** The first broken line (1-based), or 0. */
    public long brokenLine() {
      return brokenLine;
    }

    /** Why {@link #brokenLine()} is broken, or null. */
    public String reason() {
      return reason;
    }

    /** The hash of the last good line: the {@code prev} the next line written must carry. */
    public String head() {
      return head;
    }
  }

  /** Reads {@code file} through and checks its chain. */
  public static Result verify(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return verify(in);
    }
  }

  /** Checks the chain of the lines on {@code in}. */
  public static Result verify(InputStream in) throws IOException {
    String expected = AuditLine.GENESIS;
    long number = 0;
    ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    boolean more = true;
    while (more) {
      int b = in.read();
      if (b >= 0 && b != '\n') {
        line.write(b);
        continue;
      }
      more = b >= 0;
      if (b < 0 && line.size() == 0) {
        break; // the file ends with its last newline
      }
      number++;
      byte[] bytes = line.toByteArray();
      line.reset();
      String problem = check(bytes, expected, number, b < 0);
      if (problem != null) {
        return new Result(number, number, problem, expected);
      }
      expected = AuditLine.sha256Hex(bytes);
    }
    return new Result(number, 0, null, expected);
  }

  /** Why the line does not chain, or null when it does. */
  private static String check(byte[] bytes, String expected, long number, boolean unterminated) {
    JsonNode node;
    try {
      node = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return unterminated ? "not a JSON object and not ended by a newline (a write cut short?)"
          : "not a JSON object";
    }
    JsonNode prev = node.get("prev");
    if (prev == null || !prev.isTextual()) {
      return "has no 'prev' hash";
    }
    if (!prev.asText().equals(expected)) {
      return number == 1
          ? "'prev' is not the hash of the empty string: the file does not start at its first line"
              + " (lines were removed from the top)"
          : "'prev' is not the hash of line " + (number - 1) + ": line " + (number - 1)
              + " was changed, or lines were removed or inserted before this one";
    }
    return null;
  }
}
