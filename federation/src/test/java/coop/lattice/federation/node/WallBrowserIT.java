package coop.lattice.federation.node;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.wall.seed.WallSeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wall in a real browser: Debian's headless Chromium loads every page of seeded collectives
 * from a real node on 127.0.0.1, sees what a member should see, saves a screenshot of each page
 * under {@code target/wall-screenshots}, runs axe-core in it (no serious or critical violation),
 * finds every hostile payload inert in the DOM, and never finds the member who chose to appear
 * only in aggregates.
 */
class WallBrowserIT {
  /** The wall's pages, as the navigation lists them ("" is the home). */
  static final List<String> PAGES = List.of("", "map", "outbox", "finances", "sovereignty", "lattice", "health",
      "lotteries", "poster");

  /** What a member should read on each page of the plain collective, in English. */
  private static final Map<String, List<String>> SEES = Map.of(
      "", List.of("Agreements in force", "Trade plain", "consent: adopted unless someone objects", "Mar 1, 2028",
          "Agenda of the next meeting", "fridge plain"),
      "map", List.of("Week of Mar 29, 2027", "Ana plain", "bo plain", "a member", WallSeed.NEWCOMER, "cover plain"),
      "outbox", List.of("bo plain gave 12.5 kg of food to the collective", "awaiting acknowledgement", "3 hours"),
      "finances", List.of("Cash box plain (EUR)", "Balance: €47.70", "tape plain", "a member", "fuses plain"),
      "sovereignty", List.of("Needs met, per month", "March 2027", "food"),
      "lattice", List.of("fixit", "They owe us", "If fixit falters", "Redundancy map", "nobody"),
      "health", List.of("How concentrated roles are", "Dissent left unresolved"),
      "lotteries", List.of("keeper plain", "Transcript", "Lotteries.verify(entries, lottery)"),
      "poster", List.of("This week and the coming weeks", "This month: March 2027"));

  /** The least number of times a payload is in a page's text: once per member-written field it shows. */
  private static final Map<String, Integer> FIELDS = Map.of("", 5, "map", 4, "outbox", 4, "finances", 5,
      "sovereignty", 1, "lattice", 1, "health", 1, "lotteries", 3, "poster", 3);

  @TempDir static Path dir;
  static WallNode wall;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    wall = new WallNode(dir);
    browser = new Browser("en-US");
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (wall != null) {
      wall.stop();
    }
  }

  @Test
  void everyPageShowsWhatAMemberShouldSeeAndPassesAxe() throws Exception {
    for (String page : PAGES) {
      browser.load(wall.page("riverside", page));
      String text = (String) browser.script("return document.body.innerText;");
      assertThat(text).as(page).contains(SEES.get(page));
      assertThat(browser.script("return document.scripts.length;")).as(page).isEqualTo(0L);
      assertThat(browser.script("return getComputedStyle(document.querySelector('header')).borderBottomStyle;"))
          .as("the stylesheet applies under the policy").isEqualTo("solid");
      browser.screenshot(Path.of("target/wall-screenshots", (page.isEmpty() ? "home" : page) + ".png"));
      List<String> violations = browser.axeViolations();
      assertThat(violations).as(page + ": " + violations)
          .noneMatch(v -> v.startsWith("serious ") || v.startsWith("critical "));
    }
  }

  @Test
  void thePosterPrintsOnA3WithTheMapAndTheMonthsTotals() throws Exception {
    browser.load(wall.page("riverside", "poster"));
    browser.printMedia(true);
    try {
      assertThat(browser.script("return getComputedStyle(document.querySelector('nav')).display;")).isEqualTo("none");
      assertThat(browser.script("return getComputedStyle(document.querySelector('.poster')).display;"))
          .isEqualTo("grid");
      String text = (String) browser.script("return document.body.innerText;");
      assertThat(text).contains("Week of Mar 29, 2027", "This month: March 2027", "12.5 kg").doesNotContain("Home");
      browser.screenshot(Path.of("target/wall-screenshots/poster-print.png"));
      byte[] pdf = browser.printToPdf();
      Files.write(Path.of("target/wall-screenshots/poster.pdf"), pdf);
      String raw = new String(pdf, StandardCharsets.ISO_8859_1);
      assertThat(raw).startsWith("%PDF-");
      Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)\\]").matcher(raw);
      assertThat(box.find()).as("the PDF names its page size").isTrue();
      // A3 is 297 x 420 mm: 841.89 x 1190.55 points.
      assertThat(Double.parseDouble(box.group(1))).isCloseTo(841.89, org.assertj.core.data.Offset.offset(1.0));
      assertThat(Double.parseDouble(box.group(2))).isCloseTo(1190.55, org.assertj.core.data.Offset.offset(1.0));
    } finally {
      browser.printMedia(false);
    }
  }

  @Test
  void theNodeIndexListsItsCollectives() throws Exception {
    browser.load(wall.base + "/");
    assertThat((String) browser.script("return document.body.innerText;")).contains("Riverside Food Co-op");
    assertThat(browser.axeViolations()).noneMatch(v -> v.startsWith("serious ") || v.startsWith("critical "));
  }

  @Test
  void everyPayloadInEveryFieldIsInertText() {
    WallNode.PAYLOADS.forEach((id, payload) -> {
      for (String page : PAGES) {
        browser.load(wall.page(id, page));
        @SuppressWarnings("unchecked")
        Map<String, Object> dom = (Map<String, Object>) browser.script(
            "const all = [...document.querySelectorAll('*')];"
                + "const text = document.body.textContent;"
                + "return {scripts: document.querySelectorAll('script').length,"
                + " handlers: all.filter(e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length,"
                + " links: all.filter(e => ['href', 'src', 'action', 'formaction'].some(n =>"
                + "   /^\\s*(javascript|data):/i.test(e.getAttribute(n) || ''))).length,"
                + " ran: window.a25 === 1,"
                + " copies: text.split(arguments[0]).length - 1};", payload);
        String where = id + " /" + page;
        assertThat(dom.get("scripts")).as(where).isEqualTo(0L);
        assertThat(dom.get("handlers")).as(where).isEqualTo(0L);
        assertThat(dom.get("links")).as(where).isEqualTo(0L);
        assertThat(dom.get("ran")).as(where).isEqualTo(false);
        assertThat((Long) dom.get("copies")).as(where + ": the payload is shown as text")
            .isGreaterThanOrEqualTo(FIELDS.get(page));
      }
    });
  }

  @Test
  void aMemberWhoChoseAggregatesNeverAppears() {
    for (String id : wall.seeds.keySet()) {
      for (String page : PAGES) {
        browser.load(wall.page(id, page));
        assertThat(browser.source()).as(id + " /" + page).doesNotContain(WallSeed.HIDDEN.value())
            .doesNotContain(WallSeed.FORMER_NAME);
      }
    }
  }

  @Test
  void aFrenchReaderGetsFrench() throws Exception {
    try (Browser french = new Browser("fr-FR")) {
      french.load(wall.page("riverside", "map"));
      assertThat((String) french.script("return document.body.innerText;"))
          .contains("Carte des responsabilités", "Semaine du 29 mars 2027");
      assertThat(french.script("return document.documentElement.lang;")).isEqualTo("fr");
    }
  }
}
