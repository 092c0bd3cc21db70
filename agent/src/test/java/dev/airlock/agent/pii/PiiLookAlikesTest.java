package dev.airlock.agent.pii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A page of release notes, prices, order ids, code and logs (test resource {@code
 * pii/lookalikes.txt}): all of it looks like something a detector reads, none of it is personal
 * data, so every built-in detector together must report nothing.
 */
class PiiLookAlikesTest {

  @Test
  void developerTextFullOfNumbersHasNoDetections() throws IOException {
    String text;
    try (InputStream in = PiiLookAlikesTest.class.getResourceAsStream("/pii/lookalikes.txt")) {
      assertNotNull(in, "missing pii/lookalikes.txt");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> found = new ArrayList<>();
    for (Detection d : PiiScanner.builder().enable(PiiTypes.builtIn()).build().scan(text)) {
      found.add(d + " '" + d.text(text) + "'");
    }
    assertEquals(Collections.emptyList(), found);
  }
}
