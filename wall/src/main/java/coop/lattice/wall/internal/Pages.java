package coop.lattice.wall.internal;

import coop.lattice.CollectiveId;
import coop.lattice.collective.Collective;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the wall's pages with the precompiled templates (escaping by default: jte's HTML
 * content type escapes every expression for where it stands, text or attribute, and no template
 * writes unescaped output). Each page is a view built from the collective's state, then one
 * template. Thread-safe.
 */
public final class Pages {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      Pages.class.getClassLoader(), "coop.lattice.wall.internal.templates");
  private final Clock clock;
  private final ZoneId zone;
  private final Map<CollectiveId, NeedsMet> needs = new ConcurrentHashMap<>();

  public Pages(Clock clock, ZoneId zone) {
    this.clock = clock;
    this.zone = zone;
  }

  /**
   * The page {@code page} ("" for the home, or one of {@link Frame#PAGES}) of {@code c} at {@code
   * actor}, in the reader's words; empty if there is no such page.
   */
  public Optional<byte[]> page(Collective c, String actor, String host, String page, Words w,
      Set<CollectiveId> flagged, Map<CollectiveId, Instant> failingSince, Set<CollectiveId> faltering) {
    if (!Frame.PAGES.contains(page)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Frame f = Frame.of(w, page, c.name(), actor);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("w", w);
    params.put("f", f);
    String template = switch (page) {
      case "" -> put(params, "v", HomeView.of(c, actor, host, now), "home");
      case "map" -> put(params, "v", MapView.of(c, now, zone), "map");
      case "outbox" -> put(params, "v", LedgerView.of(c, now, zone), "ledger");
      case "finances" -> put(params, "v", FinancesView.of(c, now), "finances");
      case "sovereignty" -> put(params, "v", SovereigntyView.of(needsMet(c).reports(c, YearMonth.from(now.atZone(zone)),
          SovereigntyView.MONTHS), w), "sovereignty");
      case "lattice" -> put(params, "v", LatticeView.of(c, flagged, failingSince, faltering), "lattice");
      case "health" -> put(params, "v", HealthView.of(c, now), "health");
      case "lotteries" -> put(params, "v", LotteriesView.of(c, actor), "lotteries");
      default -> {
        params.put("map", MapView.of(c, now, zone));
        yield put(params, "ledger", LedgerView.of(c, now, zone), "poster");
      }
    };
    return Optional.of(render(template, params));
  }

  /** The node's own page: the collectives it hosts, each a link to its wall. */
  public byte[] index(String node, List<Frame.Link> collectives, Words w) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("w", w);
    params.put("f", new Frame("index", w.say("index.title"), node, null, List.of()));
    params.put("collectives", collectives);
    return render("index", params);
  }

  private NeedsMet needsMet(Collective c) {
    return needs.computeIfAbsent(c.id(), id -> new NeedsMet(zone));
  }

  private static String put(Map<String, Object> params, String name, Object view, String template) {
    params.put(name, view);
    return template;
  }

  private byte[] render(String template, Map<String, Object> params) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    engine.render(template + ".jte", params, out);
    return out.toByteArray();
  }
}
