package dev.airlock.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Reads {@code cache:}: the exact cache and the semantic cache, each with its defaults. */
final class CacheReader {

  static final List<String> KEYS = Arrays.asList("exact", "semantic");
  static final List<String> EXACT_KEYS = Arrays.asList("ttl", "max_size", "when");
  static final List<String> SEMANTIC_KEYS =
      Arrays.asList("threshold", "ttl", "allow_pii", "embedder", "max_entries", "max_size");

  private final Expect expect;
  private final ProblemCollector problems;
  private final PolicyContext context;

  CacheReader(Expect expect, PolicyContext context) {
    this.expect = expect;
    this.problems = expect.problems();
    this.context = context;
  }

  /** The section, or null when it has errors. */
  CachePolicy read(PolicyNode node) {
    MappingNode cache = expect.mapping(node);
    if (cache == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(cache, KEYS);
    CachePolicy.Builder b = CachePolicy.builder();
    if (cache.get("exact") != null) {
      b.exact(readExact(cache.get("exact")));
    }
    if (cache.get("semantic") != null) {
      b.semantic(readSemantic(cache.get("semantic")));
    }
    return problems.errorCount() == before ? b.build() : null;
  }

  private ExactCachePolicy readExact(PolicyNode node) {
    MappingNode exact = expect.mapping(node);
    if (exact == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(exact, EXACT_KEYS);
    ExactCachePolicy.Builder b = ExactCachePolicy.builder();
    if (exact.get("ttl") != null) {
      Duration ttl = expect.positiveDuration(exact.get("ttl"));
      if (ttl != null) {
        b.ttl(ttl);
      }
    }
    if (exact.get("max_size") != null) {
      PolicyNode sizeNode = exact.get("max_size");
      Long size = expect.parsed(sizeNode, PolicyValues::bytes);
      if (size != null && size == 0) {
        problems.error(sizeNode, "must be more than zero (leave cache.exact out to cache nothing)");
      } else if (size != null) {
        b.maxBytes(size);
      }
    }
    if (exact.get("when") != null) {
      String when = expect.oneOf(exact.get("when"), ExactCachePolicy.WHEN);
      if (when != null) {
        b.when(when);
      }
    }
    return problems.errorCount() == before ? b.build() : null;
  }

  private SemanticCachePolicy readSemantic(PolicyNode node) {
    MappingNode semantic = expect.mapping(node);
    if (semantic == null) {
      return null;
    }
    int before = problems.errorCount();
    expect.onlyKeys(semantic, SEMANTIC_KEYS);
    SemanticCachePolicy.Builder b = SemanticCachePolicy.builder();
    if (semantic.get("threshold") != null) {
      Double threshold = expect.numberIn(semantic.get("threshold"), 0, false, 1, true);
      if (threshold != null) {
        b.threshold(threshold);
      }
    }
    if (semantic.get("ttl") != null) {
      Duration ttl = expect.positiveDuration(semantic.get("ttl"));
      if (ttl != null) {
        b.ttl(ttl);
      }
    }
    if (semantic.get("allow_pii") != null) {
      Boolean allow = expect.bool(semantic.get("allow_pii"));
      if (allow != null) {
        b.allowPii(allow);
      }
    }
    if (semantic.get("embedder") != null) {
      readEmbedder(semantic.get("embedder"), b);
    }
    if (semantic.get("max_entries") != null) {
      Integer entries = expect.integer(semantic.get("max_entries"), 1);
      if (entries != null) {
        b.maxEntries(entries);
      }
    }
    if (semantic.get("max_size") != null) {
      PolicyNode sizeNode = semantic.get("max_size");
      Long size = expect.parsed(sizeNode, PolicyValues::bytes);
      if (size != null && size == 0) {
        problems.error(sizeNode, "must be more than zero (leave cache.semantic out to cache nothing)");
      } else if (size != null) {
        b.maxBytes(size);
      }
    }
    return problems.errorCount() == before ? b.build() : null;
  }

  /**
   * {@code embedder}: an extension's embedder by name ({@code local}, {@code all-minilm-l6-v2}), or
   * {@code PROVIDER/MODEL}: the embeddings endpoint of a provider in the OpenAI format.
   */
  private void readEmbedder(PolicyNode node, SemanticCachePolicy.Builder b) {
    String embedder = expect.string(node);
    if (embedder == null) {
      return;
    }
    String name = embedder.trim();
    if (name.indexOf('/') < 0) {
      b.embedder(name);
      return;
    }
    if (name.endsWith("/")) {
      // A route target may leave the model out; an embedder may not (it has no request to take one from).
      problems.error(node, "must name the embedding model too, e.g. " + name + "text-embedding-3-small");
      return;
    }
    TargetRef target = context.target(node);
    if (target == null || target.model().isEmpty()) {
      return;
    }
    WireFormat format = context.formatOf(target.provider());
    if (format != null && format != WireFormat.OPENAI) {
      problems.error(node, "provider '" + target.provider() + "' is in the "
          + format.name().toLowerCase(java.util.Locale.ROOT)
          + " format; the semantic cache calls an OpenAI-format embeddings endpoint (POST .../embeddings)");
      return;
    }
    b.embedder(name).embedderTarget(target);
  }
}
