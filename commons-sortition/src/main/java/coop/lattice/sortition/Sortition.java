package coop.lattice.sortition;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Constrained draws: a panel that meets quotas, drawn from a distribution that gives the
 * candidates the fairest chances the quotas allow, with a transcript anyone can verify.
 *
 * <pre>{@code
 * PanelRequest request = PanelRequest.builder(6)
 *     .candidate(MemberId.of("ana"), Map.of("neighbourhood", "north", "age", "16-39"))
 *     // ... every candidate, with the same features
 *     .quota("neighbourhood", "north", 2, 3)
 *     .build();
 * PanelDistribution d = Sortition.leximin(request);       // or maximin; refuses infeasible quotas
 * Lottery.Announcement a = Sortition.announce(d, "citizens' panel", height, commitBy, revealBy);
 * // ... members commit and reveal; Lottery.draw(a, commitments, reveals, anchorRoot) gives the seed
 * Sortition.Transcript t = Sortition.draw(d, lottery);   // the lottery's seed picks the panel
 * List<String> problems = Sortition.verify(t, lottery);  // empty: it holds
 * }</pre>
 *
 * <p>Unlike {@link Lottery}'s unconstrained draw, where everyone has exactly k/n, quotas make
 * some candidates necessary and others plentiful, so the probabilities differ; the method decides
 * how. {@link Method#MAXIMIN} makes the smallest probability as large as the quotas allow;
 * {@link Method#LEXIMIN} does that, then the next smallest, and so on (Flanigan, Gölz, Gupta,
 * Hennig, Procaccia, "Fair algorithms for selecting citizens' assemblies", Nature 2021). Both
 * report every probability as an exact fraction and prove how close the smallest is to the best
 * possible (see {@link PanelDistribution.Level}).
 *
 * <p>Thread safety: every method is a pure function of its arguments; any number of threads may
 * call them at once.
 */
public final class Sortition {
  /** The procedure every distribution names; a change to the algorithm or the draw is a new version. */
  public static final String PROCEDURE = "lattice-sortition-v1";
  /** Compositions' weights are multiples of one in 2^40. */
  public static final long DENOMINATOR = 1L << 40;
  private static final String MARK = "(sortition sha256:";

  private Sortition() {}

  /** How the distribution over panels is chosen. */
  public enum Method {
    /** The smallest selection probability as large as possible. */
    MAXIMIN,
    /** Maximin, then the second smallest as large as possible without lowering the first, and so on. */
    LEXIMIN
  }

  /**
   * A constrained draw, with everything needed to re-derive it.
   *
   * @param distribution what was fixed before the seed
   * @param seed the randomness, from the lottery's commit and reveal
   * @param composition which of the distribution's compositions the seed picked
   * @param panel who was drawn, sorted
   */
  public record Transcript(PanelDistribution distribution, Hash seed, int composition, List<MemberId> panel) {
    public Transcript {
      panel = List.copyOf(panel);
    }
  }

  /**
   * The distribution over quota-feasible panels that maximises the smallest selection
   * probability.
   *
   * @throws InfeasibleQuotasException if no panel meets the quotas, with which ones clash and why
   */
  public static PanelDistribution maximin(PanelRequest request) {
    return Planner.plan(request, Method.MAXIMIN);
  }

  /**
   * The leximin distribution: maximin, then each next smallest probability as large as possible.
   *
   * @throws InfeasibleQuotasException if no panel meets the quotas, with which ones clash and why
   */
  public static PanelDistribution leximin(PanelRequest request) {
    return Planner.plan(request, Method.LEXIMIN);
  }

  /**
   * The lottery announcement that fixes this distribution before any randomness exists: its
   * purpose names the distribution's hash, its candidates and seats are the request's. Run the
   * lottery on it, then {@link #draw(PanelDistribution, Lottery.Transcript)}.
   */
  public static Lottery.Announcement announce(PanelDistribution d, String purpose, long anchorHeight, Instant commitBy,
      Instant revealBy) {
    String named = purpose + " " + MARK + d.hash().hex() + ")";
    if (named.length() > 200) {
      throw new SortitionException("a sortition's purpose is at most " + (200 - MARK.length() - 66)
          + " characters, so the announcement can name the distribution's hash");
    }
    return Lottery.Announcement.of(named, d.request().members(), d.request().seats(), anchorHeight, commitBy, revealBy);
  }

  /** Draws from the distribution with the seed of a lottery announced by {@link #announce} for it. */
  public static Transcript draw(PanelDistribution d, Lottery.Transcript lottery) {
    String why = whyNotBound(d, lottery.announcement());
    if (why != null) {
      throw new SortitionException(why);
    }
    return draw(d, lottery.seed());
  }

  /**
   * Draws from the distribution with a seed: the seed picks a composition by weight (40 bits,
   * so exactly by weight), then, cell by cell in canonical order, the members by a Fisher-Yates
   * shuffle of the cell's sorted members. SHA-256 in counter mode, tagged for this procedure.
   */
  public static Transcript draw(PanelDistribution d, Hash seed) {
    SeedStream stream = new SeedStream(seed);
    long r = stream.bits(40);
    List<PanelDistribution.Composition> comps = d.compositions();
    int chosen = -1;
    long cumulative = 0;
    for (int i = 0; i < comps.size(); i++) {
      cumulative += comps.get(i).weight();
      if (r < cumulative) {
        chosen = i;
        break;
      }
    }
    if (chosen < 0) {
      throw new SortitionException("the compositions' weights add up to " + cumulative + ", not " + DENOMINATOR);
    }
    Cells cells = new Cells(d.request());
    List<Integer> seats = comps.get(chosen).seats();
    List<MemberId> panel = new ArrayList<>();
    for (int t = 0; t < cells.count; t++) {
      List<MemberId> deck = new ArrayList<>(cells.members.get(t));
      int k = seats.get(t);
      for (int i = 0; i < k; i++) {
        int j = i + stream.below(deck.size() - i);
        MemberId tmp = deck.get(i);
        deck.set(i, deck.get(j));
        deck.set(j, tmp);
      }
      panel.addAll(deck.subList(0, k));
    }
    panel.sort(null);
    return new Transcript(d, seed, chosen, panel);
  }

  /**
   * Everything wrong with a transcript; empty means it holds. In exact arithmetic and without the
   * LP solver: the request stands; every composition is a quota-feasible panel and the weights add
   * up to {@link #DENOMINATOR}; each level's value is the smallest exact probability among its
   * cells, its certificate proves its bound (a branch and bound shows no quota-feasible panel
   * outweighs {@code best}), and cells in no level can be in no panel; and the seed gives exactly
   * this composition and panel.
   */
  public static List<String> verify(Transcript t) {
    List<String> problems = new ArrayList<>(Verifier.check(t.distribution()));
    if (!problems.isEmpty()) {
      return problems;
    }
    Transcript again = draw(t.distribution(), t.seed());
    if (again.composition() != t.composition()) {
      problems.add("the seed picks composition " + again.composition() + ", not " + t.composition());
    }
    if (!again.panel().equals(t.panel())) {
      problems.add("the draw should be " + again.panel() + ", not " + t.panel());
    }
    return problems;
  }

  /**
   * {@link #verify(Transcript)}, and the lottery that gave the seed: it verifies ({@link
   * Lottery#verify}), its announcement names this distribution's hash, candidates and seats, and
   * its seed is the transcript's.
   */
  public static List<String> verify(Transcript t, Lottery.Transcript lottery) {
    List<String> problems = new ArrayList<>();
    Lottery.verify(lottery).forEach(p -> problems.add("the lottery: " + p));
    String why = whyNotBound(t.distribution(), lottery.announcement());
    if (why != null) {
      problems.add(why);
    }
    if (!lottery.seed().equals(t.seed())) {
      problems.add("the seed is not the lottery's");
    }
    problems.addAll(verify(t));
    return problems;
  }

  private static @org.jspecify.annotations.Nullable String whyNotBound(PanelDistribution d, Lottery.Announcement a) {
    if (!a.purpose().endsWith(MARK + d.hash().hex() + ")")) {
      return "the lottery's announcement does not name this distribution's hash " + d.hash().hex();
    }
    if (!a.candidates().equals(d.request().members())) {
      return "the lottery's candidates are not the request's";
    }
    if (a.seats() != d.request().seats()) {
      return "the lottery draws " + a.seats() + " seats, the request " + d.request().seats();
    }
    return null;
  }
}
