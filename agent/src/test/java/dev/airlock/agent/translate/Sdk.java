package dev.airlock.agent.translate;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider SDK (openai-java, anthropic-java, google-genai) loaded from the local Maven
 * repository into its own class loader, so the tests can check the translated bytes against the
 * very code applications run, without the SDKs becoming dependencies of the agent (nor their
 * Jackson meeting the agent's). Reflection only; each artifact is taken at the highest version
 * present locally.
 */
final class Sdk {

  private final ClassLoader loader;

  private Sdk(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * @param artifacts {@code groupId:artifactId}
   * @return the SDK, or null (with the reason in {@code missing}) when an artifact is not in the local repository
   */
  static Sdk load(List<String> missing, String... artifacts) {
    Path repo = Paths.get(System.getProperty("maven.repo.local",
        Paths.get(System.getProperty("user.home"), ".m2", "repository").toString()));
    List<URL> urls = new ArrayList<>();
    for (String ga : artifacts) {
      String[] p = ga.split(":");
      File dir = repo.resolve(p[0].replace('.', '/')).resolve(p[1]).toFile();
      File best = null;
      String bestVersion = null;
      File[] versions = dir.listFiles(File::isDirectory);
      if (versions != null) {
        for (File v : versions) {
          File jar = new File(v, p[1] + "-" + v.getName() + ".jar");
          if (jar.isFile() && (bestVersion == null || compare(v.getName(), bestVersion) > 0)) {
            best = jar;
            bestVersion = v.getName();
          }
        }
      }
      if (best == null) {
        missing.add(ga);
        continue;
      }
      try {
        urls.add(best.toURI().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      }
    }
    if (!missing.isEmpty()) {
      return null;
    }
    // The platform loader as parent: the SDK sees the JDK and its own jars, not the test classpath.
    return new Sdk(new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader()));
  }

  /** Version order: numeric parts numerically; a release sorts after its qualifiers (2.0.0 > 2.0.0-RC1). */
  static int compare(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      if (i >= x.length) {
        return isNumber(y[i]) ? -1 : 1;
      }
      if (i >= y.length) {
        return isNumber(x[i]) ? 1 : -1;
      }
      int c = isNumber(x[i]) && isNumber(y[i]) ? Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i])) : x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit) && s.length() < 18;
  }

  Class<?> type(String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Calls a static method by name and argument count. */
  Object callStatic(String className, String method, Object... args) {
    return invoke(type(className), null, method, args);
  }

  /** Calls an instance method by name and argument count. */
  static Object call(Object target, String method, Object... args) {
    return invoke(target.getClass(), target, method, args);
  }

  private static Object invoke(Class<?> type, Object target, String method, Object... args) {
    for (Method m : type.getMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length && accepts(m, args)) {
        try {
          // AutoValue and Kotlin implementation classes may be package-private; their public API
          // methods are still what the application calls.
          m.setAccessible(true);
          return m.invoke(target, args);
        } catch (InvocationTargetException e) {
          Throwable cause = e.getCause();
          throw new AssertionError("SDK rejected it: " + cause, cause);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new IllegalStateException("no method " + type.getName() + "." + method + "/" + args.length);
  }

  private static boolean accepts(Method m, Object[] args) {
    Class<?>[] types = m.getParameterTypes();
    for (int i = 0; i < args.length; i++) {
      if (args[i] != null && !types[i].isInstance(args[i])) {
        return false;
      }
    }
    return true;
  }
}
