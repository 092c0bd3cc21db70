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

  /**
   * Ids of 10 to 13 digits in the shapes an ungrouped phone number may have (a Turkish mobile
   * without its 0, a number with a trunk 0), each after a word of its kind: order, invoice and
   * account numbers, tracking numbers, ISBNs, card-number fragments, epoch timestamps in
   * seconds and milliseconds.
   */
  @Test
  void bareDigitIdsNextToTheirWordHaveNoDetections() {
    String text = String.join("\n",
        "Order 5351234567 shipped on 2024-05-01; order no. 02161234567 is on hold.",
        "Invoice 5301234567 is overdue. Account 5551234567, acct 02321234567.",
        "Tracking 5461234567 and tracking number 05351234567; parcel 5401234567.",
        "ISBN 0712345671, ISBN-10: 0612345678.",
        "Card 5301234567 was declined; Mastercard ending 5551234567.",
        "created_at=1715678901 updated_ms=1715678901234 timestamp 5361234567 epoch 5301234567",
        "Receipt 5311234567. Policy 5341234567. Claim 02121234567. Ref 5321234567.");
    List<String> found = new ArrayList<>();
    for (Detection d : PiiScanner.builder().enable(PiiTypes.builtIn()).build().scan(text)) {
      found.add(d + " '" + d.text(text) + "'");
    }
    assertEquals(Collections.emptyList(), found);
  }
}
