package dev.airlock.agent.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Durations, sizes, shares and prices written the way a policy writes them ({@code 30s},
 * {@code 200ms}, {@code 256MB}, {@code 5%}, {@code 0.15}), so that an explanation reads like the
 * policy it explains.
 */
final class Units {

  private Units() {}

  /** {@code 200ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 1d}: the largest unit that divides it. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s != 0 && s % 86400 == 0) {
      return s / 86400 + "d";
    }
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** {@code 256MB}, {@code 1GB}, {@code 512KB}, {@code 100B}, with the policy's binary units (1KB = 1024 bytes). */
  static String bytes(long bytes) {
    String[] units = {"GB", "MB", "KB"};
    long[] sizes = {1L << 30, 1L << 20, 1L << 10};
    for (int i = 0; i < units.length; i++) {
      if (bytes >= sizes[i] && bytes % sizes[i] == 0) {
        return bytes / sizes[i] + units[i];
      }
    }
    return bytes + "B";
  }

  /** {@code 5%}, {@code 12.5%}: a percentage without float noise. */
  static String percent(double percent) {
    return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + "%";
  }

  /** {@code 0.5} as {@code 50%}: a fraction of a limit. */
  static String fraction(double fraction) {
    return percent(BigDecimal.valueOf(fraction).movePointRight(2).doubleValue());
  }

  /** {@code 0.15}, {@code 0.60}, {@code 0.075}: at least cents, no float noise. */
  static String price(double d) {
    BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
    return b.scale() < 2 ? b.setScale(2).toPlainString() : b.toPlainString();
  }

  /** {@code $0.000180}: a small amount in dollars, to the micro-dollar. */
  static String usd(double usd) {
    return String.format(Locale.ROOT, "$%.6f", usd);
  }
}
