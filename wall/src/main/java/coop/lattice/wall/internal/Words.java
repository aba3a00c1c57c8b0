package coop.lattice.wall.internal;

import coop.lattice.Quantity;
import coop.lattice.Unit;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every sentence a page says, in the reader's language: the resource bundle {@code
 * coop/lattice/wall/words} (English, and French complete), with dates and numbers formatted for
 * the reader's locale. Words of the domain that the collective chose itself (a kind of help it
 * named, a need) are shown as written when the bundle has no word for them. One per language,
 * shared by every page: patterns are parsed once and formatters cloned per use (neither {@code
 * MessageFormat} nor {@code NumberFormat} is thread-safe). Thread-safe.
 */
public final class Words {
  private static final String BUNDLE = "coop.lattice.wall.words";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final ZoneId zone;
  private final DateTimeFormatter dates;
  private final DateTimeFormatter times;
  private final DateTimeFormatter months;
  private final Map<String, MessageFormat> patterns = new ConcurrentHashMap<>();
  private final NumberFormat decimals;
  private final NumberFormat integers;

  public Words(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Words.class.getModule());
    this.zone = zone;
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
        .withZone(zone);
    this.months = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    this.decimals = NumberFormat.getNumberInstance(locale);
    decimals.setMaximumFractionDigits(2);
    this.integers = NumberFormat.getIntegerInstance(locale);
  }

  /** The language tag pages declare ({@code <html lang>}). */
  public String lang() {
    return locale.toLanguageTag();
  }

  public Locale locale() {
    return locale;
  }

  public ZoneId zone() {
    return zone;
  }

  /** The sentence under {@code key}, its {@code {0}}-style arguments formatted for the locale. */
  public String say(String key, Object... args) {
    if (args.length == 0) {
      return bundle.getString(key);
    }
    MessageFormat parsed = patterns.computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale));
    return ((MessageFormat) parsed.clone()).format(args);
  }

  /** The bundle's word for a value of the domain ({@code kind.food}), or the value as written. */
  public String word(String prefix, String value) {
    try {
      return bundle.getString(prefix + "." + value);
    } catch (MissingResourceException e) {
      return value;
    }
  }

  public String date(LocalDate date) {
    return dates.format(date);
  }

  public String time(Instant at) {
    return times.format(at);
  }

  public String number(BigDecimal n) {
    return ((NumberFormat) decimals.clone()).format(n);
  }

  public String number(long n) {
    return ((NumberFormat) integers.clone()).format(n);
  }

  /** A measure such as a health indicator's value, to two decimals at most. */
  public String decimal(double value) {
    return ((NumberFormat) decimals.clone()).format(value);
  }

  /** A month and its year, as the locale writes them ("March 2027", "mars 2027"). */
  public String monthName(YearMonth month) {
    return months.format(month);
  }

  /** An amount with its unit, in words: "12,5 kg", "3 heures". */
  public String amount(BigDecimal amount, Unit unit) {
    return say("unit." + unit.name(), number(amount));
  }

  public String amount(Quantity q) {
    return amount(q.amount(), q.unit());
  }
}
