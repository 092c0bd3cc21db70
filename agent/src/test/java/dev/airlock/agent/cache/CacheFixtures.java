package dev.airlock.agent.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Recorded payloads under {@code src/test/resources/payloads/}, JSON written with single quotes, and chunking. */
final class CacheFixtures {

  private CacheFixtures() {}

  static byte[] payload(String path) {
    try (InputStream in = CacheFixtures.class.getResourceAsStream("/payloads/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** JSON written with {@code '} for {@code "}, so bodies stay readable in Java strings. */
  static byte[] json(String singleQuoted) {
    return singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Cuts bytes into pieces of seeded random sizes between 1 and {@code maxPiece}, as a network would. */
  static List<byte[]> chunks(byte[] all, int maxPiece, long seed) {
    Random random = new Random(seed);
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    while (off < all.length) {
      int n = Math.min(all.length - off, 1 + random.nextInt(maxPiece));
      out.add(Arrays.copyOfRange(all, off, off + n));
      off += n;
    }
    return out;
  }

  static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.write(p, 0, p.length);
    }
    return out.toByteArray();
  }
}
