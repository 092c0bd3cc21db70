package dev.airlock.agent.door;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.ProtectionDomain;

/**
 * Loads a door's transport-facing classes next to the application's copy of that transport.
 *
 * <p>A door such as the OkHttp interceptor must implement the application's {@code okhttp3}
 * types, which may live in any class loader (a Spring Boot jar, an app server, a plug-in). For
 * each such loader the agent creates one of these: the door's own package is defined here from the
 * agent jar's bytes, the transport's packages come from the application's loader, and everything
 * else (the engine, the shaded libraries, the JDK) from the agent's loader.
 */
public final class DoorClassLoader extends ClassLoader {

  static {
    registerAsParallelCapable();
  }

  private final String doorPackage;
  private final String[] transportPackages;
  private final ClassLoader transportLoader;
  private final ClassLoader agentLoader;
  private final ProtectionDomain protectionDomain;

  /**
   * @param doorPackage the package (with trailing dot) whose classes are defined here
   * @param transportPackages package prefixes (with trailing dot) resolved in the application's loader
   */
  public DoorClassLoader(String doorPackage, String[] transportPackages, ClassLoader transportLoader,
      ClassLoader agentLoader) {
    super(agentLoader);
    this.doorPackage = doorPackage;
    this.transportPackages = transportPackages.clone();
    this.transportLoader = transportLoader;
    this.agentLoader = agentLoader;
    this.protectionDomain = DoorClassLoader.class.getProtectionDomain();
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        if (name.startsWith(doorPackage)) {
          loaded = defineDoorClass(name);
        } else if (isTransportClass(name)) {
          loaded = Class.forName(name, false, transportLoader);
        } else {
          loaded = agentLoader.loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  private boolean isTransportClass(String name) {
    for (String prefix : transportPackages) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private Class<?> defineDoorClass(String name) throws ClassNotFoundException {
    String resource = name.replace('.', '/') + ".class";
    try (InputStream in = agentLoader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new ClassNotFoundException(name);
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      byte[] b = bytes.toByteArray();
      return defineClass(name, b, 0, b.length, protectionDomain);
    } catch (IOException e) {
      throw new ClassNotFoundException(name, e);
    }
  }
}
