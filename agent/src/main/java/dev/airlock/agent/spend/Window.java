package dev.airlock.agent.spend;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A budget's period: calendar-aligned in UTC, so that a daily budget resets at 00:00 UTC for every
 * replica at once, whenever each one started. (Epoch milliseconds have no leap seconds, so minutes,
 * hours and days are plain divisions.)
 */
public enum Window {
  MINUTE("minute", 60_000L),
  HOUR("hour", 3_600_000L),
  DAY("day", 86_400_000L),
  /** From the first of the month 00:00 UTC to the first of the next. */
  MONTH("month", 0);

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm", Locale.ROOT);
  private static final long DAY_MILLIS = 86_400_000L;

  private final String id;
  private final long fixedMillis;

  Window(String id, long fixedMillis) {
    this.id = id;
    this.fixedMillis = fixedMillis;
  }

  /** The policy's name for it, and the key segment: {@code minute}, {@code hour}, {@code day}, {@code month}. */
  public String id() {
    return id;
  }

  /** The start of the window holding {@code epochMillis}. */
  public long startMillis(long epochMillis) {
    if (this == MONTH) {
      LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY_MILLIS));
      return day.withDayOfMonth(1).toEpochDay() * DAY_MILLIS;
    }
    return Math.floorDiv(epochMillis, fixedMillis) * fixedMillis;
  }

  /** The end (exclusive) of the window that starts at {@code startMillis}. */
  public long endMillis(long startMillis) {
    if (this == MONTH) {
      return LocalDate.ofEpochDay(Math.floorDiv(startMillis, DAY_MILLIS)).plusMonths(1).toEpochDay() * DAY_MILLIS;
    }
    return startMillis + fixedMillis;
  }

  /** The start of the window holding {@code instant}. */
  public Instant start(Instant instant) {
    return Instant.ofEpochMilli(startMillis(instant.toEpochMilli()));
  }

  /** The end (exclusive) of the window holding {@code instant}: when its budget resets. */
  public Instant end(Instant instant) {
    return Instant.ofEpochMilli(endMillis(startMillis(instant.toEpochMilli())));
  }

  /** A window start as a key segment, UTC: {@code 20261122T0000}. */
  static String label(long startMillis) {
    return LABEL.format(LocalDateTime.ofEpochSecond(Math.floorDiv(startMillis, 1000), 0, ZoneOffset.UTC));
  }

  /**
   * The window named {@code id} (case-insensitive; {@code min} and {@code mo} are accepted too).
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static Window of(String id) {
    String lower = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
    switch (lower) {
      case "minute":
      case "min":
        return MINUTE;
      case "hour":
        return HOUR;
      case "day":
        return DAY;
      case "month":
      case "mo":
        return MONTH;
      default:
        throw new IllegalArgumentException("unknown window '" + id + "' (expected minute, hour, day or month)");
    }
  }

  @Override
  public String toString() {
    return id;
  }
}
