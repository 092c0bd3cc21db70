package dev.airlock.agent.install;

import static net.bytebuddy.matcher.ElementMatchers.none;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.door.jdk.JdkHttpClientDoor;
import dev.airlock.agent.door.jdk.JdkHttpClientInstrumentation;
import dev.airlock.agent.door.jdk.PlatformBridgeInjector;
import dev.airlock.agent.door.okhttp.OkHttpBridge;
import dev.airlock.agent.door.okhttp.OkHttpClientInstrumentation;
import dev.airlock.agent.door.okhttp.OkHttpDoor;
import dev.airlock.agent.engine.Pipeline;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/**
 * Builds the doors: the hooks first, then the Byte Buddy transformer that weaves the advice calling
 * them. The transformer is handed to the {@link DoorGate}, never registered itself, so Byte Buddy
 * sees only the door targets, not every class the JVM loads.
 */
public final class DoorInstaller {

  /** The binary names of every class a door weaves: what the {@link DoorGate} lets through. */
  static final Set<String> TARGETS = Set.of(OkHttpClientInstrumentation.TARGET, JdkHttpClientInstrumentation.TARGET);

  private DoorInstaller() {}

  /** What {@link #build} made: the doors' names and the transformer that weaves them. */
  public static final class Doors {
    public final List<String> names;
    public final ClassFileTransformer transformer;

    Doors(List<String> names, ClassFileTransformer transformer) {
      this.names = names;
      this.transformer = transformer;
    }
  }

  /** Sets the doors' hooks to the pipeline and builds the transformer for the {@link DoorGate}. */
  public static Doors build(Instrumentation instrumentation, Pipeline pipeline) {
    List<String> installed = new ArrayList<>();
    OkHttpBridge.onClientBuilt = new OkHttpDoor(pipeline);
    AgentBuilder builder = new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        // Advice is inlined, so no helper class is ever injected; Byte Buddy's default injection
        // strategy would probe sun.misc.Unsafe, which JDK 24+ warns about on stderr.
        .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
        // The default ignores classes of the bootstrap and platform loaders, and java.net.http is
        // a platform module. Nothing else needs ignoring: the DoorGate shows only the targets.
        .ignore(none())
        .with(new FailureListener());
    builder = OkHttpClientInstrumentation.apply(builder);
    installed.add("okhttp");
    try {
      JdkHttpClientDoor jdkDoor = new JdkHttpClientDoor(pipeline);
      ClassFileLocator advice = PlatformBridgeInjector.inject(instrumentation, jdkDoor, jdkDoor);
      builder = JdkHttpClientInstrumentation.apply(builder, advice);
      installed.add("jdk-httpclient");
    } catch (Exception | LinkageError e) {
      AgentLog.warn("the java.net.http door is not installed: " + e);
    }
    return new Doors(installed, builder.makeRaw());
  }

  /** Reports a door that could not be woven; the application runs on without it. */
  private static final class FailureListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable throwable) {
      AgentLog.warn("could not instrument " + typeName + ": " + throwable);
    }

    @Override
    public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
        boolean loaded, DynamicType dynamicType) {
      AgentLog.debug("instrumented " + typeDescription.getName() + " in " + classLoader);
    }
  }
}
