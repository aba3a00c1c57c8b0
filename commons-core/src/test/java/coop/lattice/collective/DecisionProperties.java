package coop.lattice.collective;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Response;
import coop.lattice.agreement.RuleModel;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * End to end: random members respond (and change their minds, and withdraw objections) through
 * the collective's API; the recorded decision equals a reference model of the rule applied to
 * the responses that stand, and replaying the ledger gives the same decision.
 */
class DecisionProperties {

  /** One step: member {@code who} gives {@code response}, or withdraws an objection if {@code withdraw}. */
  record Step(int who, Response response, boolean withdraw) {}

  record Scenario(DecisionRule rule, int members, List<Step> steps) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<DecisionRule> rules = Arbitraries.oneOf(
        Arbitraries.just(DecisionRule.consent(Duration.ofDays(2))),
        Arbitraries.just(DecisionRule.consensus(Duration.ofDays(2))),
        Arbitraries.integers().between(1, 100).map(q -> DecisionRule.majority(Duration.ofDays(2), q)));
    return rules.flatMap(rule -> Arbitraries.integers().between(1, 7).flatMap(n -> {
      List<Response> allowed = Arrays.stream(Response.values()).filter(r -> r.allowedUnder(rule.kind())).toList();
      Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, n - 1), Arbitraries.of(allowed),
          Arbitraries.integers().between(0, 9).map(k -> k == 0)).as(Step::new);
      return step.list().ofMaxSize(14).map(steps -> new Scenario(rule, n, steps));
    }));
  }

  @Property(tries = 250, seed = "20261136")
  void theRecordedDecisionEqualsTheModel(@ForAll("scenarios") Scenario s) {
    SteppingClock clock = SteppingClock.startingAt("2026-05-04T10:00:00Z", Duration.ofMinutes(1));
    LedgerStore store = LedgerStore.inMemory();
    MemberId founder = MemberId.of("m0");
    Collective coop = Collective.found(CollectiveId.of("tool-library"), "Tool Library", founder, Appearance.byName("M0"),
        store, CollectiveKey.fromSeed(new byte[32]), clock);
    for (int i = 1; i < s.members(); i++) {
      coop.admit(founder, MemberId.of("m" + i), Appearance.byName("M" + i));
    }
    AgreementTerms terms = AgreementTerms.builder(AgreementId.of("tools"), "Lending tools")
        .reviewOn(LocalDate.of(2027, 1, 1)).rule(s.rule()).build();
    long p = coop.agreements().propose(founder, terms, "");

    Map<Integer, Response> standing = new HashMap<>();
    for (Step step : s.steps()) {
      MemberId who = MemberId.of("m" + step.who());
      if (step.withdraw()) {
        if (standing.get(step.who()) == Response.OBJECTION) {
          coop.agreements().withdrawObjection(who, p);
          standing.remove(step.who());
        }
      } else {
        coop.agreements().respond(who, p, step.response(), "because " + step.response());
        standing.put(step.who(), step.response());
      }
    }
    clock.advance(Duration.ofDays(3));
    coop.agreements().decide(founder, p, "");

    Set<Integer> everyone = new TreeSet<>();
    for (int i = 0; i < s.members(); i++) {
      everyone.add(i);
    }
    Outcome expected = RuleModel.outcome(s.rule(), everyone, standing, false);
    DecisionRecord decision = coop.agreements().proposal(p).orElseThrow().decision();
    assertThat(decision.outcome()).as("%s", s).isEqualTo(expected);
    assertThat(decision.eligible()).isEqualTo(s.members());
    assertThat(coop.agreements().agreement(AgreementId.of("tools")).isPresent()).isEqualTo(expected == Outcome.ADOPTED);

    coop.checkpoint();
    assertThat(Collective.open(store, CollectiveKey.fromSeed(new byte[32]), clock).agreements().decisions())
        .isEqualTo(coop.agreements().decisions());
  }
}
