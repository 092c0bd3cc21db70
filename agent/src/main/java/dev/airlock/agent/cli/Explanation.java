package dev.airlock.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The whole decision for one request as ordered sections, printable as text or as one JSON
 * document with a member per section. The order is the order the agent decides in (identity, then
 * input checks, then routing and what follows), so that reading top to bottom retraces the call.
 */
final class Explanation {

  /** The JSON document's {@code explanation} member: bumped when a member changes meaning. */
  static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final String title;
  private final List<ExplanationSection> sections;

  private Explanation(String title, List<ExplanationSection> sections) {
    this.title = title;
    this.sections = Collections.unmodifiableList(new ArrayList<>(sections));
  }

  static Builder builder(String title) {
    return new Builder(title);
  }

  List<ExplanationSection> sections() {
    return sections;
  }

  String toText() {
    TextReport report = new TextReport();
    for (ExplanationSection s : sections) {
      s.writeText(report);
    }
    return title + "\n" + report;
  }

  ObjectNode toJsonNode() {
    ObjectNode root = JSON.createObjectNode();
    root.put("explanation", FORMAT);
    for (ExplanationSection s : sections) {
      s.writeJson(root.putObject(s.key()));
    }
    return root;
  }

  String toJson() {
    try {
      return JSON.writeValueAsString(toJsonNode());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain nodes always serializes", e);
    }
  }

  /** Collects sections in order; a key may appear once. */
  static final class Builder {
    private final String title;
    private final List<ExplanationSection> sections = new ArrayList<>();

    private Builder(String title) {
      this.title = title;
    }

    Builder add(ExplanationSection section) {
      for (ExplanationSection s : sections) {
        if (s.key().equals(section.key())) {
          throw new IllegalArgumentException("section '" + section.key() + "' added twice");
        }
      }
      sections.add(section);
      return this;
    }

    Explanation build() {
      return new Explanation(title, sections);
    }
  }
}
