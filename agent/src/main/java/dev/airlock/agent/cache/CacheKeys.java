package dev.airlock.agent.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.airlock.agent.codec.Endpoint;
import dev.airlock.agent.codec.WireFormat;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Derives the {@link CacheKey} of a request from everything in it that can change the answer.
 *
 * <p>The key is the SHA-256 digest of, in order: a format version; the {@link Endpoint}; the
 * <b>target</b> (the provider and model that will actually answer, after routing, e.g. {@code
 * "openai/gpt-4o-mini"}); the <b>tenant</b> (null and empty are different); an optional
 * <b>variant</b> (whatever outside the body changes the answer, see {@link #of(Endpoint, String,
 * String, String, byte[])}); and the <b>body</b> in canonical form: parsed, object members sorted by
 * name at every depth, numbers compared by value ({@code 0} equals {@code 0.0}), whitespace and
 * string escapes ignored (see {@link CanonicalJson}).
 *
 * <p>Only top-level members that cannot change the answer are left out:
 *
 * <ul>
 *   <li>OpenAI dialect: {@code user}, {@code safety_identifier}, {@code metadata}; {@code store}
 *       except for the Responses API, where a stored response can be continued by its id and an
 *       unstored one cannot; {@code stream_options} except {@code include_usage: true}, which adds a
 *       usage chunk to the stream the application reads (so it is kept as {@code
 *       {"include_usage":true}} and every other form counts as absent).
 *   <li>Anthropic: {@code metadata}.
 *   <li>Gemini: nothing.
 * </ul>
 *
 * <p>{@code stream} stays: a streamed and a whole answer are stored apart. A body that is not one
 * JSON object, or that repeats a member name anywhere in what the key covers (providers resolve
 * that in ways we cannot know), has no key: such a request is simply not cached. Stateless and
 * thread-safe.
 *
 * <p>A body in plain ASCII JSON (the common case) is put in canonical form straight from its bytes
 * by {@link AsciiJsonCanonicalizer}; any other is read with the parser. Both write the same bytes
 * for the same body, so a key does not depend on the way it was computed (keys are shared across
 * JVMs and restarts through {@link SharedTier}).
 */
public final class CacheKeys {

  /** Bumped whenever the canonical form changes, so keys of an older form never match. */
  private static final String FORMAT = "airlock.cache.exact/1";

  private static final Set<String> OPENAI_DROPPED =
      Collections.unmodifiableSet(new HashSet<>(Arrays.asList("user", "safety_identifier", "metadata")));
  private static final Set<String> ANTHROPIC_DROPPED = Collections.singleton("metadata");

  /** Thread-safe once built. Duplicate members are found by {@link CanonicalJson}, at less cost than the parser's detection. */
  private static final JsonFactory FACTORY = new JsonFactory();

  private CacheKeys() {}

  /**
   * The key of a request, without a variant.
   *
   * @see #of(Endpoint, String, String, String, byte[])
   */
  public static CacheKey of(Endpoint endpoint, String target, String tenant, byte[] body) {
    return of(endpoint, target, tenant, null, body);
  }

  /**
   * The key of a request.
   *
   * @param endpoint the endpoint the request goes to (decides the dialect and which members are left out)
   * @param target the provider and model that will actually answer, after routing; not null
   * @param tenant the tenant the call is attributed to, or null
   * @param variant what outside the body changes the answer, or null: e.g. {@link
   *     #queryVariant(String) the query string} (Gemini's {@code alt=sse} turns a JSON array into
   *     SSE; Azure's {@code api-version} changes the response shape) and headers such as {@code
   *     anthropic-beta} or {@code anthropic-version}. Null and empty are different.
   * @param body the request body as the application wrote it (UTF-8 JSON)
   * @return the key, or null when the body is not exactly one JSON object without duplicate
   *     members (the request is then not cacheable)
   * @throws NullPointerException when endpoint or target is null
   */
  public static CacheKey of(Endpoint endpoint, String target, String tenant, String variant, byte[] body) {
    if (endpoint == null) {
      throw new NullPointerException("endpoint");
    }
    if (target == null) {
      throw new NullPointerException("target");
    }
    if (body == null) {
      return null;
    }
    CanonicalJson out = keyPrefix(endpoint, target, tenant, variant, body.length);
    if (!AsciiJsonCanonicalizer.write(endpoint, body, out) && !parsed(endpoint, body, out)) {
      return null;
    }
    MessageDigest sha = sha256();
    sha.update(out.buffer(), 0, out.length());
    return new CacheKey(sha.digest());
  }

  /** What every key starts with: the format, the endpoint, the target, the tenant and the variant. */
  private static CanonicalJson keyPrefix(Endpoint endpoint, String target, String tenant, String variant,
      int bodyLength) {
    CanonicalJson out = new CanonicalJson(bodyLength + 128);
    out.text(FORMAT);
    out.text(endpoint.name());
    out.text(target);
    out.text(tenant);
    out.text(variant);
    return out;
  }

  /**
   * The key as computed before {@link AsciiJsonCanonicalizer}: the body always read with the
   * parser. For tests, which hold the two ways to the same key.
   */
  static CacheKey ofParsed(Endpoint endpoint, String target, String tenant, String variant, byte[] body) {
    CanonicalJson out = keyPrefix(endpoint, target, tenant, variant, body.length);
    if (!parsed(endpoint, body, out)) {
      return null;
    }
    MessageDigest sha = sha256();
    sha.update(out.buffer(), 0, out.length());
    return new CacheKey(sha.digest());
  }

  /** Appends the body's canonical form read with the parser; false when it has none. */
  private static boolean parsed(Endpoint endpoint, byte[] body, CanonicalJson out) {
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      topLevel(endpoint, p, out);
      // Exactly one object: anything after it (even another object) makes the body unreadable.
      return p.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The {@code variant} of a request: what outside the body can change the answer, namely the
   * query string (see {@link #queryVariant}) and Anthropic's {@code anthropic-version} and {@code
   * anthropic-beta} headers (a beta can change what a model answers and how).
   *
   * @param query the raw query (after {@code '?'}), or null
   * @param anthropicVersion the header's value, or null
   * @param anthropicBeta the header's value, or null
   * @return the variant, or null when there is none of them
   */
  public static String variant(String query, String anthropicVersion, String anthropicBeta) {
    String canonicalQuery = queryVariant(query);
    if (canonicalQuery == null && anthropicVersion == null && anthropicBeta == null) {
      return null;
    }
    return canonicalQuery + "\n" + anthropicVersion + "\n" + anthropicBeta;
  }

  /**
   * A query string as a {@code variant}: its parameters sorted, Gemini's {@code key} (a credential,
   * not a question) left out. Values are compared as written, without percent-decoding.
   *
   * @param query the part after {@code '?'} (a leading {@code '?'} is ignored), or null
   * @return the canonical query, or null when there is none or nothing is left
   */
  public static String queryVariant(String query) {
    if (query == null) {
      return null;
    }
    String q = query.startsWith("?") ? query.substring(1) : query;
    int hash = q.indexOf('#');
    if (hash >= 0) {
      q = q.substring(0, hash);
    }
    if (q.isEmpty()) {
      return null;
    }
    List<String> params = new ArrayList<>();
    for (String param : q.split("&", -1)) {
      if (param.isEmpty() || param.equals("key") || param.startsWith("key=")) {
        continue;
      }
      params.add(param);
    }
    if (params.isEmpty()) {
      return null;
    }
    Collections.sort(params);
    return String.join("&", params);
  }

  /** The root object, without the members that cannot change the answer (see the class comment). */
  private static void topLevel(Endpoint endpoint, JsonParser p, CanonicalJson out) throws IOException {
    WireFormat format = endpoint.format();
    boolean sawStreamOptions = false;
    out.beginObject();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (format == WireFormat.OPENAI && "stream_options".equals(name)) {
        if (sawStreamOptions) {
          throw new IOException("duplicate member \"stream_options\"");
        }
        sawStreamOptions = true;
        if (includesUsage(p)) {
          out.name(name);
          out.beginObject();
          out.name("include_usage");
          out.bool(true);
          out.endObject();
        }
      } else if (isDropped(endpoint, format, name)) {
        p.skipChildren();
      } else {
        out.name(name);
        out.value(p);
      }
    }
    out.endObject();
  }

  /** Whether a top-level member is left out of the key (see the class comment). */
  static boolean isDropped(Endpoint endpoint, WireFormat format, String name) {
    switch (format) {
      case OPENAI:
        return OPENAI_DROPPED.contains(name) || ("store".equals(name) && endpoint != Endpoint.OPENAI_RESPONSES);
      case ANTHROPIC:
        return ANTHROPIC_DROPPED.contains(name);
      default:
        return false;
    }
  }

  /** Reads a {@code stream_options} value: whether it holds {@code "include_usage": true}. */
  private static boolean includesUsage(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return false;
    }
    boolean include = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String option = p.currentName();
      JsonToken v = p.nextToken();
      if ("include_usage".equals(option)) {
        include = v == JsonToken.VALUE_TRUE;
      }
      p.skipChildren();
    }
    return include;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest's own contract).
      throw new IllegalStateException(e);
    }
  }
}
