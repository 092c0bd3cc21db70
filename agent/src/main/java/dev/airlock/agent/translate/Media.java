package dev.airlock.agent.translate;

import java.util.Locale;

/**
 * Media spellings: {@code data:} URLs (OpenAI's way of inlining images and files) and the audio
 * format names OpenAI uses instead of media types.
 */
final class Media {

  private Media() {}

  /**
   * Reads a {@code data:<type>;base64,<data>} URL into a MEDIA part.
   *
   * @throws TranslationException for a data URL that is not base64 (the other formats take base64 only)
   */
  static Part fromDataUrl(String url) {
    int comma = url.indexOf(',');
    if (comma < 0) {
      throw new TranslationException("malformed data URL (no comma): " + Part.abbreviate(url));
    }
    String meta = url.substring("data:".length(), comma);
    if (!meta.toLowerCase(Locale.ROOT).endsWith(";base64")) {
      throw new TranslationException("data URL is not base64-encoded; only base64 data URLs can be translated");
    }
    String mime = meta.substring(0, meta.length() - ";base64".length());
    int param = mime.indexOf(';');
    if (param >= 0) {
      mime = mime.substring(0, param);
    }
    if (mime.isEmpty()) {
      throw new TranslationException("data URL without a media type cannot be translated");
    }
    return Part.media(mime.toLowerCase(Locale.ROOT), url.substring(comma + 1));
  }

  static boolean isDataUrl(String url) {
    return url != null && url.regionMatches(true, 0, "data:", 0, 5);
  }

  /**
   * Whether a URI points at storage only Gemini can read: a Gemini Files API file or a Cloud
   * Storage object. Other providers cannot fetch those, so they are refused rather than sent.
   */
  static boolean isGeminiOnlyUri(String url) {
    return url != null
        && (url.startsWith("gs://") || url.startsWith("https://generativelanguage.googleapis.com/"));
  }

  /** Refuses a MEDIA_URL part that the named target could not fetch. */
  static void requireFetchable(Part p, String target) {
    if (isGeminiOnlyUri(p.url)) {
      throw new TranslationException(
          "the file " + p.url + " is stored with Google (Gemini Files API or Cloud Storage); " + target + " cannot read it");
    }
  }

  static String toDataUrl(Part media) {
    return "data:" + media.mimeType + ";base64," + media.data;
  }

  /** OpenAI {@code input_audio.format} ({@code wav}, {@code mp3}) as a media type. */
  static String audioMime(String format) {
    if (format == null) {
      throw new TranslationException("input_audio without a format cannot be translated");
    }
    switch (format.toLowerCase(Locale.ROOT)) {
      case "wav":
        return "audio/wav";
      case "mp3":
        return "audio/mpeg";
      default:
        return "audio/" + format.toLowerCase(Locale.ROOT);
    }
  }

  /** A media type as OpenAI's {@code input_audio.format}, or null when OpenAI has no name for it. */
  static String openAiAudioFormat(String mime) {
    switch (mime) {
      case "audio/wav":
      case "audio/x-wav":
      case "audio/wave":
        return "wav";
      case "audio/mpeg":
      case "audio/mp3":
        return "mp3";
      default:
        return null;
    }
  }
}
