package dev.airlock.agent.extension;

import dev.airlock.agent.AgentLog;
import dev.airlock.spi.Embedder;
import dev.airlock.spi.EmbedderProvider;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The extension jars given to the agent ({@code extensions=PATH[:PATH...]}) and what they offer:
 * today, {@link EmbedderProvider}s. Loaded once, when the agent starts, in an {@link
 * ExtensionClassLoader} of their own; a path that is missing or not a jar, or a provider that fails
 * to load, is reported in the log and left out, and the agent carries on.
 *
 * <p>Embedders are opened lazily ({@link #embedder}), once each, and shared by every policy that
 * uses them (a model takes a while to load and is the same across reloads). Thread-safe.
 */
public final class Extensions {

  /** What the agent has when no extension was given (the CLI, tests, agents without the argument). */
  public static final Extensions NONE = new Extensions(List.of(), List.of());

  private static volatile Extensions installed = NONE;

  private final List<String> jars;
  private final List<EmbedderProvider> embedders;
  private final Map<String, Opened> opened = new ConcurrentHashMap<>();

  private Extensions(List<String> jars, List<EmbedderProvider> embedders) {
    this.jars = Collections.unmodifiableList(new ArrayList<>(jars));
    this.embedders = Collections.unmodifiableList(new ArrayList<>(embedders));
  }

  /**
   * Loads the extension jars in {@code paths}.
   *
   * @param paths jar paths separated by the platform's path separator ({@code :} on Unix, {@code ;}
   *     on Windows); null or blank gives {@link #NONE}
   * @param agentLoader the agent's class loader, which supplies the SPI types
   */
  public static Extensions load(String paths, ClassLoader agentLoader) {
    if (paths == null || paths.isBlank()) {
      return NONE;
    }
    List<URL> urls = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String item : paths.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      String trimmed = item.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      Path jar = Path.of(trimmed);
      if (!Files.isRegularFile(jar) || !Files.isReadable(jar)) {
        AgentLog.warn("extension " + trimmed + " is not a readable file; it is left out");
        continue;
      }
      try {
        urls.add(jar.toAbsolutePath().toUri().toURL());
        names.add(jar.getFileName().toString());
      } catch (MalformedURLException e) {
        AgentLog.warn("extension " + trimmed + " is not a valid path; it is left out");
      }
    }
    if (urls.isEmpty()) {
      return NONE;
    }
    ClassLoader loader = new ExtensionClassLoader(urls.toArray(new URL[0]), agentLoader);
    List<EmbedderProvider> found = new ArrayList<>();
    java.util.Iterator<EmbedderProvider> it = ServiceLoader.load(EmbedderProvider.class, loader).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        AgentLog.warn("an embedder in the extensions could not be loaded and is left out: " + e);
      }
    }
    if (found.isEmpty()) {
      AgentLog.warn("the extensions " + names + " offer nothing this agent uses (no dev.airlock.spi.EmbedderProvider)");
    }
    return new Extensions(names, found);
  }

  /** Makes these the agent's extensions; called once, when the agent starts. */
  public static void install(Extensions extensions) {
    installed = extensions == null ? NONE : extensions;
  }

  /** The agent's extensions ({@link #NONE} until {@link #install}). */
  public static Extensions installed() {
    return installed;
  }

  /** A set of extensions made of these providers, for tests and embedding hosts. */
  public static Extensions of(List<EmbedderProvider> embedders) {
    return new Extensions(List.of(), embedders);
  }

  /** The file names of the jars loaded, for the banner. */
  public List<String> jars() {
    return jars;
  }

  /**
   * The extensions' part of the agent's start line, e.g. {@code " | extensions
   * airlock-semantic-cache.jar (all-minilm-l6-v2 loaded in 2310 ms)"}; empty without extensions.
   */
  public String bannerNote() {
    if (jars.isEmpty()) {
      return "";
    }
    List<String> embedderStates = new ArrayList<>();
    for (EmbedderProvider provider : embedders) {
      String name = safeName(provider);
      Opened state = opened.get(name);
      embedderStates.add(name + (state == null ? " not used" : state.embedder == null ? " failed to load"
          : " loaded in " + state.loadMillis + " ms"));
    }
    return " | extensions " + String.join(", ", jars)
        + (embedderStates.isEmpty() ? "" : " (" + String.join(", ", embedderStates) + ")");
  }

  /** The names of the embedders offered, in the order found. */
  public List<String> embedderNames() {
    List<String> names = new ArrayList<>();
    for (EmbedderProvider provider : embedders) {
      names.add(safeName(provider));
    }
    return names;
  }

  /**
   * The embedder a policy asks for, opened on first use.
   *
   * @param name a provider's {@link EmbedderProvider#name()}, or {@code local} for the first one found
   * @return the embedder, or null when no extension offers it or it failed to open (logged once)
   */
  public Embedder embedder(String name) {
    EmbedderProvider provider = null;
    for (EmbedderProvider candidate : embedders) {
      if ("local".equals(name) || safeName(candidate).equals(name)) {
        provider = candidate;
        break;
      }
    }
    if (provider == null) {
      return null;
    }
    EmbedderProvider chosen = provider;
    return opened.computeIfAbsent(safeName(chosen), key -> open(chosen)).embedder;
  }

  private static Opened open(EmbedderProvider provider) {
    long start = System.nanoTime();
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Libraries inside an extension often look up their own resources through the context loader.
    thread.setContextClassLoader(provider.getClass().getClassLoader());
    try {
      Embedder embedder = provider.open();
      long millis = (System.nanoTime() - start) / 1_000_000;
      // Reported on the agent's start line (bannerNote), not on a line of its own.
      AgentLog.debug("embedder " + embedder.name() + " (" + embedder.dimensions() + " dimensions) loaded in "
          + millis + " ms");
      return new Opened(embedder, millis);
    } catch (Exception | LinkageError e) {
      AgentLog.error("the embedder " + safeName(provider) + " could not be loaded; the semantic cache is off", e);
      return new Opened(null, 0);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private static String safeName(EmbedderProvider provider) {
    try {
      return String.valueOf(provider.name());
    } catch (RuntimeException e) {
      return provider.getClass().getName();
    }
  }

  /** An open attempt, kept so that a provider that failed is not tried again on every reload. */
  private static final class Opened {
    final Embedder embedder;
    final long loadMillis;

    Opened(Embedder embedder, long loadMillis) {
      this.embedder = embedder;
      this.loadMillis = loadMillis;
    }
  }
}
