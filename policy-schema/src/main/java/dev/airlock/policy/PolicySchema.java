package dev.airlock.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the whole policy language, including the sections this version
 * does not enforce yet, so editors can complete and check policy files. It ships as the resource
 * {@value #RESOURCE}.
 *
 * <p>The schema describes the language; {@link PolicyLoader} decides what this version accepts. A
 * file can therefore be valid against the schema and still be refused for using a section that is
 * not enforced yet.
 */
public final class PolicySchema {

  /** Class-path location of the schema. */
  public static final String RESOURCE = "dev/airlock/policy/airlock-policy.schema.json";

  private PolicySchema() {}

  /** The schema document as JSON text. */
  public static String json() {
    return Holder.JSON;
  }

  /** Loaded on first use, once. */
  private static final class Holder {
    static final String JSON = read();

    private static String read() {
      // Class#getResourceAsStream also works when the class was defined by the boot loader.
      try (InputStream in = PolicySchema.class.getResourceAsStream("/" + RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource " + RESOURCE + " is missing from the jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("cannot read resource " + RESOURCE, e);
      }
    }
  }
}
