package dev.airlock.agent.extension;

import java.net.URL;
import java.net.URLClassLoader;

/**
 * The class loader of extension jars. Only the SPI ({@code dev.airlock.spi}) comes from the agent;
 * everything else is the extension's own or the JDK's. Its parent is the platform class loader, so
 * neither the application's classes (an app may carry its own ONNX Runtime or langchain4j) nor the
 * agent's relocated libraries can be picked up in place of the extension's copies.
 */
final class ExtensionClassLoader extends URLClassLoader {

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private static final String SPI_PACKAGE = "dev.airlock.spi.";

  private final ClassLoader agentLoader;

  ExtensionClassLoader(URL[] jars, ClassLoader agentLoader) {
    super("airlock-extensions", jars, ClassLoader.getPlatformClassLoader());
    this.agentLoader = agentLoader;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (name.startsWith(SPI_PACKAGE)) {
      // One copy of each SPI type, the agent's: otherwise the extension's classes would implement
      // interfaces the agent cannot cast to.
      return agentLoader.loadClass(name);
    }
    return super.loadClass(name, resolve);
  }
}
