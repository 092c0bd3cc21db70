package dev.airlock.agent.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The texts {@code pii scan} and {@code guard check} read from stdin: the whole input as one
 * text, or with {@code --jsonl} one JSON object per line whose {@code text} field is the text
 * (blank lines are skipped). A line that is not such an object is a usage mistake, reported with
 * its line number; the answers printed before it stay aligned with the lines read.
 */
final class TextInput {

  /** Receives each text in order. */
  interface Consumer {
    void accept(String text) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private TextInput() {}

  /**
   * @throws UsageException for a {@code --jsonl} line without a string {@code text} field
   */
  static void read(InputStream in, boolean jsonl, Consumer consumer) throws IOException, UsageException {
    if (!jsonl) {
      consumer.accept(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return;
    }
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int number = 0;
    for (String line = reader.readLine(); line != null; line = reader.readLine()) {
      number++;
      if (line.trim().isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        throw new UsageException("stdin line " + number + ": not JSON");
      }
      JsonNode text = node == null ? null : node.get("text");
      if (text == null || !text.isTextual()) {
        throw new UsageException("stdin line " + number + ": expected an object with a string field \"text\"");
      }
      consumer.accept(text.asText());
    }
  }

  /** The number of code points before {@code index}: the offset a Python script would use. */
  static int codePointOffset(String text, int index) {
    return text.codePointCount(0, index);
  }
}
