package dev.airlock.agent.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.airlock.agent.cache.semantic.WordEmbedder;
import dev.airlock.spi.Embedder;
import dev.airlock.spi.EmbedderProvider;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Extension jars: found through their services file, loaded apart from the app, the SPI shared. */
class ExtensionsTest {

  @TempDir
  Path dir;

  /** A jar such as an extension build produces: the provider's classes and its services file. */
  private Path extensionJar() throws IOException {
    Path jar = dir.resolve("words.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Class<?> type : List.of(WordEmbedder.class, WordEmbedder.Provider.class)) {
        String entry = type.getName().replace('.', '/') + ".class";
        out.putNextEntry(new JarEntry(entry));
        try (InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
          in.transferTo(out);
        }
      }
      out.putNextEntry(new JarEntry("META-INF/services/" + EmbedderProvider.class.getName()));
      out.write((WordEmbedder.Provider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  @Test
  void anExtensionJarOffersItsEmbedderInItsOwnClassLoader() throws IOException {
    Extensions extensions = Extensions.load(extensionJar().toString(), Extensions.class.getClassLoader());
    assertEquals(List.of("words.jar"), extensions.jars());
    assertEquals(List.of("words"), extensions.embedderNames());
    assertEquals(" | extensions words.jar (words not used)", extensions.bannerNote());
    Embedder embedder = extensions.embedder("local");
    assertTrue(extensions.bannerNote().matches(" \\| extensions words\\.jar \\(words loaded in \\d+ ms\\)"),
        extensions.bannerNote());
    assertNotNull(embedder, "'local' is the first embedder found");
    assertSame(embedder, extensions.embedder("words"), "opened once, then shared");
    assertNotSame(WordEmbedder.class, embedder.getClass(), "the jar's own copy, not the agent's class path");
    assertEquals(WordEmbedder.DIMENSIONS, embedder.embed("hello world").length);
    assertNull(extensions.embedder("all-minilm-l6-v2"), "a name no extension offers");
  }

  @Test
  void missingPathsAreLeftOutAndTheRestStillLoads() throws IOException {
    String paths = dir.resolve("missing.jar") + File.pathSeparator + extensionJar();
    Extensions extensions = Extensions.load(paths, Extensions.class.getClassLoader());
    assertEquals(List.of("words"), extensions.embedderNames());
    assertSame(Extensions.NONE, Extensions.load(dir.resolve("missing.jar").toString(), getClass().getClassLoader()));
    assertSame(Extensions.NONE, Extensions.load(" ", getClass().getClassLoader()));
    assertEquals("", Extensions.NONE.bannerNote());
  }

  @Test
  void aJarWithoutProvidersOffersNothing() throws IOException {
    Path empty = dir.resolve("empty.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(empty))) {
      // no entries
    }
    Extensions extensions = Extensions.load(empty.toString(), getClass().getClassLoader());
    assertEquals(List.of(), extensions.embedderNames());
    assertNull(extensions.embedder("local"));
  }
}
