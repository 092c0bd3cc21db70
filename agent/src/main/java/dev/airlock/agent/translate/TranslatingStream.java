package dev.airlock.agent.translate;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A {@link StreamTranslator} made of the target's {@link StreamDecoder} and the application's {@link StreamEncoder}. */
final class TranslatingStream implements StreamTranslator {

  private static final byte[] NOTHING = new byte[0];

  private final StreamDecoder decoder;
  private final StreamEncoder encoder;
  private final List<StreamEvent> events = new ArrayList<>(4);
  private boolean finished;

  TranslatingStream(StreamDecoder decoder, StreamEncoder encoder) {
    this.decoder = decoder;
    this.encoder = encoder;
  }

  @Override
  public byte[] onEvent(String eventName, String data) {
    if (data == null || finished) {
      return NOTHING;
    }
    events.clear();
    decoder.onEvent(eventName, data, events);
    return encode();
  }

  @Override
  public byte[] finish() {
    if (finished) {
      return NOTHING;
    }
    finished = true;
    events.clear();
    decoder.finish(events);
    return encode();
  }

  private byte[] encode() {
    if (events.isEmpty()) {
      return NOTHING;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    for (StreamEvent e : events) {
      encoder.write(e, out);
    }
    return out.size() == 0 ? NOTHING : out.toByteArray();
  }
}
