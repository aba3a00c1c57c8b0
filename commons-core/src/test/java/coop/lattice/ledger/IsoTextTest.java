package coop.lattice.ledger;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Instants and dates are written and read exactly as the JDK writes and reads them. */
class IsoTextTest {
  private static final List<Instant> EDGES = List.of(Instant.EPOCH, Instant.MIN, Instant.MAX,
      Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("0000-01-01T00:00:00Z").minusNanos(1),
      Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("9999-12-31T23:59:59.999999999Z").plusNanos(1),
      Instant.parse("2024-02-29T23:59:59Z"), Instant.parse("1969-12-31T23:59:59.5Z"),
      Instant.parse("2026-01-15T18:30:00.000001Z"), Instant.parse("2026-01-15T18:30:00.100Z"),
      Instant.parse("2026-01-15T18:30:00.000000001Z"), Instant.parse("2026-01-15T00:00:00.120Z"));

  /** What {@link IsoText} writes for {@code t}, or the JDK's text where it writes nothing. */
  private static String written(Instant t) {
    byte[] b = new byte[30];
    int n = IsoText.instant(t, b);
    return n < 0 ? t.toString() : new String(b, 0, n, ISO_8859_1);
  }

  private static String written(LocalDate d) {
    byte[] b = new byte[10];
    int n = IsoText.date(d, b);
    return n < 0 ? d.toString() : new String(b, 0, n, ISO_8859_1);
  }

  @Test
  void writesInstantsAsInstantToStringDoes() {
    for (Instant t : EDGES) {
      assertThat(written(t)).isEqualTo(t.toString());
    }
    SplittableRandom random = new SplittableRandom(21);
    long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      int nano = switch (i % 4) {
        case 0 -> 0;
        case 1 -> random.nextInt(1000) * 1_000_000;
        case 2 -> random.nextInt(1_000_000) * 1000;
        default -> random.nextInt(1_000_000_000);
      };
      Instant t = Instant.ofEpochSecond(random.nextLong(from, to), nano);
      String text = t.toString();
      assertThat(written(t)).isEqualTo(text);
      byte[] b = text.getBytes(ISO_8859_1);
      Instant read = IsoText.parseInstant(b, 0, b.length);
      if (t.getEpochSecond() >= Instant.parse("0000-01-01T00:00:00Z").getEpochSecond()
          && t.isBefore(Instant.parse("+10000-01-01T00:00:00Z"))) {
        assertThat(read).isEqualTo(t);
      } else {
        assertThat(read).isNull();
      }
    }
  }

  @Test
  void readsOnlyThePlainFormAndReadsItAsInstantParseDoes() {
    for (String s : List.of("2026-01-15T18:30:00Z", "2026-01-15T18:30:00.5Z", "2026-01-15T18:30:00.123456789Z",
        "2024-02-29T00:00:00Z", "0000-01-01T00:00:00Z")) {
      byte[] b = s.getBytes(ISO_8859_1);
      assertThat(IsoText.parseInstant(b, 0, b.length)).as(s).isEqualTo(Instant.parse(s));
    }
    for (String s : List.of("2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-32T00:00:00Z",
        "2026-01-15T24:00:00Z", "2026-01-15T23:60:00Z", "2026-01-15T23:59:60Z", "2026-01-15T18:30:00.Z",
        "2026-01-15t18:30:00Z", "2026-01-15T18:30:00z", "2026-01-15T18:30:00+01:00", "2026-01-15T18:30Z",
        "2026-01-15T18:30:00.1234567890Z", "+2026-01-15T18:30:00Z", "2026-01-15 18:30:00Z", "2026-1-15T18:30:00Z")) {
      byte[] b = s.getBytes(ISO_8859_1);
      assertThat(IsoText.parseInstant(b, 0, b.length)).as(s).isNull();
    }
  }

  @Test
  void writesAndReadsDatesAsLocalDateDoes() {
    SplittableRandom random = new SplittableRandom(22);
    for (int i = 0; i < 100_000; i++) {
      LocalDate d = LocalDate.ofEpochDay(random.nextLong(-800_000, 3_000_000));
      String text = d.toString();
      assertThat(written(d)).isEqualTo(text);
      byte[] b = text.getBytes(ISO_8859_1);
      assertThat(IsoText.parseDate(b, 0, b.length)).isEqualTo(d.getYear() >= 0 && d.getYear() <= 9999 ? d : null);
    }
    for (String s : List.of("2026-02-29", "2026-00-10", "2026-04-31", "2026-4-30", "20260430", "2026-04-30 ")) {
      byte[] b = s.getBytes(ISO_8859_1);
      assertThat(IsoText.parseDate(b, 0, b.length)).as(s).isNull();
    }
  }
}
