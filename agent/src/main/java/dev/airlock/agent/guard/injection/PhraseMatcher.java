package dev.airlock.agent.guard.injection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Runs the phrase rules over folded text and reports what they find. Immutable and thread-safe.
 */
final class PhraseMatcher {

  /** Matches of one rule that are reported; more add nothing after the repeat decay. */
  private static final int MAX_HITS_PER_RULE = 8;

  private final PatternRule[] rules;
  private final AnchorGate gate;
  /** Per rule, the gate channel of its start anchors. */
  private final int[] startChannel;
  /** Per rule, the gate channels of its companion sets. */
  private final int[][] companionChannels;
  /**
   * Per gate channel, the rules that start at its anchors, ascending: a text visits only the rules
   * whose start anchors it holds (a few dozen of some 300) instead of asking the scan about each.
   * Those of channel {@code c} are {@code startingRules[startingRulesFrom[c] .. startingRulesFrom[c+1])}:
   * one flat array, not one per channel scattered over the heap.
   */
  private final int[] startingRulesFrom;
  private final int[] startingRules;
  /** The most companion sets of any rule. */
  private final int maxCompanionSets;
  /**
   * A workspace kept per thread for the next text, as allocating its parts per call was most of the
   * detector's garbage. Taken out while in use, so a nested match on the same thread simply gets a
   * fresh one.
   */
  private final ThreadLocal<Workspace> spare = new ThreadLocal<>();

  /** What matching one text needs besides the scan; reused from one text to the next. */
  private static final class Workspace {
    /** Per rule, its matcher (created on the rule's first use), reset onto each text. */
    final Matcher[] matchers;
    /** The rules to try, as a bit set over rule indices. */
    final long[] candidates;
    /** Per companion set of the rule being tried, the first of its positions not behind the start. */
    final int[] cursor;

    Workspace(int rules, int maxCompanionSets) {
      matchers = new Matcher[rules];
      candidates = new long[(rules + 63) >>> 6];
      cursor = new int[maxCompanionSets];
    }
  }

  PhraseMatcher(List<PatternRule> rules) {
    this.rules = rules.toArray(new PatternRule[0]);
    // One gate channel per distinct set of stems: rules that start at the same verbs, or need the
    // same companion ("your", the instruction nouns), share it, so a common word is recorded once.
    List<String[]> channels = new ArrayList<>();
    Map<String, Integer> shared = new HashMap<>();
    this.startChannel = new int[rules.size()];
    this.companionChannels = new int[rules.size()][];
    for (int i = 0; i < rules.size(); i++) {
      PatternRule rule = rules.get(i);
      startChannel[i] = channel(rule.anchors, channels, shared);
      companionChannels[i] = new int[rule.companions.length];
      for (int k = 0; k < rule.companions.length; k++) {
        companionChannels[i][k] = channel(rule.companions[k], channels, shared);
      }
    }
    this.gate = new AnchorGate(channels);
    int most = 0;
    for (int[] sets : companionChannels) {
      most = Math.max(most, sets.length);
    }
    this.maxCompanionSets = most;
    this.startingRulesFrom = new int[channels.size() + 1];
    for (int c : startChannel) {
      startingRulesFrom[c + 1]++;
    }
    for (int c = 0; c < channels.size(); c++) {
      startingRulesFrom[c + 1] += startingRulesFrom[c];
    }
    this.startingRules = new int[rules.size()];
    int[] filled = Arrays.copyOf(startingRulesFrom, channels.size());
    for (int i = 0; i < startChannel.length; i++) {
      startingRules[filled[startChannel[i]]++] = i;
    }
  }

  private static int channel(String[] stems, List<String[]> channels, Map<String, Integer> shared) {
    String[] sorted = stems.clone();
    Arrays.sort(sorted);
    return shared.computeIfAbsent(String.join(" ", sorted), k -> {
      channels.add(stems);
      return channels.size() - 1;
    });
  }

  /** The English, European and non-Latin-script rules. */
  static PhraseMatcher standard() {
    List<PatternRule> all = new ArrayList<>(EnglishRules.all());
    all.addAll(EuropeanRules.all());
    all.addAll(NonLatinRules.all());
    return new PhraseMatcher(all);
  }

  private static boolean allPresent(int[] channels, AnchorGate.Scan scan) {
    for (int c : channels) {
      if (!scan.present(c)) {
        return false;
      }
    }
    return true;
  }

  /** The rules, for tests. */
  List<PatternRule> rules() {
    return Collections.unmodifiableList(Arrays.asList(rules));
  }

  /**
   * Reports every rule match in {@code text} to {@code out}, at original-text spans. Each rule is
   * tried only at the start positions its anchors give ({@link AnchorGate}), with
   * {@link Matcher#lookingAt()}; lookbehinds still see the text before the start (transparent
   * bounds), and {@code ^} still means a real line start (no anchoring bounds).
   */
  void match(NormalizedText text, SignalCollector out) {
    String s = text.text();
    AnchorGate.Scan scan = gate.scan(s);
    Workspace work = spare.get();
    if (work == null) {
      work = new Workspace(rules.length, maxCompanionSets);
    } else {
      spare.set(null);
    }
    try {
      matchRules(text, s, scan, work, out);
    } finally {
      gate.release(scan);
      spare.set(work);
    }
  }

  /**
   * Sets {@code bits} to the rules whose start anchors occur in the text: iterated in
   * ascending order, they are tried in the same order as a walk over every rule would try them
   * (the order in which evidence is reported matters to the collector).
   */
  private void findCandidates(AnchorGate.Scan scan, long[] bits) {
    Arrays.fill(bits, 0L);
    int channels = scan.presentChannelCount();
    for (int k = 0; k < channels; k++) {
      int c = scan.presentChannel(k);
      for (int r = startingRulesFrom[c], end = startingRulesFrom[c + 1]; r < end; r++) {
        int rule = startingRules[r];
        bits[rule >>> 6] |= 1L << rule;
      }
    }
  }

  private void matchRules(NormalizedText text, String s, AnchorGate.Scan scan, Workspace work,
      SignalCollector out) {
    long[] candidates = work.candidates;
    findCandidates(scan, candidates);
    for (int word = 0; word < candidates.length; word++) {
      for (long bits = candidates[word]; bits != 0; bits &= bits - 1) {
        int i = (word << 6) + Long.numberOfTrailingZeros(bits);
        if (allPresent(companionChannels[i], scan)) {
          matchRule(i, text, s, scan, work, out);
        }
      }
    }
  }

  /** Tries rule {@code i}, whose start and companion anchors all occur, at its start positions. */
  private void matchRule(int i, NormalizedText text, String s, AnchorGate.Scan scan, Workspace work,
      SignalCollector out) {
    int n = s.length();
    int start = startChannel[i];
    int[] sets = companionChannels[i];
    PatternRule rule = rules[i];
    int count = scan.count(start);
    int[] at = scan.positions(start);
    int[] cursor = work.cursor;
    Arrays.fill(cursor, 0, sets.length, 0);
    Matcher m = null;
    int hits = 0;
    int next = 0;
    starts:
    for (int k = 0; k < count && hits < MAX_HITS_PER_RULE; k++) {
      int p = at[k];
      if (p < next) {
        continue; // inside the previous match of this rule
      }
      for (int c = 0; c < sets.length; c++) {
        int[] near = scan.positions(sets[c]);
        int nearCount = scan.count(sets[c]);
        while (cursor[c] < nearCount && near[cursor[c]] < p) {
          cursor[c]++;
        }
        if (cursor[c] == nearCount) {
          break starts; // this companion never occurs after p, nor after any later start
        }
        if (near[cursor[c]] > p + rule.window) {
          continue starts;
        }
      }
      if (m == null) {
        m = work.matchers[i];
        if (m == null) {
          m = rule.pattern.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
          work.matchers[i] = m;
        } else {
          m.reset(s); // keeps the bounds' settings
        }
      }
      m.region(p, n);
      if (!m.lookingAt() || (rule.imperative && !Imperative.isCommand(s, m.start()))) {
        continue;
      }
      double w = rule.weight;
      if (rule.mentionSensitive) {
        w *= MentionContext.factor(s, m.start(), m.end());
      }
      out.add(rule.family, i, w, text.originalStart(m.start()), text.originalEnd(m.end()));
      hits++;
      next = Math.max(m.end(), p + 1);
    }
    if (m != null) {
      m.reset(""); // the thread's matcher outlives the call: it must not keep the text
    }
  }
}
