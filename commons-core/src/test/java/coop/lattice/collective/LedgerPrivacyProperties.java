package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.agreement.Parameter;
import coop.lattice.exchange.ClaimDetails;
import coop.lattice.exchange.FundId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Issue 18: for random members, appearances and histories, no byte of the open ledger (what is
 * published to followers and mirrored by partners) contains any member's id or shown name, or a
 * claimant's; a member who appears only in aggregates is a different tag in every entry, so no
 * two of their entries can be linked; the collective reopens to the same state from the ledger
 * and its private profiles; and a partner's mirror folds every entry.
 */
class LedgerPrivacyProperties {
  static final Pattern TAG = Pattern.compile("t-[a-z2-7]{26}");
  static final FundId FUND = FundId.of("hardship");

  record Person(MemberId id, Appearance appearance) {}

  /** One step of a season: which kind, and who (indices into the people, taken modulo their number). */
  record Step(int kind, int a, int b, int amount) {}

  @Provide
  Arbitrary<List<Person>> people() {
    Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofLength(9);
    Arbitrary<Appearance> appearance = Arbitraries.oneOf(
        word.map(w -> Appearance.byName("N" + w)), word.map(w -> Appearance.pseudonym("P" + w)),
        Arbitraries.just(Appearance.onlyInAggregates()));
    return Combinators.combine(word, appearance).as((w, a) -> new Person(MemberId.of("id" + w), a))
        .list().ofMinSize(2).ofMaxSize(6).uniqueElements(p -> p.id());
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(0, 5), Arbitraries.integers().between(1, 9)).as(Step::new)
        .list().ofMinSize(1).ofMaxSize(14);
  }

  @Property(tries = 1000, seed = "20261201")
  void nothingThatLeavesTheCollectiveNamesAMemberOrLinksTheEntriesOfOneWhoAppearsOnlyInAggregates(
      @ForAll("people") List<Person> people, @ForAll("steps") List<Step> steps) {
    SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(5));
    LedgerStore store = LedgerStore.inMemory();
    Person founder = people.get(0);
    Collective coop = Collective.found(CollectiveId.of("pantry"), "Pantry", founder.id(), founder.appearance(), store,
        KEY, clock);
    for (Person p : people.subList(1, people.size())) {
      coop.admit(founder.id(), p.id(), p.appearance());
    }
    coop.aidFund().open(founder.id(), FUND, "Hardship", Unit.HOURS);
    coop.aidFund().payIn(founder.id(), FUND, Quantity.hours("40"));
    Adopt.adopt(coop, clock, founder.id(), Adopt.terms("hardship-fund")
        .set(Parameter.AID_FUND_MAX_CLAIM, new BigDecimal("10")).build());

    List<String> secrets = new ArrayList<>();
    Map<MemberId, Appearance> shown = new HashMap<>();
    people.forEach(p -> shown.put(p.id(), p.appearance()));
    for (Step s : steps) {
      Person a = people.get(s.a() % people.size());
      Person b = people.get(s.b() % people.size());
      try {
        switch (s.kind()) {
          case 0 -> coop.record(Contribution.toCollective(a.id(), ContributionKind.FOOD,
              Quantity.kilograms(String.valueOf(s.amount()))));
          case 1 -> coop.acknowledge(b.id(), coop.record(Contribution.toMember(a.id(), b.id(), ContributionKind.CARE,
              Quantity.hours(String.valueOf(s.amount())))));
          case 2 -> coop.timeBank().confirm(b.id(), coop.timeBank().record(a.id(), a.id(), b.id(),
              Quantity.hours(String.valueOf(s.amount())), LocalDate.of(2026, 3, 2), "helped"));
          case 3 -> {
            Appearance next = s.amount() % 2 == 0 ? Appearance.onlyInAggregates() : Appearance.pseudonym("Q" + s.amount()
                + new StringBuilder(a.id().value()).reverse());
            coop.changeAppearance(a.id(), next);
            shown.put(a.id(), next);
          }
          case 4 -> {
            String why = "why" + a.id().value() + s.amount();
            secrets.add(why);
            coop.aidFund().claim(a.id(), FUND, Quantity.hours(String.valueOf(s.amount())), ClaimDetails.of(a.id(), why));
          }
          default -> coop.acknowledge(a.id(), coop.record(Contribution.toMember(b.id(), a.id(), ContributionKind.FOOD,
              Quantity.kilograms("1"))));
        }
      } catch (RejectedCommandException refused) {
        // a step the rules refuse (acknowledging one's own, a claim over the limit): nothing was recorded
      }
    }

    List<String> published = new ArrayList<>();
    for (Entry e : coop.ledger().entries(0, coop.ledger().size())) {
      published.add(new String(e.canonicalBytes(), StandardCharsets.UTF_8));
    }
    Set<String> names = new HashSet<>(secrets);
    people.forEach(p -> {
      names.add(p.id().value());
      if (p.appearance().shownAs() != null) {
        names.add(p.appearance().shownAs());
      }
    });
    shown.values().forEach(ap -> {
      if (ap.shownAs() != null) {
        names.add(ap.shownAs());
      }
    });
    for (String entry : published) {
      for (String name : names) {
        assertThat(entry).as("an entry names " + name).doesNotContain(name);
      }
    }
    // A tag is never used in two entries; a member who never appeared otherwise has no handle on the ledger.
    Map<String, Integer> tagEntries = new HashMap<>();
    for (int i = 0; i < published.size(); i++) {
      Matcher m = TAG.matcher(published.get(i));
      Set<String> inThisEntry = new HashSet<>();
      while (m.find()) {
        inThisEntry.add(m.group());
      }
      for (String t : inThisEntry) {
        assertThat(tagEntries.put(t, i)).as("tag " + t + " in two entries").isNull();
      }
    }
    Pseudonyms pseudonyms = Pseudonyms.of(CollectiveSecret.of(KEY));
    for (Person p : people) {
      boolean alwaysHidden = p.appearance().mode() == Appearance.Mode.AGGREGATES_ONLY
          && shown.get(p.id()).mode() == Appearance.Mode.AGGREGATES_ONLY;
      boolean changed = steps.stream().anyMatch(s -> s.kind() == 3 && people.get(s.a() % people.size()).equals(p));
      if (alwaysHidden && !changed) {
        String handle = pseudonyms.handle(p.id()).value();
        assertThat(published).as(p.id() + " appears only in aggregates").noneMatch(e -> e.contains(handle));
      }
    }

    // The public feed names members only as they chose: never an id, never a claimant's reasons,
    // nobody who appears only in aggregates (they are "a member", and their own gifts are left out).
    String feed = coop.publicFeed(1000).toString();
    people.forEach(p -> assertThat(feed).as("the feed names " + p.id()).doesNotContain(p.id().value()));
    secrets.forEach(why -> assertThat(feed).doesNotContain(why));

    CollectiveState before = coop.state();
    assertThat(Collective.open(store, KEY, clock).state()).isEqualTo(before);
    Replica mirror = new Replica();
    coop.ledger().entries(0, coop.ledger().size()).forEach(mirror::apply);
    assertThat(mirror.size()).isEqualTo(coop.ledger().size());
  }
}
