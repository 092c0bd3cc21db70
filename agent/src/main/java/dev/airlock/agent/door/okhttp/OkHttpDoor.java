package dev.airlock.agent.door.okhttp;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.door.DoorClassLoader;
import dev.airlock.agent.engine.Pipeline;
import java.util.function.Consumer;

/**
 * The door for OkHttp 3, 4 and 5 (openai-java, anthropic-java, google-genai, Spring AI 2): when a
 * client is built, the agent's interceptor goes first in its chain. The interceptor is loaded once
 * per application class loader that holds OkHttp, beside that copy.
 */
public final class OkHttpDoor implements Consumer<Object> {

  private static final String CHAIN_PACKAGE = "dev.airlock.agent.door.okhttp.chain.";
  private static final String INSTALLER = CHAIN_PACKAGE + "InterceptorInstaller";
  private static final String[] TRANSPORT_PACKAGES = {"okhttp3.", "okio.", "kotlin."};

  private final Pipeline pipeline;
  private final ClassValue<Consumer<Object>> installers = new ClassValue<Consumer<Object>>() {
    @Override
    protected Consumer<Object> computeValue(Class<?> builderClass) {
      return createInstaller(builderClass.getClassLoader());
    }
  };

  public OkHttpDoor(Pipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** Adds the interceptor to the builder of a client being constructed. */
  @Override
  public void accept(Object builder) {
    installers.get(builder.getClass()).accept(builder);
  }

  @SuppressWarnings("unchecked")
  private Consumer<Object> createInstaller(ClassLoader okHttpLoader) {
    try {
      ClassLoader agentLoader = OkHttpDoor.class.getClassLoader();
      DoorClassLoader loader = new DoorClassLoader(CHAIN_PACKAGE, TRANSPORT_PACKAGES, okHttpLoader, agentLoader);
      Class<?> installer = Class.forName(INSTALLER, true, loader);
      return (Consumer<Object>) installer.getConstructor(Pipeline.class).newInstance(pipeline);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      AgentLog.warn("OkHttp in " + okHttpLoader + " cannot be observed: " + e);
      return builder -> { };
    }
  }
}
