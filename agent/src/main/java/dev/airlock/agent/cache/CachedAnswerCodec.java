package dev.airlock.agent.cache;

import dev.airlock.agent.codec.Usage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link CachedAnswer} as bytes, for a {@link SharedTier}: versioned, so that replicas of another
 * agent version read an entry they do not understand as a miss rather than as a wrong answer.
 */
final class CachedAnswerCodec {

  private static final int MAGIC = 0x41434131; // "ACA1"

  private CachedAnswerCodec() {}

  static byte[] encode(CachedAnswer answer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, answer.byteCount() + 256));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(answer.status());
      writeNullable(out, answer.contentType());
      writeNullable(out, answer.model());
      Usage usage = answer.usage();
      out.writeBoolean(usage != null);
      if (usage != null) {
        out.writeLong(usage.inputTokens());
        out.writeLong(usage.outputTokens());
        out.writeLong(usage.cacheReadInputTokens());
        out.writeLong(usage.cacheCreationInputTokens());
        out.writeLong(usage.reasoningOutputTokens());
      }
      out.writeBoolean(answer.streamed());
      out.writeInt(answer.chunkCount());
      for (int i = 0; i < answer.chunkCount(); i++) {
        byte[] chunk = answer.chunk(i);
        out.writeInt(chunk.length);
        out.write(chunk);
      }
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return bytes.toByteArray();
  }

  /** The answer, or null when the bytes are not an entry of this format. */
  static CachedAnswer decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      if (in.readInt() != MAGIC) {
        return null;
      }
      int status = in.readInt();
      String contentType = readNullable(in);
      String model = readNullable(in);
      Usage usage = in.readBoolean()
          ? Usage.of(in.readLong(), in.readLong(), in.readLong(), in.readLong(), in.readLong()) : null;
      boolean streamed = in.readBoolean();
      int count = in.readInt();
      if (count < 0 || count > bytes.length) {
        return null;
      }
      List<byte[]> chunks = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int length = in.readInt();
        if (length < 0 || length > bytes.length) {
          return null;
        }
        byte[] chunk = new byte[length];
        in.readFully(chunk);
        chunks.add(chunk);
      }
      if (streamed) {
        return CachedAnswer.streamed(status, contentType, model, usage, chunks);
      }
      return chunks.size() == 1 ? CachedAnswer.whole(status, contentType, model, usage, chunks.get(0)) : null;
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  private static void writeNullable(DataOutputStream out, String value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeUTF(value);
    }
  }

  private static String readNullable(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readUTF() : null;
  }
}
