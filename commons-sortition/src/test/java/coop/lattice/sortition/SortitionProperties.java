package coop.lattice.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import coop.lattice.sortition.BruteForce.Q;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Constrained draws against an oracle of their own: every quota-feasible panel of people
 * enumerated, and the maximin and leximin LPs over all of them solved exactly ({@link
 * BruteForce}); and the draw, its determinism and its transcript.
 */
class SortitionProperties {
  static final double PRECISION = 1e-9;

  @Provide
  Arbitrary<PanelRequest> pools() {
    return Pools.small();
  }

  @Property(tries = 1000, seed = "2027041")
  void maximinIsTheExactOptimumOverAllPanelsWithinItsProvenGap(@ForAll("pools") PanelRequest r) {
    List<int[]> panels = BruteForce.panels(r);
    if (panels.isEmpty()) {
      InfeasibleQuotasException e = catchThrowableOfType(InfeasibleQuotasException.class, () -> Sortition.maximin(r));
      assertThat(e).as("quotas no panel meets are refused").isNotNull();
      assertThat(e.getMessage()).isNotBlank();
      // The quotas it names are enough on their own to rule out every panel.
      assertThat(BruteForce.panels(new PanelRequest(r.candidates(), e.quotas(), r.seats()))).isEmpty();
      return;
    }
    PanelDistribution d = Sortition.maximin(r);
    Q optimum = BruteForce.leximin(r, panels, true)[r.candidates().size()];
    Q value = q(d.minimum());
    Q bound = q(d.bound());
    assertThat(value.compareTo(optimum)).as("the minimum is achieved, so at most the optimum").isLessThanOrEqualTo(0);
    assertThat(bound.compareTo(optimum)).as("the bound is proven, so at least the optimum").isGreaterThanOrEqualTo(0);
    assertThat(bound.minus(value).value()).as("the proven gap").isLessThanOrEqualTo(PRECISION);
    assertThat(d.probabilities()).isEqualTo(expanded(d));
  }

  @Property(tries = 1000, seed = "2027042")
  void leximinMatchesTheExactLeximinForEveryCandidate(@ForAll("pools") PanelRequest r) {
    List<int[]> panels = BruteForce.panels(r);
    if (panels.isEmpty()) {
      assertThatThrownBy(() -> Sortition.leximin(r)).isInstanceOf(InfeasibleQuotasException.class);
      return;
    }
    PanelDistribution d = Sortition.leximin(r);
    Q[] exact = BruteForce.leximin(r, panels, false);
    Map<MemberId, Probability> p = d.probabilities();
    for (int i = 0; i < r.candidates().size(); i++) {
      double mine = p.get(r.candidates().get(i).member()).doubleValue();
      assertThat(Math.abs(mine - exact[i].value())).as("candidate %s", i).isLessThanOrEqualTo(1e-7);
    }
    assertThat(q(d.minimum()).compareTo(exact[r.candidates().size()])).isLessThanOrEqualTo(0);
    assertThat(q(d.bound()).compareTo(exact[r.candidates().size()])).isGreaterThanOrEqualTo(0);
    assertThat(p).isEqualTo(expanded(d));
  }

  @Property(tries = 1000, seed = "2027043")
  void everyDrawnPanelMeetsTheQuotasVerifiesAndIsTheSameForTheSameSeed(@ForAll("pools") PanelRequest r,
      @ForAll long seed) {
    if (BruteForce.panels(r).isEmpty()) {
      return;
    }
    PanelDistribution d = Sortition.maximin(r);
    assertThat(Sortition.maximin(r)).as("the distribution is deterministic").isEqualTo(d);
    Hash h = Hash.sha256(Long.toString(seed).getBytes(StandardCharsets.UTF_8));
    Sortition.Transcript t = Sortition.draw(d, h);
    assertThat(BruteForce.meetsQuotas(r, t.panel())).isTrue();
    assertThat(Sortition.draw(d, h)).isEqualTo(t);
    assertThat(Sortition.verify(t)).isEmpty();
    assertThat(t.distribution().compositions().get(t.composition()).weight()).isPositive();
  }

  @Property(tries = 1000, seed = "2027044")
  void anySingleChangeToTheTranscriptIsCaught(@ForAll("pools") PanelRequest r, @ForAll long seed,
      @ForAll("changes") int what) {
    if (BruteForce.panels(r).isEmpty()) {
      return;
    }
    PanelDistribution d = Sortition.maximin(r);
    var lottery = LotteryBinding.lottery(d, seed);
    Sortition.Transcript t = Sortition.draw(d, lottery);
    assertThat(Sortition.verify(t, lottery)).isEmpty();
    Sortition.Transcript changed = Changes.change(t, what);
    if (changed == null || changed.equals(t)) {
      return; // this change does not apply to this transcript (say, one composition only)
    }
    assertThat(Sortition.verify(changed, lottery)).as("change %s", what).isNotEmpty();
    if (Changes.INTERNAL.contains(what)) {
      assertThat(Sortition.verify(changed)).as("change %s, without the lottery", what).isNotEmpty();
    }
  }

  @Provide
  Arbitrary<Integer> changes() {
    return net.jqwik.api.Arbitraries.integers().between(0, Changes.COUNT - 1);
  }

  @Example
  void quotasThatCannotBeMetAreRefusedWithTheReason() {
    PanelRequest.Builder b = PanelRequest.builder(6);
    for (int i = 0; i < 10; i++) {
      b.candidate(MemberId.of("m" + i), Map.of("neighbourhood", i < 2 ? "north" : "south", "age",
          i < 2 || i > 7 ? "16-29" : "30+"));
    }
    PanelRequest tooFew = b.quota("neighbourhood", "north", 3, 6).build();
    assertThatThrownBy(() -> Sortition.maximin(tooFew)).isInstanceOf(InfeasibleQuotasException.class)
        .hasMessage("Only 2 candidates are in neighbourhood north, but its quota asks for at least 3 of the 6 seats.");

    PanelRequest.Builder c = PanelRequest.builder(6);
    for (int i = 0; i < 10; i++) {
      c.candidate(MemberId.of("m" + i), Map.of("neighbourhood", i < 2 ? "north" : "south", "age",
          i < 2 || i > 7 ? "16-29" : "30+"));
    }
    PanelRequest clash = c.quota("neighbourhood", "north", 2, 6).quota("age", "16-29", 0, 1).build();
    InfeasibleQuotasException e = catchThrowableOfType(InfeasibleQuotasException.class, () -> Sortition.maximin(clash));
    assertThat(e.getMessage()).isEqualTo("These quotas cannot all be met together in a panel of 6: age 16-29 at most 1;"
        + " neighbourhood north at least 2. Candidates by their groups: age 16-29, neighbourhood north: 2;"
        + " age 16-29, neighbourhood south: 2.");
    assertThat(e.quotas()).containsExactly(new Quota("age", "16-29", 0, 1), new Quota("neighbourhood", "north", 2, 6));

    PanelRequest.Builder f = PanelRequest.builder(4);
    for (int i = 0; i < 10; i++) {
      f.candidate(MemberId.of("m" + i), Map.of("age", i % 2 == 0 ? "16-29" : "30+"));
    }
    PanelRequest lowers = f.quota("age", "16-29", 3, 4).quota("age", "30+", 2, 4).build();
    assertThatThrownBy(() -> Sortition.maximin(lowers)).isInstanceOf(InfeasibleQuotasException.class)
        .hasMessage("The lower quotas of age add up to 5, more than the 4 seats of the panel.");
  }

  @Example
  void requestsThatCannotStandAreRefused() {
    Map<String, String> north = Map.of("neighbourhood", "north");
    assertThatThrownBy(() -> PanelRequest.builder(1).candidate(MemberId.of("a"), north).candidate(MemberId.of("a"), north)
        .build()).isInstanceOf(SortitionException.class).hasMessageContaining("a is a candidate twice");
    assertThatThrownBy(() -> PanelRequest.builder(1).candidate(MemberId.of("a"), north).quota("age", "old", 0, 1).build())
        .isInstanceOf(SortitionException.class).hasMessageContaining("no candidate has that feature");
    assertThatThrownBy(() -> PanelRequest.builder(2).candidate(MemberId.of("a"), north).build())
        .isInstanceOf(SortitionException.class).hasMessageContaining("1 to 1 seats");
    assertThatThrownBy(() -> new Quota("age", "old", 3, 2)).isInstanceOf(SortitionException.class);
  }

  @Example
  void theDrawFollowsTheProbabilities() {
    PanelRequest r = Pools.small(7);
    while (BruteForce.panels(r).isEmpty()) {
      r = Pools.small(r.candidates().size() * 31L + 1);
    }
    PanelDistribution d = Sortition.maximin(r);
    Map<MemberId, Integer> counts = new HashMap<>();
    int runs = 20_000;
    for (int i = 0; i < runs; i++) {
      for (MemberId m : Sortition.draw(d, Hash.sha256(Integer.toString(i).getBytes(StandardCharsets.UTF_8))).panel()) {
        counts.merge(m, 1, Integer::sum);
      }
    }
    d.probabilities().forEach((m, p) -> {
      double expected = p.doubleValue() * runs;
      double sigma = Math.sqrt(runs * p.doubleValue() * (1 - p.doubleValue()));
      assertThat((double) counts.getOrDefault(m, 0)).as("%s", m).isBetween(expected - 5 * sigma - 1, expected + 5 * sigma + 1);
    });
  }

  static Q q(Probability p) {
    return Q.of(p.numerator(), p.denominator());
  }

  /**
   * Each candidate's probability from the distribution over people-panels it describes: each
   * composition's weight spread evenly over every way of filling it from the cells.
   */
  static Map<MemberId, Probability> expanded(PanelDistribution d) {
    List<PanelDistribution.Cell> cells = d.cells();
    Map<MemberId, Q> p = new HashMap<>();
    for (PanelDistribution.Composition comp : d.compositions()) {
      List<List<List<MemberId>>> choices = new ArrayList<>();
      for (int t = 0; t < cells.size(); t++) {
        choices.add(subsets(cells.get(t).members(), comp.seats().get(t)));
      }
      long ways = choices.stream().mapToLong(List::size).reduce(1, (a, b) -> a * b);
      Q each = Q.of(BigInteger.valueOf(comp.weight()), BigInteger.valueOf(Sortition.DENOMINATOR).multiply(
          BigInteger.valueOf(ways)));
      fill(choices, 0, new ArrayList<>(), each, p);
    }
    Map<MemberId, Probability> out = new java.util.LinkedHashMap<>();
    for (Candidate c : d.request().candidates()) {
      Q v = p.getOrDefault(c.member(), Q.ZERO);
      out.put(c.member(), new Probability(v.n(), v.d()));
    }
    return out;
  }

  private static void fill(List<List<List<MemberId>>> choices, int t, List<MemberId> so, Q each, Map<MemberId, Q> p) {
    if (t == choices.size()) {
      so.forEach(m -> p.merge(m, each, Q::plus));
      return;
    }
    for (List<MemberId> pick : choices.get(t)) {
      List<MemberId> next = new ArrayList<>(so);
      next.addAll(pick);
      fill(choices, t + 1, next, each, p);
    }
  }

  private static List<List<MemberId>> subsets(List<MemberId> of, int k) {
    List<List<MemberId>> out = new ArrayList<>();
    if (k == 0) {
      out.add(List.of());
      return out;
    }
    for (int i = 0; i <= of.size() - k; i++) {
      for (List<MemberId> rest : subsets(of.subList(i + 1, of.size()), k - 1)) {
        List<MemberId> s = new ArrayList<>();
        s.add(of.get(i));
        s.addAll(rest);
        out.add(s);
      }
    }
    return out;
  }
}
