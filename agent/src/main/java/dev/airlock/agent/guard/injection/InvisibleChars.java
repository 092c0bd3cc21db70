package dev.airlock.agent.guard.injection;

/**
 * Classifies the code points that render as nothing. Attackers use them to split trigger words
 * ("ig\u200Bnore") past keyword filters, to reorder what a human sees (bidi controls), or to
 * smuggle a whole hidden message (Unicode tag characters U+E0000..E007F spell ASCII that models
 * read and humans do not). The normalizer removes all of them before matching.
 */
final class InvisibleChars {

  /** An ordinary, visible code point. */
  static final int VISIBLE = 0;
  /** Zero-width spaces, joiners, word joiner, BOM, Hangul fillers, invisible operators. */
  static final int ZERO_WIDTH = 1;
  /** Soft hyphen: invisible, but legitimately inside words (HTML {@code &shy;}); removed, not counted. */
  static final int SOFT_HYPHEN = 2;
  /** LRM, RLM, ALM: legitimate in right-to-left text; suspicious only inside a Latin word. */
  static final int BIDI_MARK = 3;
  /** Embeddings, overrides and isolates (U+202A..202E, U+2066..2069): "Trojan Source" reordering. */
  static final int BIDI_CONTROL = 4;
  /** Unicode tag characters U+E0000..E007F. */
  static final int TAG = 5;
  /** Variation selectors; the supplement (U+E0100..E01EF) can carry hidden bytes after an emoji. */
  static final int VARIATION_SELECTOR = 6;

  private InvisibleChars() {}

  /** The kind of {@code cp}: {@link #VISIBLE} or one of the invisible kinds. */
  static int kind(int cp) {
    if (cp < 0xAD) {
      return VISIBLE;
    }
    if (cp == 0xAD) {
      return SOFT_HYPHEN;
    }
    if (cp >= 0xE0000) {
      if (cp <= 0xE007F) {
        return TAG;
      }
      if (cp >= 0xE0100 && cp <= 0xE01EF) {
        return VARIATION_SELECTOR;
      }
      return VISIBLE;
    }
    switch (cp) {
      case 0x034F: // combining grapheme joiner
      case 0x115F: // Hangul choseong filler
      case 0x1160: // Hangul jungseong filler
      case 0x17B4: // Khmer inherent vowels
      case 0x17B5:
      case 0x180E: // Mongolian vowel separator
      case 0x200B: // zero-width space
      case 0x200C: // zero-width non-joiner
      case 0x200D: // zero-width joiner
      case 0x3164: // Hangul filler
      case 0xFEFF: // BOM / zero-width no-break space
      case 0xFFA0: // halfwidth Hangul filler
        return ZERO_WIDTH;
      case 0x061C:
      case 0x200E:
      case 0x200F:
        return BIDI_MARK;
      default:
        break;
    }
    if ((cp >= 0x2060 && cp <= 0x2065) || (cp >= 0x206A && cp <= 0x206F)
        || (cp >= 0x180B && cp <= 0x180F) || (cp >= 0xFFF9 && cp <= 0xFFFB)
        || (cp >= 0x1D173 && cp <= 0x1D17A)) {
      return ZERO_WIDTH;
    }
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      return BIDI_CONTROL;
    }
    if (cp >= 0xFE00 && cp <= 0xFE0F) {
      return VARIATION_SELECTOR;
    }
    return VISIBLE;
  }
}
