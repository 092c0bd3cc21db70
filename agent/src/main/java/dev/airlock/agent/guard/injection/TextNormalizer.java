package dev.airlock.agent.guard.injection;

/**
 * Turns text into what the rules match against: invisible characters removed, compatibility forms
 * and look-alike letters folded to ASCII (see {@link FoldTable}), with a map back to the original
 * indices and a record of the obfuscation it undid ({@link ObfuscationFindings}).
 *
 * <p>Pure-ASCII text, the common case, is returned as is after one scan. Stateless.
 */
final class TextNormalizer {

  /** Hidden tag text kept per run; enough for any instruction, bounded against abuse. */
  private static final int MAX_HIDDEN_CHARS = 4096;
  private static final int BLACK_FLAG = 0x1F3F4;
  private static final int CANCEL_TAG = 0xE007F;

  private TextNormalizer() {}

  /** Folds {@code in}; never null. */
  static NormalizedText normalize(CharSequence in) {
    int n = in.length();
    int firstStandIn = -1;
    int lastStandIn = -1;
    for (int i = 0; i < n; i++) {
      char c = in.charAt(i);
      if (c >= 0x80) {
        return new Folding(in).run();
      }
      // Noted in the same pass so that LeetFolding can skip the texts without any, and read only
      // from the first to the last in the others.
      if (LeetFolding.isStandIn(c) && i + 1 < n && AsciiLetters.isLetter(in.charAt(i + 1))) {
        if (firstStandIn < 0) {
          firstStandIn = i;
        }
        lastStandIn = i;
      }
    }
    return NormalizedText.identity(in.toString(), firstStandIn, lastStandIn);
  }

  /** One folding pass; holds the per-call state. */
  private static final class Folding {
    private final CharSequence in;
    private final int n;
    private final StringBuilder out;
    private int[] starts;
    private int[] ends;
    private final ObfuscationFindings findings = new ObfuscationFindings();
    /** Out index of the first stand-in for a letter right before a letter (see {@link LeetFolding}), or -1. */
    private int firstStandIn = -1;
    /** Out index of the last one, or -1. */
    private int lastStandIn = -1;
    private boolean lastWasStandIn;

    // The current word, for mixed-script detection.
    private boolean wordHasLatin;
    private boolean wordHasConfusable;
    private int wordStart = -1;
    private int wordEnd;

    // The current run of zero-width characters.
    private int zeroWidthRun;
    private int zeroWidthRunStart = -1;
    private int zeroWidthRunEnd = -1;

    // The current run of tag characters.
    private int tagStart = -1;
    private int tagEnd;
    private StringBuilder tagText;
    private boolean tagAfterFlag;
    private boolean tagCancelled;

    Folding(CharSequence in) {
      this.in = in;
      this.n = in.length();
      this.out = new StringBuilder(n + 16);
      this.starts = new int[n + 16];
      this.ends = new int[n + 16];
    }

    NormalizedText run() {
      int p = 0;
      while (p < n) {
        char c = in.charAt(p);
        if (c < 0x80) {
          closeTagRun();
          emit(c, p, p + 1, c <= 'z' && Character.isLetter(c), false);
          p++;
          continue;
        }
        int cp = Character.codePointAt(in, p);
        int end = p + Character.charCount(cp);
        int kind = InvisibleChars.kind(cp);
        if (kind == InvisibleChars.TAG) {
          tagChar(cp, p, end);
          p = end;
          continue;
        }
        closeTagRun();
        if (kind != InvisibleChars.VISIBLE) {
          invisible(kind, cp, p, end);
        } else {
          String folded = FoldTable.map(cp);
          boolean confusable = FoldTable.isConfusable(cp);
          // Accented Latin letters count as Latin for mixed-script detection.
          boolean latin = !confusable && cp <= 0x024F && Character.isLetter(cp);
          if (folded == null) {
            if (cp < 0x10000) {
              emit((char) cp, p, end, latin, false);
            } else {
              emit(Character.highSurrogate(cp), p, end, false, false);
              emit(Character.lowSurrogate(cp), p, end, false, false);
            }
          } else {
            for (int k = 0; k < folded.length(); k++) {
              emit(folded.charAt(k), p, end, latin, confusable);
            }
          }
        }
        p = end;
      }
      closeTagRun();
      closeWord();
      return new NormalizedText(out.toString(), n, starts, ends, findings, firstStandIn, lastStandIn);
    }

    private void emit(char c, int from, int to, boolean latinLetter, boolean confusable) {
      int i = out.length();
      if (i == starts.length) {
        int grown = starts.length * 2 + 16;
        starts = java.util.Arrays.copyOf(starts, grown);
        ends = java.util.Arrays.copyOf(ends, grown);
      }
      out.append(c);
      starts[i] = from;
      ends[i] = to;
      if (lastWasStandIn && AsciiLetters.isLetter(c)) {
        if (firstStandIn < 0) {
          firstStandIn = i - 1;
        }
        lastStandIn = i - 1;
      }
      lastWasStandIn = LeetFolding.isStandIn(c);
      if (Character.isLetter(c)) {
        if (wordStart < 0) {
          wordStart = from;
        }
        wordEnd = to;
        wordHasLatin |= latinLetter;
        wordHasConfusable |= confusable;
      } else {
        closeWord();
      }
    }

    private void closeWord() {
      if (wordStart >= 0 && wordHasLatin && wordHasConfusable) {
        ObfuscationFindings f = findings;
        f.mixedScriptWords++;
        if (f.mixedStart < 0) {
          f.mixedStart = wordStart;
        }
        f.mixedEnd = wordEnd;
      }
      wordStart = -1;
      wordHasLatin = false;
      wordHasConfusable = false;
    }

    private void invisible(int kind, int cp, int from, int to) {
      ObfuscationFindings f = findings;
      switch (kind) {
        case InvisibleChars.ZERO_WIDTH:
          if (from == zeroWidthRunEnd) {
            zeroWidthRun++;
          } else {
            zeroWidthRun = 1;
            zeroWidthRunStart = from;
          }
          zeroWidthRunEnd = to;
          if (zeroWidthRun > f.longestZeroWidthRun) {
            f.longestZeroWidthRun = zeroWidthRun;
            f.longestRunStart = zeroWidthRunStart;
            f.longestRunEnd = to;
          }
          if (insideLatinWord(to)) {
            f.zeroWidthInWord++;
            if (f.zeroWidthStart < 0) {
              f.zeroWidthStart = from;
            }
            f.zeroWidthEnd = to;
          }
          break;
        case InvisibleChars.BIDI_MARK:
          if (!insideLatinWord(to)) {
            break; // legitimate in right-to-left text
          }
          // fall through: a direction mark inside a Latin word only hides something
        case InvisibleChars.BIDI_CONTROL:
          f.bidiControls++;
          if (f.bidiStart < 0) {
            f.bidiStart = from;
          }
          f.bidiEnd = to;
          break;
        case InvisibleChars.VARIATION_SELECTOR:
          if (cp >= 0xE0100) {
            f.supplementVariationSelectors++;
            if (f.variationStart < 0) {
              f.variationStart = from;
            }
            f.variationEnd = to;
          }
          break;
        default:
          break; // soft hyphen: removed, not evidence
      }
    }

    /** Whether the last emitted char and the next visible code point after {@code from} are Latin letters. */
    private boolean insideLatinWord(int from) {
      int len = out.length();
      if (len == 0 || !isLatinLetter(out.charAt(len - 1))) {
        return false;
      }
      int q = from;
      for (int steps = 0; q < n && steps < 32; steps++) {
        int cp = Character.codePointAt(in, q);
        if (InvisibleChars.kind(cp) == InvisibleChars.VISIBLE) {
          return Character.isLetter(cp) && (cp <= 0x024F || FoldTable.isConfusable(cp));
        }
        q += Character.charCount(cp);
      }
      return false;
    }

    private static boolean isLatinLetter(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private void tagChar(int cp, int from, int to) {
      if (tagStart < 0) {
        tagStart = from;
        tagText = new StringBuilder();
        tagCancelled = false;
        tagAfterFlag = from > 0 && Character.codePointBefore(in, from) == BLACK_FLAG;
      }
      tagEnd = to;
      if (cp == CANCEL_TAG) {
        tagCancelled = true;
      } else if (cp >= 0xE0020 && cp <= 0xE007E && tagText.length() < MAX_HIDDEN_CHARS) {
        tagText.append((char) (cp - 0xE0000));
      }
    }

    private void closeTagRun() {
      if (tagStart < 0) {
        return;
      }
      String hidden = tagText.toString();
      boolean flag = tagAfterFlag && tagCancelled && hidden.length() >= 2 && hidden.length() <= 7
          && hidden.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'));
      findings.addTagRun(new ObfuscationFindings.TagRun(tagStart, tagEnd, hidden, flag));
      tagStart = -1;
      tagText = null;
    }
  }
}
