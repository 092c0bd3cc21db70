package dev.airlock.load;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Percentiles and the number formats of the report. */
final class Stats {

  private Stats() {}

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length - 1e-9); // 99.9% of 1000 is 999, not 999.0000000000001
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static long[] concatSorted(List<long[]> parts) {
    int n = 0;
    for (long[] p : parts) {
      n += p.length;
    }
    long[] all = new long[n];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    Arrays.sort(all);
    return all;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** Nanoseconds as microseconds. */
  static String us(double nanos) {
    double us = nanos / 1e3;
    if (Math.abs(us) >= 10_000) {
      return String.format(Locale.ROOT, "%.1f ms", us / 1e3);
    }
    return String.format(Locale.ROOT, Math.abs(us) >= 100 ? "%.0f µs" : "%.1f µs", us);
  }

  /** A difference in nanoseconds as signed microseconds. */
  static String addedUs(double nanos) {
    return (nanos >= 0 ? "+" : "−") + us(Math.abs(nanos));
  }

  static String ms(double nanos) {
    return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
  }

  static String addedMs(double nanos) {
    return (nanos >= 0 ? "+" : "−") + ms(Math.abs(nanos));
  }

  static String ratio(double value, double baseline) {
    if (Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0) {
      return "";
    }
    return String.format(Locale.ROOT, "×%.2f", value / baseline);
  }

  static String mb(double bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  static String addedMb(double bytes) {
    return (bytes >= 0 ? "+" : "−") + mb(Math.abs(bytes));
  }

  static String kb(double bytes) {
    return String.format(Locale.ROOT, bytes >= 100 * 1024 ? "%.0f KB" : "%.1f KB", bytes / 1024.0);
  }

  static String addedKb(double bytes) {
    return (bytes >= 0 ? "+" : "−") + kb(Math.abs(bytes));
  }

  static String perSecond(double v) {
    return String.format(Locale.ROOT, "%.0f/s", v);
  }
}
