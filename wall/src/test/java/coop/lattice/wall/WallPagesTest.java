package coop.lattice.wall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.wall.internal.Frame;
import coop.lattice.wall.seed.WallSeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every page of a seeded collective renders, says what a member should read, and hides who chose to be hidden. */
class WallPagesTest {
  private static final String ACTOR = "http://127.0.0.1/collectives/riverside";
  private final WallSeed seed = WallSeed.of("riverside", "Riverside Food Co-op", "plain");
  private final Wall wall = Wall.create(seed.clock(), ZoneOffset.UTC);

  private String page(String name, Locale locale) {
    return new String(wall.page(seed.collective(), ACTOR, "127.0.0.1", name, locale, PartnerSignals.NONE).orElseThrow().body(),
        StandardCharsets.UTF_8);
  }

  @Test
  void everyPageRendersInEnglishAndFrench() {
    for (String name : Frame.PAGES) {
      for (Locale locale : Wall.LANGUAGES) {
        String html = page(name, locale);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("lang=\"" + locale.getLanguage() + "\"")
            .contains("Riverside Food Co-op").doesNotContain(WallSeed.HIDDEN.value())
            .doesNotContain(WallSeed.FORMER_NAME);
      }
    }
  }

  @Test
  void theHomeShowsTheAgreementItsReviewAndRule() {
    String html = page("", Locale.ENGLISH);
    assertThat(html).contains("Trade plain", "We trade hours plain", "consent: adopted unless someone objects",
        "Mar 1, 2028", "@riverside@127.0.0.1", "A tension was raised");
  }

  @Test
  void theMapShowsHoldersAsTheyChose() {
    String html = page("map", Locale.ENGLISH);
    assertThat(html).contains("Ana plain", "bo plain", "a member", WallSeed.NEWCOMER, "cover plain",
        "Week of Mar 29, 2027");
  }

  @Test
  void theLedgerShowsTheFeedAndTotalsButNotTheHiddenMember() {
    String html = page("outbox", Locale.ENGLISH);
    assertThat(html).contains("bo plain gave 12.5 kg of food to the collective", "awaiting acknowledgement",
        "<td>work</td><td class=\"amount\">3 hours</td>");
    assertThat(html).doesNotContain("shelves plain");
  }

  @Test
  void theFinancesShowTheBooksAndNameNobodyWhoChoseNotToBe() {
    String html = page("finances", Locale.ENGLISH);
    assertThat(html).contains("Cash box plain (EUR)", "Balance: €47.70", "Budget for March 2027", "parts",
        "dues plain", "in: €60.00", "tape plain", "out: €12.30", "<td>a member</td>", "Expenses waiting",
        "fuses plain (parts): €8.00, approved, to be reimbursed");
    String french = page("finances", Locale.FRENCH);
    assertThat(french).contains("Solde : 47,70", "Budget de mars 2027", "sortie : 12,30", "approuvée, à rembourser");
  }

  @Test
  void frenchReadersGetFrenchWordsDatesAndNumbers() {
    String html = page("outbox", Locale.FRENCH);
    assertThat(html).contains("Dernières contributions", "12,5 kg", "nourriture");
    assertThat(page("map", Locale.FRENCH)).contains("Semaine du 29 mars 2027");
  }

  @Test
  void noPageOrdersMembersByWhatTheyGave() {
    WallSeed anaGivesMore = WallSeed.of("riverside", "Riverside Food Co-op", "plain", false);
    Wall other = Wall.create(anaGivesMore.clock(), ZoneOffset.UTC);
    List<String> names = List.of("Ana plain", "bo plain", WallSeed.NEWCOMER);
    for (String name : Frame.PAGES) {
      if (name.equals("lotteries")) {
        continue;   // a draw's seed includes the ledger's root, which differs when any amount does
      }
      String html = new String(other.page(anaGivesMore.collective(), ACTOR, "127.0.0.1", name, Locale.ENGLISH, PartnerSignals.NONE)
          .orElseThrow().body(), StandardCharsets.UTF_8);
      assertThat(order(html, names)).as(name).isEqualTo(order(page(name, Locale.ENGLISH), names));
    }
    assertThat(new String(wall.page(seed.collective(), ACTOR, "127.0.0.1", "outbox", Locale.ENGLISH, PartnerSignals.NONE)
        .orElseThrow().body(), StandardCharsets.UTF_8)).contains("12.5 kg");
  }

  /** The names in the order they occur in {@code html}, each occurrence once. */
  private static List<String> order(String html, List<String> names) {
    TreeMap<Integer, String> at = new TreeMap<>();
    for (String n : names) {
      for (int i = html.indexOf(n); i >= 0; i = html.indexOf(n, i + 1)) {
        at.put(i, n);
      }
    }
    return List.copyOf(at.values());
  }

  @Test
  void theLatticeShowsAPartnerFalteringAndWhoIsLeftToCoverItsNeeds() {
    String calm = page("lattice", Locale.ENGLISH);
    assertThat(calm).contains("If fixit falters").doesNotContain("Faltering now", "faltering:", "have failed since");
    CollectiveId fixit = CollectiveId.of("fixit");
    Instant since = seed.clock().instant().minus(Duration.ofHours(3));
    PartnerSignals failing = new PartnerSignals(Set.of(), Map.of(fixit, since), Set.of());
    PartnerSignals faltering = new PartnerSignals(Set.of(fixit), Map.of(fixit, since), Set.of(fixit));
    assertThat(lattice(failing, Locale.ENGLISH)).contains("Our deliveries to it have failed since")
        .doesNotContain("Faltering now");
    String html = lattice(faltering, Locale.ENGLISH);
    // fixit alone covered food: while it falters, nobody is left
    assertThat(html).contains("Faltering now: fixit.", "While fixit falters", "signed two different histories")
        .contains("<li>food: <strong>nobody</strong></li>")
        .doesNotContain("If fixit falters");
    assertThat(lattice(faltering, Locale.FRENCH)).contains("Flanchent en ce moment : fixit.", "Tant que fixit flanche");
  }

  private String lattice(PartnerSignals signals, Locale locale) {
    return new String(wall.page(seed.collective(), ACTOR, "127.0.0.1", "lattice", locale, signals).orElseThrow().body(),
        StandardCharsets.UTF_8);
  }

  @Test
  void aFalteringPartnerMustBeFailing() {
    CollectiveId fixit = CollectiveId.of("fixit");
    assertThatThrownBy(() -> new PartnerSignals(Set.of(), Map.of(), Set.of(fixit)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fixit");
  }

  @Test
  void unknownPagesAreEmpty() {
    assertThat(wall.page(seed.collective(), ACTOR, "127.0.0.1", "members", Locale.ENGLISH, PartnerSignals.NONE)).isEmpty();
  }

  @Test
  void theReaderLanguageComesFromAcceptLanguage() {
    assertThat(Wall.locale("fr-CA,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.FRENCH);
    assertThat(Wall.locale("de-DE,en;q=0.5")).isEqualTo(Locale.ENGLISH);
    assertThat(Wall.locale("de-DE")).isEqualTo(Locale.ENGLISH);
    assertThat(Wall.locale(null)).isEqualTo(Locale.ENGLISH);
    assertThat(Wall.locale(";;;garbage")).isEqualTo(Locale.ENGLISH);
  }
}
