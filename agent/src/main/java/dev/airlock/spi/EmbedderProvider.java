package dev.airlock.spi;

/**
 * The service an extension jar registers (in {@code
 * META-INF/services/dev.airlock.spi.EmbedderProvider}) to offer an {@link Embedder}. The agent
 * finds it with {@link java.util.ServiceLoader} when it starts and calls {@link #open()} only when a
 * policy's {@code cache.semantic} first needs it, since loading a model takes a while.
 *
 * <p>Implementations need a public no-argument constructor and should do nothing costly in it.
 */
public interface EmbedderProvider {

  /**
   * The name a policy selects it by ({@code cache.semantic.embedder}), e.g. {@code
   * all-minilm-l6-v2}. A policy that says {@code local} (the default) gets the first provider found.
   */
  String name();

  /**
   * Loads the model. Called at most once per agent; the embedder is then shared by every policy
   * that names this provider, across reloads.
   *
   * @throws Exception when the model cannot be loaded; the agent logs it once and runs without the
   *     semantic cache
   */
  Embedder open() throws Exception;
}
