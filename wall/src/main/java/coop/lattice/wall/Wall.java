package coop.lattice.wall;

import coop.lattice.collective.Collective;
import coop.lattice.wall.internal.Calendars;
import coop.lattice.wall.internal.Frame;
import coop.lattice.wall.internal.Pages;
import coop.lattice.wall.internal.Words;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * What the members of a collective look at: its pages (the home, the responsibility map, the open
 * ledger, sovereignty, the lattice of partners, the health report, the lotteries and a printable
 * poster), rendered on the server as HTML that needs no script and no third-party asset, and the
 * responsibility map as iCalendar feeds. The wall has no HTTP of its own: a node serves it (the
 * federation module does, at the same addresses that give ActivityPub JSON to servers).
 *
 * <p>Unlike an activity dashboard, nothing here ranks or scores people: totals are by kind of help
 * and by month, lists are ordered by date, role or entry, and every member is shown as they chose
 * (by name, by pseudonym, or, for those who appear only in aggregates, never individually).
 * Every text a member wrote is escaped for where it stands. Thread-safe.
 *
 * <pre>{@code
 * Wall wall = Wall.create(Clock.systemUTC(), ZoneId.of("Europe/Paris"));
 * Optional<Rendered> map = wall.page(coop, "https://node.example/collectives/riverside", "node.example",
 *     "map", Wall.locale("fr-FR,fr;q=0.9"), PartnerSignals.NONE);
 * }</pre>
 */
public final class Wall {
  /**
   * The policy every page is served with: nothing but this node's stylesheet, no script at all, no
   * frames, no forms, no base URL.
   */
  public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self';"
      + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

  /** The languages whose words are complete; the first is the default. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH);

  private final Clock clock;
  private final ZoneId zone;
  private final Pages pages;
  private final Calendars calendars;
  private final CalendarTokens tokens;
  private final byte[] stylesheet;
  private final Map<Locale, Words> words = new ConcurrentHashMap<>();

  private Wall(Clock clock, ZoneId zone, SecureRandom random, @Nullable Path tokens) {
    this.clock = clock;
    this.zone = zone;
    this.pages = new Pages(clock, zone);
    this.calendars = new Calendars(clock);
    this.tokens = new CalendarTokens(random, tokens);
    this.stylesheet = resource("wall.css");
  }

  /**
   * A wall whose pages are dated by {@code clock} and show days in {@code zone}; members' calendar
   * tokens live as long as it does.
   */
  public static Wall create(Clock clock, ZoneId zone) {
    return new Wall(clock, zone, new SecureRandom(), null);
  }

  /**
   * A wall that keeps members' calendar tokens in {@code tokens} (created when the first is
   * issued), so they keep working after a restart ({@link CalendarTokens}).
   *
   * @throws WallException if {@code tokens} exists and cannot be read as calendar tokens
   */
  public static Wall create(Clock clock, ZoneId zone, Path tokens) {
    return new Wall(clock, zone, new SecureRandom(), tokens);
  }

  /**
   * The reader's language from an {@code Accept-Language} header (RFC 9110, with weights): the
   * first of {@link #LANGUAGES} the reader accepts, or English.
   */
  public static Locale locale(@Nullable String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return LANGUAGES.get(0);
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      return Objects.requireNonNullElse(Locale.lookup(ranges, LANGUAGES), LANGUAGES.get(0));
    } catch (IllegalArgumentException e) {
      return LANGUAGES.get(0);
    }
  }

  /**
   * The page {@code page} of {@code collective}: {@code ""} (the home), {@code map}, {@code outbox}
   * (the open ledger), {@code sovereignty}, {@code lattice}, {@code health}, {@code lotteries} or
   * {@code poster}; empty for any other name.
   *
   * @param actor the collective's address, which the pages link from
   * @param host the node's host name, for the collective's fediverse handle
   * @param partners what the node sees of the collective's partners (flagged, failing, faltering),
   *     for the lattice page; {@link PartnerSignals#NONE} where there is no node
   */
  public Optional<Rendered> page(Collective collective, String actor, String host, String page, Locale locale,
      PartnerSignals partners) {
    return pages.page(collective, actor, host, page, words(locale), partners.flagged(), partners.failingSince(),
        partners.faltering()).map(Wall::html);
  }

  /** The node's own page: {@code collectives} maps each hosted collective's name to its address. */
  public Rendered index(String node, Map<String, String> collectives, Locale locale) {
    List<Frame.Link> links = collectives.entrySet().stream().map(e -> new Frame.Link(e.getValue(), e.getKey(), false))
        .toList();
    return html(pages.index(node, links, words(locale)));
  }

  /** The stylesheet every page links ({@code /wall.css}), with the A3 poster's print rules. */
  public Rendered stylesheet() {
    return new Rendered(Rendered.CSS, stylesheet);
  }

  /** The whole collective's responsibility map as an iCalendar feed. */
  public Rendered calendar(Collective collective, Locale locale) {
    try {
      return new Rendered(Rendered.CALENDAR, calendars.collective(collective, words(locale)));
    } catch (IllegalStateException e) {
      throw new WallException(e.getMessage(), e);
    }
  }

  /**
   * The private feed of the member whose token this is: only their own slots. Empty for a wrong or
   * revoked token, or a member who is no longer in the collective, alike.
   */
  public Optional<Rendered> memberCalendar(Collective collective, String token, Locale locale) {
    try {
      return tokens.member(collective.id(), token).filter(m -> collective.member(m).map(x -> x.active()).orElse(false))
          .map(m -> new Rendered(Rendered.CALENDAR, calendars.member(collective, m, words(locale))));
    } catch (IllegalStateException e) {
      throw new WallException(e.getMessage(), e);
    }
  }

  /** Where members' private calendar tokens are issued and revoked. */
  public CalendarTokens calendarTokens() {
    return tokens;
  }

  /** The clock the pages are dated by. */
  public Clock clock() {
    return clock;
  }

  private Words words(Locale locale) {
    return words.computeIfAbsent(locale, l -> new Words(l, zone));
  }

  private static Rendered html(byte[] body) {
    return new Rendered(Rendered.HTML, body);
  }

  private static byte[] resource(String name) {
    try (InputStream in = Wall.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the wall's " + name + " is missing from its jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
