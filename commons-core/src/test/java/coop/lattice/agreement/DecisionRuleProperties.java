package coop.lattice.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every decision rule's outcome equals a small reference model, for random participants and responses. */
class DecisionRuleProperties {

  /** A random case: who is eligible, what each of a wider group said, the rule. */
  record Case(DecisionRule rule, Set<Integer> eligible, Map<Integer, Response> responses, boolean proposerAdopts) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<DecisionRule> rules = Arbitraries.oneOf(
        Arbitraries.just(DecisionRule.consent(Duration.ofDays(7))),
        Arbitraries.just(DecisionRule.consensus(Duration.ofDays(7))),
        Arbitraries.integers().between(1, 100).map(q -> DecisionRule.majority(Duration.ofDays(7), q)),
        Arbitraries.just(DecisionRule.advice(Duration.ofDays(7))));
    return rules.flatMap(rule -> {
      List<Response> allowed = Arrays.stream(Response.values()).filter(r -> r.allowedUnder(rule.kind())).toList();
      Arbitrary<Set<Integer>> eligible = Arbitraries.integers().between(0, 14).set().ofMaxSize(12).map(TreeSet::new);
      Arbitrary<Map<Integer, Response>> responses = Arbitraries.maps(Arbitraries.integers().between(0, 16),
          Arbitraries.of(allowed)).ofMaxSize(16);
      return Combinators.combine(eligible, responses, Arbitraries.of(true, false))
          .as((e, r, adopt) -> new Case(rule, e, r, adopt));
    });
  }

  @Property(tries = 2000, seed = "20261137")
  void outcomeEqualsTheReferenceModel(@ForAll("cases") Case c) {
    assertThat(Decisions.outcome(c.rule(), c.eligible(), c.responses(), c.proposerAdopts()))
        .as("%s", c).isEqualTo(RuleModel.outcome(c.rule(), c.eligible(), c.responses(), c.proposerAdopts()));
  }

  @Example
  void aSingleObjectionStopsConsentButAConcernDoesNot() {
    DecisionRule consent = DecisionRule.consent(Duration.ofDays(3));
    assertThat(Decisions.outcome(consent, Set.of("a", "b"), Map.of("a", Response.CONCERN), false))
        .isEqualTo(Outcome.ADOPTED);
    assertThat(Decisions.outcome(consent, Set.of("a", "b"), Map.of("a", Response.OBJECTION), false))
        .isEqualTo(Outcome.NOT_ADOPTED);
  }

  @Example
  void majorityNeedsItsQuorum() {
    DecisionRule half = DecisionRule.majority(Duration.ofDays(3), 50);
    Set<String> four = Set.of("a", "b", "c", "d");
    assertThat(Decisions.outcome(half, four, Map.of("a", Response.VOTE_FOR), false)).isEqualTo(Outcome.NOT_ADOPTED);
    assertThat(Decisions.outcome(half, four, Map.of("a", Response.VOTE_FOR, "b", Response.STAND_ASIDE), false))
        .isEqualTo(Outcome.ADOPTED);
  }
}
