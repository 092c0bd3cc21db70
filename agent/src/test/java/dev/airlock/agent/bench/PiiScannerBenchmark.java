package dev.airlock.agent.bench;

import dev.airlock.agent.pii.CustomPattern;
import dev.airlock.agent.pii.Detection;
import dev.airlock.agent.pii.PiiScanner;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The PII scanner with the example policy's detectors ({@code email, phone, credit_card, iban,
 * us_ssn, ip_address, secret} and the custom {@code customer_id} pattern), in MB/s, on the text
 * of the 2 KB chat request, on 2 KB without personal data, and on 64 KB of prose with personal data
 * about every kilobyte ({@link BenchFixtures#piiText}).
 *
 * <p>Baselines in the same run: one pass over the characters looking at each (counting digits and
 * {@code @}: the floor of any scanner), and one precompiled email regex over the text (what a
 * hand-rolled single-type scanner costs).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class PiiScannerBenchmark {

  @Param({"chat2k", "clean2k", "mixed64k"})
  public String text;

  private String input;
  private PiiScanner scanner;
  private Pattern email;

  @Setup
  public void setUp() {
    input = BenchFixtures.piiText(text);
    scanner = PiiScanner.builder()
        .enable(Arrays.asList("email", "phone", "credit_card", "iban", "us_ssn", "ip_address", "secret"))
        .custom(CustomPattern.of("customer_id", "CUST-[0-9]{8}"))
        .build();
    email = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    if (!"clean2k".equals(text) && scanner.scan(input).isEmpty()) {
      throw new IllegalStateException("the scanner finds nothing in " + text);
    }
  }

  @Benchmark
  public int baseline_charScan() {
    int hits = 0;
    String s = input;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '0' && c <= '9') || c == '@') {
        hits++;
      }
    }
    return hits;
  }

  @Benchmark
  public int baseline_emailRegex() {
    Matcher m = email.matcher(input);
    int found = 0;
    while (m.find()) {
      found++;
    }
    return found;
  }

  @Benchmark
  public List<Detection> piiScanner_exampleTypes() {
    return scanner.scan(input);
  }
}
