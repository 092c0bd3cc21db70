package dev.airlock.agent.door.jdk;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;

/**
 * Defines {@link JdkHttpClientBridge} inside {@code java.net.http}, where the advice can call it.
 *
 * <p>The usual way, appending a jar to the bootstrap class path, makes HotSpot print "Sharing is
 * only supported for boot loader classes" and turns class data sharing off (slower start-up);
 * and a bootstrap class would still need a read edge from the named module. Instead the module
 * opens its internal package to the agent ({@link Instrumentation#redefineModule}), and a private
 * lookup defines the renamed bridge in that package; the advice is renamed to match.
 */
public final class PlatformBridgeInjector {

  /**
   * The class whose module and package the bridge joins. Not the woven {@code HttpClientImpl}:
   * loading that here, before the doors are ready, would let the application use it unwoven until
   * it is retransformed. The builder is in the same package and loads nothing of the client.
   */
  static final String ANCHOR = "jdk.internal.net.http.HttpClientBuilderImpl";
  static final String PACKAGE = "jdk.internal.net.http";
  static final String BRIDGE = PACKAGE + ".AirlockHttpClientBridge";

  private PlatformBridgeInjector() {}

  /**
   * Defines the bridge, sets its hooks, and returns the advice classes as the JDK will see them.
   */
  public static ClassFileLocator inject(Instrumentation instrumentation, Predicate<Object> candidate,
      Function<Object[], Object[]> handler) throws Exception {
    Class<?> anchor = Class.forName(ANCHOR, false, ClassLoader.getPlatformClassLoader());
    Module javaNetHttp = anchor.getModule();
    instrumentation.redefineModule(javaNetHttp, Set.of(), Map.of(),
        Map.of(PACKAGE, Set.of(PlatformBridgeInjector.class.getModule())), Set.of(), Map.of());
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
    byte[] bridgeBytes = renamed(JdkHttpClientBridge.class);
    Class<?> bridge = lookup.defineClass(bridgeBytes);
    bridge.getField("candidate").set(null, candidate);
    bridge.getField("handler").set(null, handler);

    Map<String, byte[]> types = new HashMap<>();
    types.put(BRIDGE, bridgeBytes);
    types.put(JdkSendAdvice.class.getName(), renamed(JdkSendAdvice.class));
    types.put(JdkSendAsyncAdvice.class.getName(), renamed(JdkSendAsyncAdvice.class));
    return new ClassFileLocator.Simple(types);
  }

  /** The class's bytes with every reference to the template bridge pointing at the injected one. */
  private static byte[] renamed(Class<?> type) throws IOException {
    String resource = type.getName().replace('.', '/') + ".class";
    byte[] original;
    try (InputStream in = PlatformBridgeInjector.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the agent jar lacks " + resource);
      }
      original = in.readAllBytes();
    }
    ClassReader reader = new ClassReader(original);
    ClassWriter writer = new ClassWriter(0);
    SimpleRemapper remapper = new SimpleRemapper(
        JdkHttpClientBridge.class.getName().replace('.', '/'), BRIDGE.replace('.', '/'));
    reader.accept(new ClassRemapper(writer, remapper), 0);
    return writer.toByteArray();
  }
}
