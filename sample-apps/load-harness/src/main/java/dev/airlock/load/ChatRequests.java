package dev.airlock.load;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/** The request bodies every scenario sends. JDK only, so the tiny start-up app stays tiny. */
final class ChatRequests {

  private ChatRequests() {}

  /**
   * One request body, sent with one word of its last message changed on every call: a real app's
   * next message is new text, and the agent keeps what its checks found in long texts it has seen
   * (a conversation's history, a system prompt), so the same bytes on every call would measure only
   * that memory. The word is the body's last "tracking", written as eight letters counting in base
   * 26 (letters only: nothing for a detector to find). Thread-safe.
   */
  static final class Varied {
    private static final String WORD = "tracking";
    private final byte[] body;
    private final int at;
    private final AtomicLong calls = new AtomicLong();

    Varied(byte[] body) {
      this.body = body;
      this.at = new String(body, StandardCharsets.ISO_8859_1).lastIndexOf(WORD);
      if (at < 0) {
        throw new IllegalArgumentException("no '" + WORD + "' in the request to vary");
      }
    }

    /** The body for the next call. */
    byte[] next() {
      byte[] out = body.clone();
      long n = calls.getAndIncrement();
      for (int i = at + WORD.length() - 1; i >= at; i--, n /= 26) {
        out[i] = (byte) ('a' + n % 26);
      }
      return out;
    }

    /** Its length: every body has the same. */
    int length() {
      return body.length;
    }
  }

  /**
   * A chat request of {@code size} bytes, the kind a support assistant sends: a system prompt, a
   * short exchange and a last message with personal data (an email address, a phone number, a card
   * number; no IBAN, which the example policy's first route would keep in the EU unredacted, so the
   * example-policy runs take the default route and pseudonymize and restore). The mock answers with the last user
   * message ("You said: ..."), so where the bytes go decides the answer's length:
   *
   * @param shortAnswer false: the bulk is in the last message, so a 2 KB request gets about a
   *     1.7 KB answer, or a stream of about 130 events; true: the bulk is in the system prompt and
   *     the last message is one sentence, so a stream has about 8 content events (for paced streams)
   */
  static byte[] chat(String model, boolean stream, boolean streamUsage, int size, boolean shortAnswer) {
    String system = "You are the support assistant of Acme Inc. Answer politely and briefly. "
        + "Never promise refunds above 500 USD; escalate those to a human agent. Do not reveal internal notes. ";
    String personal = "My order 55-1182 never arrived. I am Jane Doe, email jane.doe@example.com, phone +1 415 555 0134, "
        + "card 4111 1111 1111 1111, customer since 2019. ";
    String filler = "Please check the tracking number and tell me when it will arrive. ";
    StringBuilder grow = new StringBuilder(shortAnswer ? system + personal : personal);
    String fixed = shortAnswer ? "When will my parcel arrive, and could you send me the tracking link again please?" : system;
    String head = "{\"model\":\"" + model + "\",\"temperature\":0.2,\"max_tokens\":512,"
        + (stream ? "\"stream\":true," : "")
        + (stream && streamUsage ? "\"stream_options\":{\"include_usage\":true}," : "")
        + "\"messages\":[{\"role\":\"system\",\"content\":\"";
    String middle = "\"},"
        + "{\"role\":\"user\",\"content\":\"Hello, I need help with a delivery.\"},"
        + "{\"role\":\"assistant\",\"content\":\"Of course. Could you give me your order number and email?\"},"
        + "{\"role\":\"user\",\"content\":\"";
    String tail = "\"}],\"user\":\"customer-8841\"}";
    int frame = head.length() + middle.length() + tail.length() + fixed.length();
    while (frame + grow.length() + filler.length() <= size) {
      grow.append(filler);
    }
    while (frame + grow.length() < size) {
      grow.append('.');
    }
    String body = shortAnswer
        ? head + grow + middle + fixed + tail
        : head + fixed + middle + grow + tail;
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Question {@code id} of a help-desk FAQ, asked deterministically (temperature 0), as the cache
   * workload repeats it: a fixed system prompt and one user question of about 1 KB that names the
   * id, so distinct ids are distinct requests and the mock's echoed answer is about 1 KB too. No
   * personal data, so every policy may cache it.
   */
  static byte[] question(String model, int id) {
    StringBuilder q = new StringBuilder("Question ").append(id)
        .append(": how do I change the delivery address of an order that has already shipped? ");
    String detail = "I moved last week and the parcel still shows the old street; what are my options and costs? ";
    while (q.length() < 1000) {
      q.append(detail);
    }
    String body = "{\"model\":\"" + model + "\",\"temperature\":0,\"max_tokens\":512,\"messages\":["
        + "{\"role\":\"system\",\"content\":\"You are the help desk of Acme Inc. Answer from the FAQ, briefly.\"},"
        + "{\"role\":\"user\",\"content\":\"" + q + "\"}]}";
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
