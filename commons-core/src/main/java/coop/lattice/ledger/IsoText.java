package coop.lattice.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import org.jspecify.annotations.Nullable;

/**
 * The ISO-8601 text of instants and dates exactly as {@link Instant#toString()} and {@link
 * LocalDate#toString()} write it, and back, by position instead of through {@link
 * java.time.format.DateTimeFormatter}: every entry carries an instant, and parsing them through
 * the formatter was 15 % of the decoding threads' work when a ledger of a million entries opened.
 *
 * <p>Only years 0000 to 9999 take the short way; other years, and any text that is not in the
 * plain form ({@code 2026-01-15T18:30:00Z}, {@code 2026-01-15T18:30:00.250Z}, {@code 2026-01-15}),
 * go the general way, so the results are always the JDK's.
 */
final class IsoText {
  /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds since the epoch. */
  private static final long FIRST = -62_167_219_200L;
  private static final long LAST = 253_402_300_799L;

  private IsoText() {}

  /**
   * Writes {@code t.toString()} as ASCII into {@code b} (at least 30 bytes) and returns its length,
   * or returns -1 for a year outside 0000 to 9999 (and writes nothing).
   */
  static int instant(Instant t, byte[] b) {
    long seconds = t.getEpochSecond();
    if (seconds < FIRST || seconds > LAST) {
      return -1;
    }
    long day = Math.floorDiv(seconds, 86_400);
    int second = Math.floorMod(seconds, 86_400);
    int n = date(LocalDate.ofEpochDay(day), b);
    b[n++] = 'T';
    n = two(b, n, second / 3600);
    b[n++] = ':';
    n = two(b, n, second / 60 % 60);
    b[n++] = ':';
    n = two(b, n, second % 60);
    int nano = t.getNano();
    if (nano > 0) { // in groups of three digits, as few as the value needs
      b[n++] = '.';
      int digits = nano % 1_000_000 == 0 ? 3 : nano % 1000 == 0 ? 6 : 9;
      int value = digits == 3 ? nano / 1_000_000 : digits == 6 ? nano / 1000 : nano;
      for (int i = digits - 1; i >= 0; i--) {
        b[n + i] = (byte) ('0' + value % 10);
        value /= 10;
      }
      n += digits;
    }
    b[n++] = 'Z';
    return n;
  }

  /**
   * Writes {@code d.toString()} as ASCII into {@code b} (at least 10 bytes) and returns its
   * length, 10, or returns -1 for a year outside 0000 to 9999 (and writes nothing).
   */
  static int date(LocalDate d, byte[] b) {
    int y = d.getYear();
    if (y < 0 || y > 9999) {
      return -1;
    }
    b[0] = (byte) ('0' + y / 1000);
    b[1] = (byte) ('0' + y / 100 % 10);
    b[2] = (byte) ('0' + y / 10 % 10);
    b[3] = (byte) ('0' + y % 10);
    b[4] = '-';
    two(b, 5, d.getMonthValue());
    b[7] = '-';
    two(b, 8, d.getDayOfMonth());
    return 10;
  }

  private static int two(byte[] b, int at, int v) {
    b[at] = (byte) ('0' + v / 10);
    b[at + 1] = (byte) ('0' + v % 10);
    return at + 2;
  }

  /**
   * The instant written in bytes {@code from..to} of {@code in} in the plain form {@code
   * yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null if they are not in it (the caller then asks {@link
   * Instant#parse}, which also says what is wrong).
   */
  static @Nullable Instant parseInstant(byte[] in, int from, int to) {
    int len = to - from;
    if (len < 20 || len > 30 || len == 21 || in[from + 10] != 'T' || in[from + 13] != ':' || in[from + 16] != ':'
        || in[to - 1] != 'Z') {
      return null;
    }
    LocalDate day = parseDate(in, from);
    int hour = digits(in, from + 11, 2);
    int minute = digits(in, from + 14, 2);
    int second = digits(in, from + 17, 2);
    if (day == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nano = 0;
    if (len > 20) {
      int fraction = len - 21; // 1 to 9 digits between '.' and 'Z'
      int f = digits(in, from + 20, fraction);
      if (in[from + 19] != '.' || f < 0) {
        return null;
      }
      nano = f;
      for (int i = fraction; i < 9; i++) {
        nano *= 10;
      }
    }
    return Instant.ofEpochSecond(day.toEpochDay() * 86_400 + hour * 3600 + minute * 60 + second, nano);
  }

  /** The date in bytes {@code from..to} in the form {@code yyyy-MM-dd}, or null if they are not one. */
  static @Nullable LocalDate parseDate(byte[] in, int from, int to) {
    return to - from == 10 ? parseDate(in, from) : null;
  }

  private static @Nullable LocalDate parseDate(byte[] in, int from) {
    int year = digits(in, from, 4);
    int month = digits(in, from + 5, 2);
    int day = digits(in, from + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || in[from + 4] != '-' || in[from + 7] != '-'
        || day > Month.of(month).length(Year.isLeap(year))) {
      return null;
    }
    return LocalDate.of(year, month, day);
  }

  /** The decimal number in {@code count} bytes from {@code at}, or -1 if one of them is not a digit. */
  private static int digits(byte[] in, int at, int count) {
    int v = 0;
    for (int i = at; i < at + count; i++) {
      int d = in[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }
}
