package coop.lattice.federation.routes;

import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.hosting.Responses;
import coop.lattice.wall.Rendered;
import coop.lattice.wall.PartnerSignals;
import coop.lattice.wall.Wall;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A collective's wall as a browser or a calendar reads it: its pages (for a reader whose {@code
 * Accept} prefers HTML, see {@link Negotiation}), its calendar at {@code calendar.ics}, and each
 * member's private calendar at {@code calendar/<token>.ics}. A wrong or revoked token is the same
 * 404 as any address with nothing behind it: it says nothing of whether a member exists.
 */
final class WallRoute {
  private static final String CALENDAR = "calendar.ics";
  private static final String PRIVATE = "calendar/";

  private final Wall wall;
  private final Function<HostedCollective, PartnerSignals> partners;

  WallRoute(Wall wall, Function<HostedCollective, PartnerSignals> partners) {
    this.wall = wall;
    this.partners = partners;
  }

  /** Whether {@code sub} is a calendar, which every client gets whatever it accepts. */
  static boolean isCalendar(String sub) {
    return sub.equals(CALENDAR) || sub.startsWith(PRIVATE) && sub.endsWith(".ics");
  }

  void calendar(HttpServerRequest req, HostedCollective h, String sub) {
    Locale locale = Wall.locale(req.getHeader("accept-language"));
    if (sub.equals(CALENDAR)) {
      send(req, wall.calendar(h.collective(), locale), "public, max-age=300");
      return;
    }
    String token = sub.substring(PRIVATE.length(), sub.length() - ".ics".length());
    Optional<Rendered> mine = wall.memberCalendar(h.collective(), token, locale);
    if (mine.isEmpty()) {
      Responses.error(req, 404, "nothing here");
    } else {
      req.response().putHeader("referrer-policy", "no-referrer");
      send(req, mine.get(), "private, no-store");
    }
  }

  void page(HttpServerRequest req, HostedCollective h, String sub) {
    Locale locale = Wall.locale(req.getHeader("accept-language"));
    String actor = h.actor().toString();
    Optional<Rendered> page = wall.page(h.collective(), actor, h.actor().getHost(), sub, locale, partners.apply(h));
    if (page.isEmpty()) {
      Responses.error(req, 404, "nothing here");
      return;
    }
    req.response().putHeader("content-language", locale.toLanguageTag());
    page(req, page.get());
  }

  /** A page with the headers every page carries: the policy, no sniffing, no referrer. */
  static void page(HttpServerRequest req, Rendered page) {
    req.response().putHeader("content-security-policy", Wall.CONTENT_SECURITY_POLICY)
        .putHeader("x-content-type-options", "nosniff").putHeader("referrer-policy", "no-referrer")
        .putHeader("vary", "Accept, Accept-Language");
    send(req, page, "no-cache");
  }

  static void send(HttpServerRequest req, Rendered r, String cache) {
    if (req.response().ended()) {
      return;
    }
    req.response().setStatusCode(200).putHeader("content-type", r.contentType()).putHeader("cache-control", cache)
        .end(Buffer.buffer(r.body()));
  }
}
