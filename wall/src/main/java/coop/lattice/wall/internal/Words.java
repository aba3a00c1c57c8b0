package coop.lattice.wall.internal;

import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.finance.Money;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every sentence a page says, in the reader's language: the resource bundle {@code
 * coop/lattice/wall/words} (English, and French complete), with dates and numbers formatted for
 * the reader's locale. Words of the domain that the collective chose itself (a kind of help it
 * named, a need) are shown as written when the bundle has no word for them. One per language,
 * shared by every page: patterns are parsed once per thread that renders pages, and each thread
 * keeps its own formatters (neither {@code MessageFormat} nor {@code NumberFormat} is
 * thread-safe; a clone per use cost more than the page's text). Thread-safe.
 */
public final class Words {
  private static final String BUNDLE = "coop.lattice.wall.words";

  private final Locale locale;
  private final ResourceBundle bundle;
  private final ZoneId zone;
  private final DateTimeFormatter dates;
  private final DateTimeFormatter times;
  private final DateTimeFormatter months;
  private final ThreadLocal<Map<String, MessageFormat>> patterns = ThreadLocal.withInitial(HashMap::new);
  private final ThreadLocal<NumberFormat> decimals;
  private final ThreadLocal<NumberFormat> integers;
  private final ThreadLocal<Map<String, NumberFormat>> currencies = ThreadLocal.withInitial(HashMap::new);

  public Words(Locale locale, ZoneId zone) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Words.class.getModule());
    this.zone = zone;
    this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    this.times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
        .withZone(zone);
    this.months = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
    this.decimals = ThreadLocal.withInitial(() -> {
      NumberFormat f = NumberFormat.getNumberInstance(locale);
      f.setMaximumFractionDigits(2);
      return f;
    });
    this.integers = ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(locale));
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
    return patterns.get().computeIfAbsent(key, k -> new MessageFormat(bundle.getString(k), locale)).format(args);
  }

  /** The bundle's word for a value of the domain ({@code kind.food}), or the value as written. */
  public String word(String prefix, String value) {
    String key = prefix + "." + value;
    return bundle.containsKey(key) ? bundle.getString(key) : value;
  }

  public String date(LocalDate date) {
    return dates.format(date);
  }

  public String time(Instant at) {
    return times.format(at);
  }

  public String number(BigDecimal n) {
    return decimals.get().format(n);
  }

  public String number(long n) {
    return integers.get().format(n);
  }

  /** A measure such as a health indicator's value, to two decimals at most. */
  public String decimal(double value) {
    return decimals.get().format(value);
  }

  /** A month and its year, as the locale writes them ("March 2027", "mars 2027"). */
  public String monthName(YearMonth month) {
    return months.format(month);
  }

  /** An amount with its unit, in words: "12,5 kg", "3 heures". */
  public String amount(BigDecimal amount, Unit unit) {
    return say("unit." + unit.name(), number(amount));
  }

  /** Money in the reader's way of writing it, with its currency: "€18.40", "18,40 €". */
  public String money(Money m) {
    NumberFormat f = currencies.get().computeIfAbsent(m.currency(), code -> {
      NumberFormat n = NumberFormat.getCurrencyInstance(locale);
      n.setCurrency(Currency.getInstance(code));
      n.setMinimumFractionDigits(Money.decimals(code));
      n.setMaximumFractionDigits(Money.decimals(code));
      return n;
    });
    return f.format(m.amount());
  }

  public String amount(Quantity q) {
    return amount(q.amount(), q.unit());
  }
}
