package dev.airlock.agent.pii;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A policy word list (customer names, project code names, internal hostnames): reports whole-word
 * occurrences of any of its words, under the list's name as the type.
 *
 * <p>The words go into one {@link AhoCorasick} automaton, so a list of thousands of words costs
 * one pass over the text, not one regex alternation. A word matches only as a whole word: the
 * chars just outside it are not letters, digits or '_' (checked only where the word itself starts
 * or ends with such a char, so "C++" or ".NET" also match). Words may contain spaces ("Project
 * Falcon"), which must then appear exactly so in the text. When the list is case-insensitive,
 * "acme" also matches "ACME" and "Acme".
 *
 * <p>Immutable and thread-safe; {@link #withConfidence} and {@link #withContext} return copies
 * that share the automaton.
 */
public final class WordList implements Detector {

  /** Default confidence: the policy named these words, so a whole-word hit is meant. */
  public static final double DEFAULT_CONFIDENCE = 0.9;

  private final String name;
  private final AhoCorasick automaton;
  private final int size;
  private final double confidence;
  private final ContextWords context;

  private WordList(
      String name, AhoCorasick automaton, int size, double confidence, ContextWords context) {
    this.name = name;
    this.automaton = automaton;
    this.size = size;
    this.confidence = confidence;
    this.context = context;
  }

  /**
   * @param name the type reported on each match (the list's name in the policy)
   * @param words the words; null and blank entries are ignored, surrounding spaces trimmed
   * @param caseSensitive whether "Acme" must match exactly
   * @throws IllegalArgumentException when the name is blank
   */
  public static WordList of(String name, Collection<String> words, boolean caseSensitive) {
    requireName(name);
    Objects.requireNonNull(words, "words");
    List<String> cleaned = new ArrayList<>(words.size());
    for (String w : words) {
      if (w != null && !w.trim().isEmpty()) {
        cleaned.add(w.trim());
      }
    }
    return new WordList(
        name,
        new AhoCorasick(cleaned, !caseSensitive),
        cleaned.size(),
        DEFAULT_CONFIDENCE,
        ContextWords.NONE);
  }

  /** A copy that reports matches with {@code confidence} (before context), in [0, 1]. */
  public WordList withConfidence(double confidence) {
    CustomPattern.requireUnit(confidence, "confidence");
    return new WordList(name, automaton, size, confidence, context);
  }

  /**
   * A copy whose confidence changes by {@code boost} (negative lowers it) when one of {@code
   * words} appears near a match (see {@link PiiScanner} for the window).
   */
  public WordList withContext(List<String> words, double boost) {
    CustomPattern.requireBoost(boost);
    return new WordList(name, automaton, size, confidence, ContextWords.of(boost, words));
  }

  @Override
  public String type() {
    return name;
  }

  /** Number of words in the list. */
  public int size() {
    return size;
  }

  @Override
  public void detect(CharSequence text, List<Detection> out) {
    automaton.scan(
        text,
        (start, end) -> {
          if (wholeWord(text, start, end)) {
            double conf = confidence + context.adjust(text, start, end);
            out.add(new Detection(name, start, end, Confidence.of(conf), null));
          }
        });
  }

  private static boolean wholeWord(CharSequence t, int start, int end) {
    if (Chars.isWordChar(t.charAt(start)) && Chars.wordCharAt(t, start - 1)) {
      return false;
    }
    return !(Chars.isWordChar(t.charAt(end - 1)) && Chars.wordCharAt(t, end));
  }

  static void requireName(String name) {
    if (name == null || name.trim().isEmpty()) {
      throw new IllegalArgumentException("name must not be blank");
    }
  }
}
