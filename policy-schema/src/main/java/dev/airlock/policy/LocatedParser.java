package dev.airlock.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns YAML or JSON bytes into a {@link PolicyNode} tree whose every key and value knows its
 * 1-based line and column, using Jackson's streaming parser (Jackson's tree model loses positions).
 *
 * <p>Refused with a located error: syntax errors (at the parser's position), duplicate keys
 * (Jackson would silently keep the last one, so a reviewer could read one value while the agent
 * enforced another), YAML aliases (Jackson does not expand them; it would hand back the anchor's
 * name as a string), several YAML documents in one file, nesting deeper than {@link #MAX_DEPTH},
 * and input over {@link #MAX_BYTES}.
 *
 * <p>YAML scalars are typed the YAML 1.2 way: only {@code true} and {@code false} are booleans, so
 * {@code fsync: off} means the word "off", as the policy language intends.
 */
final class LocatedParser {

  /** Largest policy accepted: 1 MiB. A real policy is a few kilobytes. */
  static final int MAX_BYTES = 1 << 20;

  /** Deepest nesting accepted; the language needs about 6 levels. Also bounds our recursion. */
  static final int MAX_DEPTH = 64;

  /** The concrete syntax of a source, chosen by its file name. */
  enum Syntax {
    YAML,
    JSON;

    /** {@code .json} is JSON; {@code .yaml}, {@code .yml} and anything else are YAML. */
    static Syntax forSourceName(String sourceName) {
      String lower = sourceName == null ? "" : sourceName.toLowerCase(Locale.ROOT);
      return lower.endsWith(".json") ? JSON : YAML;
    }
  }

  // Factories are thread-safe and costly to build; parsers are created per call.
  private static final JsonFactory JSON_FACTORY = new JsonFactory();
  private static final YAMLFactory YAML_FACTORY =
      YAMLFactory.builder()
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
          .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
          .build();

  /** Thrown inside the tree walk to stop at a problem that makes the rest unreadable. */
  private static final class Abort extends Exception {
    private static final long serialVersionUID = 1L;

    Abort() {
      super(null, null, false, false);
    }
  }

  private final ProblemCollector problems;
  private final boolean yaml;

  private LocatedParser(ProblemCollector problems, boolean yaml) {
    this.problems = problems;
    this.yaml = yaml;
  }

  /**
   * Parses {@code content}; returns the root node, or null after recording why there is none.
   * Problems that leave the tree usable (duplicate keys) are recorded and the tree is returned.
   */
  static PolicyNode parse(byte[] content, Syntax syntax, ProblemCollector problems) {
    if (content.length > MAX_BYTES) {
      problems.documentError(
          "policy is larger than " + MAX_BYTES + " bytes (1 MiB); refusing to parse it");
      return null;
    }
    return new LocatedParser(problems, syntax == Syntax.YAML).run(content);
  }

  private PolicyNode run(byte[] content) {
    JsonFactory factory = yaml ? YAML_FACTORY : JSON_FACTORY;
    try (JsonParser p = factory.createParser(content)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        problems.documentError("policy is empty");
        return null;
      }
      PolicyNode root = readValue(p, "", 0);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        JsonLocation at = p.currentTokenLocation();
        problems.error(
            at.getLineNr(),
            at.getColumnNr(),
            "",
            yaml
                ? "the file holds more than one YAML document; a policy is a single document"
                : "unexpected content after the end of the JSON document");
        return null;
      }
      return root;
    } catch (Abort stop) {
      return null;
    } catch (JsonProcessingException e) {
      reportSyntaxError(e);
      return null;
    } catch (IOException | RuntimeException e) {
      // SnakeYAML may throw its own unchecked exceptions (e.g. invalid characters) unwrapped.
      reportSyntaxError(e);
      return null;
    }
  }

  private PolicyNode readValue(JsonParser p, String path, int depth) throws IOException, Abort {
    JsonToken t = p.currentToken();
    JsonLocation at = p.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    if (yaml && ((YAMLParser) p).isCurrentAlias()) {
      problems.error(
          line,
          column,
          path,
          "YAML aliases (*name) are not supported in a policy; write the value out in full");
      return new ScalarNode(line, column, path, ScalarNode.Type.INVALID, "", null);
    }
    switch (t) {
      case START_OBJECT:
        checkDepth(depth, line, column, path);
        return readMapping(p, path, depth, line, column);
      case START_ARRAY:
        checkDepth(depth, line, column, path);
        return readSequence(p, path, depth, line, column);
      case VALUE_STRING:
        return new ScalarNode(line, column, path, ScalarNode.Type.STRING, p.getText(), null);
      case VALUE_NUMBER_INT:
        return new ScalarNode(line, column, path, ScalarNode.Type.INTEGER, p.getText(), decimal(p));
      case VALUE_NUMBER_FLOAT:
        return new ScalarNode(line, column, path, ScalarNode.Type.DECIMAL, p.getText(), decimal(p));
      case VALUE_TRUE:
      case VALUE_FALSE:
        return new ScalarNode(line, column, path, ScalarNode.Type.BOOLEAN, p.getText(), null);
      case VALUE_NULL:
        return new ScalarNode(line, column, path, ScalarNode.Type.NULL, "", null);
      default:
        // VALUE_EMBEDDED_OBJECT: a YAML !!binary scalar and the like.
        problems.error(line, column, path, "unsupported value (" + t + ")");
        return new ScalarNode(line, column, path, ScalarNode.Type.INVALID, "", null);
    }
  }

  private MappingNode readMapping(JsonParser p, String path, int depth, int line, int column)
      throws IOException, Abort {
    List<MappingNode.Entry> entries = new ArrayList<>();
    Map<String, MappingNode.Entry> seen = new HashMap<>();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonLocation keyAt = p.currentTokenLocation();
      String childPath = DocumentPath.child(path, key);
      p.nextToken();
      PolicyNode value = readValue(p, childPath, depth + 1);
      MappingNode.Entry entry =
          new MappingNode.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value);
      MappingNode.Entry first = seen.putIfAbsent(key, entry);
      if (first != null) {
        problems.error(
            entry.keyLine(),
            entry.keyColumn(),
            childPath,
            "duplicate key '"
                + key
                + "' (first defined at line "
                + first.keyLine()
                + ", column "
                + first.keyColumn()
                + ")");
      } else {
        entries.add(entry);
      }
    }
    if (t != JsonToken.END_OBJECT) {
      // Jackson guarantees FIELD_NAME or END_OBJECT here; anything else is a parser bug.
      throw new IllegalStateException("unexpected token in mapping: " + t);
    }
    return new MappingNode(line, column, path, entries);
  }

  private SequenceNode readSequence(JsonParser p, String path, int depth, int line, int column)
      throws IOException, Abort {
    List<PolicyNode> items = new ArrayList<>();
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      if (t == null) {
        throw new IllegalStateException("end of input inside a sequence");
      }
      items.add(readValue(p, DocumentPath.item(path, items.size()), depth + 1));
    }
    return new SequenceNode(line, column, path, items);
  }

  private void checkDepth(int depth, int line, int column, String path) throws Abort {
    if (depth >= MAX_DEPTH) {
      problems.error(
          line, column, path, "nesting deeper than " + MAX_DEPTH + " levels; refusing to parse");
      throw new Abort();
    }
  }

  /** Exact value of a number token, or null for {@code .inf} / {@code .nan}. */
  private static BigDecimal decimal(JsonParser p) {
    try {
      return p.getDecimalValue();
    } catch (IOException | NumberFormatException e) {
      return null;
    }
  }

  private void reportSyntaxError(Exception e) {
    String kind = yaml ? "YAML" : "JSON";
    MarkedYAMLException marked = findMarked(e);
    if (marked != null && marked.getProblemMark() != null) {
      // SnakeYAML's problem mark points at the offending character (0-based); Jackson's
      // location is the last good token, which is one token too early.
      Mark m = marked.getProblemMark();
      String problem = oneLine(marked.getProblem());
      String context = oneLine(marked.getContext());
      problems.error(
          m.getLine() + 1,
          m.getColumn() + 1,
          "",
          kind + " syntax error: " + problem + (context.isEmpty() ? "" : " (" + context + ")"));
      return;
    }
    int line = 0;
    int column = 0;
    String message = e.getMessage();
    if (e instanceof JsonProcessingException) {
      JsonProcessingException jpe = (JsonProcessingException) e;
      message = jpe.getOriginalMessage();
      JsonLocation at = jpe.getLocation();
      if (at != null) {
        line = Math.max(at.getLineNr(), 0);
        column = Math.max(at.getColumnNr(), 0);
      }
    }
    problems.error(line, column, "", kind + " syntax error: " + oneLine(message));
  }

  private static MarkedYAMLException findMarked(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException) {
        return (MarkedYAMLException) t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  /** Parser messages span lines (with a caret excerpt); a problem is one line. */
  private static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String firstParagraph = s.split("\n in ", 2)[0];
    return firstParagraph.replaceAll("\\s+", " ").trim();
  }
}
