package dev.airlock.agent.install;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.airlock.agent.AgentLog;
import dev.airlock.agent.door.jdk.JdkHttpClientDoor;
import dev.airlock.agent.door.jdk.JdkHttpClientInstrumentation;
import dev.airlock.agent.door.jdk.PlatformBridgeInjector;
import dev.airlock.agent.door.okhttp.OkHttpBridge;
import dev.airlock.agent.door.okhttp.OkHttpClientInstrumentation;
import dev.airlock.agent.door.okhttp.OkHttpDoor;
import dev.airlock.agent.engine.Pipeline;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Installs the doors: the hooks first, then the advice that calls them. */
public final class DoorInstaller {

  private DoorInstaller() {}

  /** @return the names of the doors installed, as the start-up line and the spans name them */
  public static List<String> install(Instrumentation instrumentation, Pipeline pipeline) {
    List<String> installed = new ArrayList<>();
    OkHttpBridge.onClientBuilt = new OkHttpDoor(pipeline);
    AgentBuilder builder = new AgentBuilder.Default()
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        // Advice is inlined, so no helper class is ever injected; Byte Buddy's default injection
        // strategy would probe sun.misc.Unsafe, which JDK 24+ warns about on stderr.
        .with(AgentBuilder.InjectionStrategy.Disabled.INSTANCE)
        // The default ignores classes of the bootstrap and platform loaders, and java.net.http is
        // a platform module; ignore only ourselves and the JVM's generated classes instead.
        .ignore(nameStartsWith("dev.airlock.")
            .or(nameStartsWith("net.bytebuddy."))
            .or(nameStartsWith("jdk.internal.reflect."))
            .or(isSynthetic()))
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
    builder.installOn(instrumentation);
    return installed;
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
