package dev.airlock.agent.codec;

import static dev.airlock.agent.codec.Fixtures.bytes;
import static dev.airlock.agent.codec.Fixtures.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.airlock.agent.codec.Fixtures.Event;
import dev.airlock.agent.codec.Fixtures.Replay;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseParserTest {

  private static final int CAP = 1 << 20;

  /** Every call, including raw-only ones. */
  private static final class Recorder implements SseParser.Listener {
    final List<String[]> calls = new ArrayList<>();
    final List<byte[]> raws = new ArrayList<>();

    @Override
    public void onEvent(String eventName, String data, byte[] raw) {
      calls.add(new String[] {eventName, data});
      raws.add(raw);
    }

    byte[] allRaw() {
      int n = 0;
      for (byte[] r : raws) {
        n += r.length;
      }
      byte[] out = new byte[n];
      int o = 0;
      for (byte[] r : raws) {
        System.arraycopy(r, 0, out, o, r.length);
        o += r.length;
      }
      return out;
    }

    List<Event> withData() {
      List<Event> out = new ArrayList<>();
      for (String[] c : calls) {
        if (c[1] != null) {
          out.add(new Event(c[0], c[1], null));
        }
      }
      return out;
    }
  }

  private static List<Event> events(String stream) {
    return Fixtures.replay(utf8(stream), null, 0, CAP).events;
  }

  private static Event ev(String name, String data) {
    return new Event(name, data, null);
  }

  @Test
  void fieldsPerTheSpec() {
    assertEquals(Arrays.asList(ev("greeting", "hello\nworld"), ev(null, " two spaces"), ev(null, "x")),
        events("event: greeting\ndata: hello\ndata:world\n\n"
            + ": a comment\ndata:  two spaces\nid: 7\nretry: 1000\n\n"
            + "unknown: field\ndata: x\n\n"));
  }

  @Test
  void lineEndingsCrLfAndCrAndLf() {
    List<Event> expected = Arrays.asList(ev(null, "a\nb"), ev("e", "c"), ev(null, "d"));
    assertEquals(expected, events("data: a\r\ndata: b\r\n\r\nevent: e\rdata: c\r\rdata: d\n\n"));
  }

  @Test
  void emptyDataIsNoEventButTwoEmptyLinesAreANewline() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    byte[] input = utf8("data:\n\ndata\ndata\n\nevent: only-name\n\n");
    p.feed(input, 0, input.length);
    assertEquals(3, rec.calls.size());
    assertNull(rec.calls.get(0)[1]);
    assertEquals("\n", rec.calls.get(1)[1]);
    assertEquals("only-name", rec.calls.get(2)[0]);
    assertNull(rec.calls.get(2)[1]);
  }

  @Test
  void framingOnlyDeliversWholeEventsWithoutTheirFields() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    byte[] first = utf8("event: a\ndata: one\n\n");
    byte[] rest = utf8("event: b\ndata: two\r\ndata: more\r\n\r\ndata: thr");
    byte[] tail = utf8("ee\n\n");
    p.feed(first, 0, first.length);
    p.framingOnly();
    p.feed(rest, 0, rest.length);
    p.feed(tail, 0, tail.length);
    assertEquals(3, rec.calls.size(), "one call per event, as before");
    assertEquals("one", rec.calls.get(0)[1], "the event before the switch is read whole");
    for (int k = 1; k < 3; k++) {
      assertNull(rec.calls.get(k)[0]);
      assertNull(rec.calls.get(k)[1]);
    }
    assertEquals("event: b\ndata: two\r\ndata: more\r\n\r\n", new String(rec.raws.get(1), StandardCharsets.UTF_8));
    assertEquals("data: three\n\n", new String(rec.raws.get(2), StandardCharsets.UTF_8));
  }

  @Test
  void keepAlivesAndStrayBlankLinesAreDeliveredRawOnly() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    byte[] input = utf8(": keep-alive\n\n\n\ndata: x\n\n");
    p.feed(input, 0, input.length);
    p.finish();
    assertEquals(Arrays.asList(ev(null, "x")), rec.withData());
    assertEquals(4, rec.calls.size());
    assertArrayEquals(input, rec.allRaw());
    assertArrayEquals(utf8(": keep-alive\n\n"), rec.raws.get(0));
    assertArrayEquals(utf8("data: x\n\n"), rec.raws.get(3));
  }

  @Test
  void rawIsTheWholeEventWithItsTerminator() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    byte[] input = utf8("event: a\r\ndata: 1\r\n\r\ndata: 2\n\n");
    p.feed(input, 0, input.length);
    assertArrayEquals(utf8("event: a\r\ndata: 1\r\n\r\n"), rec.raws.get(0));
    assertArrayEquals(utf8("data: 2\n\n"), rec.raws.get(1));
  }

  @Test
  void crLfSplitAcrossPiecesIsOneLineEnd() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    p.feed(utf8("data: a\r"), 0, 8);
    p.feed(utf8("\ndata: b\r"), 0, 9);
    p.feed(utf8("\n\r"), 0, 2);
    assertEquals(Arrays.asList(ev(null, "a\nb")), rec.withData(), "dispatched at the CR, without waiting");
    p.feed(utf8("\ndata: c\r\n\r\n"), 0, 12);
    assertEquals(Arrays.asList(ev(null, "a\nb"), ev(null, "c")), rec.withData());
    assertArrayEquals(utf8("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n"), rec.allRaw());
    // The LF completing the CRLF that ended the first event opens the next raw.
    assertArrayEquals(utf8("\ndata: c\r\n\r\n"), rec.raws.get(1));
  }

  @Test
  void multiByteUtf8SplitAtEveryPosition() {
    String text = "Grüße 🙂 日本 ☁️";
    byte[] input = utf8("data: " + text + "\r\n\r\n");
    for (int cut = 1; cut < input.length; cut++) {
      Recorder rec = new Recorder();
      SseParser p = new SseParser(rec, CAP);
      p.feed(Arrays.copyOfRange(input, 0, cut), 0, cut);
      p.feed(Arrays.copyOfRange(input, cut, input.length), 0, input.length - cut);
      p.finish(); // a cut between the final CR and LF leaves that LF pending
      assertEquals(Arrays.asList(ev(null, text)), rec.withData(), "cut at " + cut);
      assertArrayEquals(input, rec.allRaw());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "openai/chat-stream.sse", "openai/chat-stream-azure.sse", "openai/chat-stream-n2.sse", "openai/responses-stream.sse",
    "openai/completions-stream.sse", "anthropic/messages-stream.sse", "anthropic/messages-stream-tool-use.sse", "gemini/stream.sse"
  })
  void piecesOfAnySizeGiveTheSameEventsAndBytes(String fixture) {
    byte[] stream = bytes(fixture);
    Replay whole = Fixtures.replay(stream, null, stream.length, CAP);
    assertArrayEquals(stream, whole.raw.toByteArray());
    for (int size : new int[] {1, 2, 3, 7, 13, 64, 0}) {
      Replay r = Fixtures.replay(stream, null, size, CAP);
      assertEquals(whole.events, r.events, fixture + " in pieces of " + size);
      assertArrayEquals(stream, r.raw.toByteArray(), "every byte delivered once, in order");
    }
  }

  @Test
  void geminiFramesAreCrLf() {
    List<Event> events = Fixtures.replay(bytes("gemini/stream.sse"), null, 7, CAP).events;
    assertEquals(3, events.size());
    for (Event e : events) {
      assertNull(e.name);
      assertEquals('{', e.data.charAt(0));
      assertEquals('}', e.data.charAt(e.data.length() - 1));
    }
  }

  @Test
  void oversizeEventIsPassedOnRawAndParsingResumes() {
    String big = "data: " + repeat('x', 300) + "\ndata: " + repeat('y', 50) + "\n\n";
    String stream = "data: before\n\n" + big + "event: after\ndata: ok\r\n\r\n";
    byte[] input = utf8(stream);
    for (int size : new int[] {1, 7, 64, input.length}) {
      Recorder rec = new Recorder();
      SseParser p = new SseParser(rec, 100);
      for (int[] piece : Fixtures.pieces(input.length, size, 1)) {
        p.feed(Arrays.copyOfRange(input, piece[0], piece[0] + piece[1]), 0, piece[1]);
      }
      p.finish();
      assertEquals(Arrays.asList(ev(null, "before"), ev("after", "ok")), rec.withData(), "pieces of " + size);
      assertArrayEquals(input, rec.allRaw(), "the oversize event still reaches the application");
      assertEquals(1, p.oversizeEvents());
      assertArrayEquals(new byte[0], p.pending());
    }
  }

  @Test
  void oversizeEventEndingWithCrAtPieceEnd() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, 16);
    byte[] a = utf8("data: 0123456789abcdef\r\n\r");
    byte[] b = utf8("\ndata: ok\r\n\r\n");
    p.feed(a, 0, a.length);
    p.feed(b, 0, b.length);
    assertEquals(Arrays.asList(ev(null, "ok")), rec.withData());
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    assertArrayEquals(all, rec.allRaw());
    assertEquals(1, p.oversizeEvents());
  }

  @Test
  void finishFlushesAnUnterminatedLastEvent() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    byte[] input = utf8("data: one\n\ndata: [DONE]");
    p.feed(input, 0, input.length);
    assertArrayEquals(utf8("data: [DONE]"), p.pending());
    p.finish();
    assertEquals(Arrays.asList(ev(null, "one"), ev(null, "[DONE]")), rec.withData());
    assertArrayEquals(input, rec.allRaw());
    assertArrayEquals(new byte[0], p.pending());
    p.finish();
    assertEquals(2, rec.calls.size(), "nothing left to flush");
  }

  @Test
  void finishDeliversAHalfLineAsIs() {
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    byte[] input = utf8("data: a\ndat");
    p.feed(input, 0, input.length);
    p.finish();
    assertEquals(Arrays.asList(ev(null, "a")), rec.withData());
    assertArrayEquals(input, rec.allRaw());
  }

  @Test
  void byteOrderMarkAtStreamStartIsIgnored() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rest = utf8("data: x\n\ndata: y\n\n");
    byte[] input = new byte[bom.length + rest.length];
    System.arraycopy(bom, 0, input, 0, 3);
    System.arraycopy(rest, 0, input, 3, rest.length);
    Replay r = Fixtures.replay(input, null, 1, CAP);
    assertEquals(Arrays.asList(ev(null, "x"), ev(null, "y")), r.events);
    assertArrayEquals(input, r.raw.toByteArray());
  }

  @Test
  void byteBuffersAreReadWithoutMovingThem() {
    byte[] input = utf8("XXdata: heap\n\ndata: direct ü\n\n");
    Recorder rec = new Recorder();
    SseParser p = new SseParser(rec, CAP);
    ByteBuffer heap = ByteBuffer.wrap(input, 2, 14).slice();
    heap.position(0);
    p.feed(heap);
    assertEquals(0, heap.position());
    assertEquals(14, heap.limit());
    byte[] tail = Arrays.copyOfRange(input, 16, input.length);
    ByteBuffer direct = ByteBuffer.allocateDirect(tail.length + 4);
    direct.put(new byte[] {1, 2});
    direct.put(tail);
    direct.flip();
    direct.position(2);
    p.feed(direct);
    assertEquals(2, direct.position());
    assertEquals(Arrays.asList(ev(null, "heap"), ev(null, "direct ü")), rec.withData());
  }

  @Test
  void argumentsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> new SseParser((n, d, r) -> {}, 0));
    assertThrows(NullPointerException.class, () -> new SseParser(null, 10));
    SseParser p = new SseParser((n, d, r) -> {}, 10);
    assertThrows(IndexOutOfBoundsException.class, () -> p.feed(new byte[4], 2, 3));
  }

  @Test
  void longStreamsDoNotGrowTheBuffer() {
    // Many events in one stream: memory is bounded by one event, not the stream.
    Recorder rec = new Recorder();
    SseParser p = new SseParser((n, d, r) -> rec.calls.add(new String[] {n, d}), 64);
    byte[] event = utf8("data: " + repeat('z', 40) + "\n\n");
    for (int i = 0; i < 10_000; i++) {
      p.feed(event, 0, event.length);
    }
    assertEquals(10_000, rec.calls.size());
    assertEquals(0, p.oversizeEvents());
    assertEquals(new String(event, 6, 40, StandardCharsets.UTF_8), rec.calls.get(9_999)[1]);
  }

  private static String repeat(char c, int n) {
    char[] chars = new char[n];
    Arrays.fill(chars, c);
    return new String(chars);
  }

  /**
   * Data lines are joined as the spec says (each value plus LF, the final LF removed, nothing
   * left is no data), whatever their number and emptiness: random events of zero to four data
   * lines, empty, ASCII or multi-byte, with comments and event names between them.
   */
  @Test
  void dataLinesAreJoinedPerTheSpecWhateverTheirNumber() {
    String[] values = {"", "x", "{\"a\":1}", "caf\u00e9 \uD83D\uDE00", " lead", "a:b"};
    java.util.Random random = new java.util.Random(11);
    for (int round = 0; round < 300; round++) {
      StringBuilder stream = new StringBuilder();
      List<String> expected = new ArrayList<>();
      for (int event = 0; event < 5; event++) {
        int lines = random.nextInt(5);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < lines; i++) {
          if (random.nextInt(4) == 0) {
            stream.append(": note\n");
          }
          String value = values[random.nextInt(values.length)];
          stream.append(random.nextBoolean() || value.startsWith(" ") ? "data: " : "data:").append(value).append('\n');
          joined.append(value).append('\n');
        }
        stream.append(random.nextBoolean() ? "event: e\n\n" : "\n");
        String data = joined.length() > 1 ? joined.substring(0, joined.length() - 1) : null;
        expected.add(data);
      }
      Recorder rec = new Recorder();
      SseParser p = new SseParser(rec, CAP);
      byte[] input = utf8(stream.toString());
      p.feed(input, 0, input.length);
      List<String> got = new ArrayList<>();
      for (String[] call : rec.calls) {
        got.add(call[1]);
      }
      assertEquals(expected, got, stream.toString());
    }
  }
}
