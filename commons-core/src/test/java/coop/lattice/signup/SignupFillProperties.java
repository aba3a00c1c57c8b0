package coop.lattice.signup;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import coop.lattice.RejectedCommandException;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.ExactFraction;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.RoleId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sign-ups plus the rotation, against a brute-force reference written here: every plan that fills
 * each fillable seat is enumerated for small rounds, and the fill must keep every member within one
 * turn of their share over chosen and assigned turns together (F1 on the total) whenever some plan
 * does, and honour every rather-not day whenever some plan within F1 does. Always: chosen slots stay
 * with who chose them, nobody holds two seats of one time, nobody is assigned a day they are away
 * or an activity they lack the tag for, and every seat someone could hold is filled.
 */
class SignupFillProperties {
  static final LocalDate START = LocalDate.of(2027, 1, 4); // a Monday
  static final Instant NOW = START.minusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
  static final Instant CLOSES = START.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

  /** One small round: who, what, who is away which weeks, who would rather not which days, who tried to sign up for what. */
  record Case(int members, boolean[] half, int weeks, List<int[]> activities, Set<Integer> drivers,
      Map<Integer, Set<Integer>> awayWeeks, Map<Integer, Set<DayOfWeek>> ratherNot, List<int[]> attempts, long seed) {
    /**
     * activities: {weekday offset from Monday, seats, requires "driver" (1) or not (0), excludes the
     * activity before it on the same day (1) or not (0)}.
     */
    MemberId member(int i) {
      return MemberId.of("m" + i);
    }

    LocalDate date(int activity, int week) {
      return START.plusDays(activities.get(activity)[0]).plusWeeks(week);
    }

    /** Whether some member may not take both activities on one day. */
    boolean exclusive() {
      return activities.size() == 2 && activities.get(1)[3] == 1 && activities.get(0)[0] == activities.get(1)[0];
    }

    boolean eligible(int i, int activity, int week) {
      return (activities.get(activity)[2] == 0 || drivers.contains(i))
          && !awayWeeks.getOrDefault(i, Set.of()).contains(week);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder("members " + members + " weeks " + weeks + " seed " + seed + "\n");
      for (int[] a : activities) {
        s.append(" activity day+").append(a[0]).append(" seats ").append(a[1]).append(a[2] == 1 ? " drivers" : "")
            .append(a[3] == 1 ? " excludes the one before" : "").append('\n');
      }
      s.append(" half ").append(java.util.Arrays.toString(half)).append(" drivers ").append(drivers).append(" away ")
          .append(awayWeeks).append(" ratherNot ").append(ratherNot).append('\n');
      attempts.forEach(a -> s.append(" try m").append(a[0]).append(" a").append(a[1]).append(" w").append(a[2]));
      return s.toString();
    }
  }

  @Provide
  Arbitrary<Case> rounds() {
    return Combinators.combine(Arbitraries.integers().between(2, 4), Arbitraries.integers().between(2, 4),
        Arbitraries.integers().between(1, 2), Arbitraries.longs().between(0, 1_000_000)).flatAs((n, w, acts, seed) -> {
          Arbitrary<int[]> activity = Combinators.combine(Arbitraries.of(0, 5), Arbitraries.of(1, 1, 2),
              Arbitraries.of(0, 0, 1), Arbitraries.of(0, 0, 0, 1)).as((d, k, r, x) -> new int[] {d, k, r, x});
          Arbitrary<List<int[]>> activities = activity.list().ofSize(acts);
          Arbitrary<boolean[]> half = Arbitraries.of(true, false, false).array(boolean[].class).ofSize(n);
          Arbitrary<Set<Integer>> drivers = Arbitraries.integers().between(0, n - 1).set().ofMaxSize(n);
          Arbitrary<Map<Integer, Set<Integer>>> away = Arbitraries.maps(Arbitraries.integers().between(0, n - 1),
              Arbitraries.integers().between(0, w - 1).set().ofMaxSize(2)).ofMaxSize(n);
          Arbitrary<Map<Integer, Set<DayOfWeek>>> wishes = Arbitraries.maps(Arbitraries.integers().between(0, n - 1),
              Arbitraries.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY).set().ofMinSize(1)).ofMaxSize(n);
          Arbitrary<List<int[]>> attempts = Combinators.combine(Arbitraries.integers().between(0, n - 1),
              Arbitraries.integers().between(0, acts - 1), Arbitraries.integers().between(0, w - 1))
              .as((m, a, k) -> new int[] {m, a, k}).list().ofMaxSize(8);
          return Combinators.combine(activities, half, drivers, away, wishes, attempts)
              .as((a, h, d, aw, rn, at) -> new Case(n, h, w, a, d, aw, rn, at, seed));
        });
  }

  /** The sheet of a case, with every statement made and every sign-up the rules let through. */
  static SignupSheet sheet(Case c) {
    List<Activity> activities = new ArrayList<>();
    for (int a = 0; a < c.activities().size(); a++) {
      int[] x = c.activities().get(a);
      Activity act = Activity.of("act-" + a, "Activity " + a, Cadence.weekly(START.plusDays(x[0]))).seats(x[1]);
      act = x[2] == 1 ? act.requires("driver") : act;
      activities.add(a == 1 && x[3] == 1 ? act.exclusiveWith("act-0") : act);
    }
    SignupSheet sheet = new SignupSheet(new SignupTerms("Round", activities, START, START.plusWeeks(c.weeks()), CLOSES,
        c.seed()));
    for (int i = 0; i < c.members(); i++) {
      Availability a = Availability.ANY_TIME.capacity(c.half()[i] ? "0.5" : "1")
          .ratherNot(c.ratherNot().getOrDefault(i, Set.of()).toArray(DayOfWeek[]::new));
      if (c.drivers().contains(i)) {
        a = a.declaring("driver");
      }
      for (int week : c.awayWeeks().getOrDefault(i, Set.of())) {
        a = a.away(START.plusWeeks(week), START.plusWeeks(week).plusDays(6));
      }
      sheet.checkStatement(c.member(i), a, NOW);
      sheet.state(c.member(i), a);
    }
    for (int[] t : c.attempts()) {
      Occurrence o = new Occurrence(RoleId.of("act-" + t[1]), c.date(t[1], t[2]));
      try {
        sheet.checkTake(c.member(t[0]), o, NOW);
        sheet.take(c.member(t[0]), o);
      } catch (RejectedCommandException refused) {
        // full, ineligible, away or taken twice: the rules refuse it, as they would a member
      }
    }
    return sheet;
  }

  static Plan fill(Case c, SignupSheet sheet) {
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < c.members(); i++) {
      roster.add(Participant.of(c.member(i), START.minusYears(1)));
    }
    return sheet.fill(roster, 2, 90);
  }

  @Property(tries = 400)
  void theFillKeepsTheHardRulesAndTheChoices(@ForAll("rounds") Case c) {
    SignupSheet sheet = sheet(c);
    Plan plan = fill(c, sheet);
    for (int a = 0; a < c.activities().size(); a++) {
      for (int w = 0; w < c.weeks(); w++) {
        List<MemberId> holders = holders(plan, a, c.date(a, w));
        Occurrence o = new Occurrence(RoleId.of("act-" + a), c.date(a, w));
        assertThat(new HashSet<>(holders)).as("nobody holds two seats of %s", o).hasSameSizeAs(holders);
        assertThat(holders).as("chosen slots stay with who chose them").containsAll(sheet.holders(o));
        List<MemberId> other = c.exclusive() ? holders(plan, 1 - a, c.date(a, w)) : List.of();
        assertThat(holders.stream().filter(other::contains)).as("nobody takes both exclusive activities on %s",
            c.date(a, w)).isEmpty();
        // Who could hold it: act-0 is planned first (by id) around the chosen slots of act-1; act-1 around
        // whatever act-0 then holds that day.
        List<MemberId> excluded = !c.exclusive() ? List.of() : a == 1 ? other
            : sheet.holders(new Occurrence(RoleId.of("act-1"), c.date(1, w)));
        int eligible = 0;
        for (int i = 0; i < c.members(); i++) {
          if (!c.eligible(i, a, w)) {
            assertThat(holders).as("m%s is away or lacks the tag for %s", i, o).doesNotContain(c.member(i));
          } else if (!excluded.contains(c.member(i))) {
            eligible++;
          }
        }
        assertThat(holders).as("every seat someone could hold is filled: %s", o)
            .hasSize(Math.min(c.activities().get(a)[1], eligible));
      }
    }
    assertThat(fill(c, sheet(c))).as("the same sheet gives the same plan").isEqualTo(plan);
  }

  @Property(tries = 600)
  void withinOneTurnOnTheTotalAndWishesHonouredWheneverSomePlanIs(@ForAll("rounds") Case c) {
    Assume.that(!c.exclusive()); // shares then depend on the other activity's plan: the rotation's F9
    SignupSheet sheet = sheet(c);
    Plan plan = fill(c, sheet);
    for (int a = 0; a < c.activities().size(); a++) {
      ExactFraction[] share = shares(c, a);
      List<Set<Integer>> chosen = new ArrayList<>();
      List<List<Set<Integer>>> options = new ArrayList<>();
      for (int w = 0; w < c.weeks(); w++) {
        Set<Integer> ch = new HashSet<>();
        sheet.holders(new Occurrence(RoleId.of("act-" + a), c.date(a, w))).forEach(m -> ch.add(index(m)));
        chosen.add(ch);
        List<Integer> free = new ArrayList<>();
        int eligible = 0;
        for (int i = 0; i < c.members(); i++) {
          if (c.eligible(i, a, w)) {
            eligible++;
            if (!ch.contains(i)) {
              free.add(i);
            }
          }
        }
        options.add(subsets(free, Math.min(c.activities().get(a)[1], eligible) - ch.size()));
      }
      boolean[] found = new boolean[2]; // [0] some plan within F1 on the total; [1] one that also honours every wish
      search(c, a, share, chosen, options, 0, new int[c.members()], true, found);
      int[] total = new int[c.members()];
      boolean honoured = true;
      for (int w = 0; w < c.weeks(); w++) {
        for (MemberId m : holders(plan, a, c.date(a, w))) {
          int i = index(m);
          total[i]++;
          honoured &= chosen.get(w).contains(i) || !wish(c, i, a);
        }
      }
      if (found[0]) {
        for (int i = 0; i < c.members(); i++) {
          assertThat(within(share[i], total[i])).as("m%s holds %s turns of act-%s, share %s; a plan within one turn"
              + " exists", i, total[i], a, share[i]).isTrue();
        }
      }
      if (found[1]) {
        assertThat(honoured).as("act-%s: a plan within one turn honours every wish, and this one does not", a).isTrue();
      }
    }
  }

  @Example
  void aVolunteerIsNotAlsoAssignedBeyondTheirShare() {
    // Four members, four Saturdays, one seat: a share of one each. m0 takes two; m1 and m2 one each; m3 none.
    Case c = new Case(4, new boolean[4], 4, List.<int[]>of(new int[] {5, 1, 0, 0}), Set.of(), Map.of(), Map.of(),
        List.of(new int[] {0, 0, 0}, new int[] {0, 0, 1}, new int[] {1, 0, 2}), 7);
    Plan plan = fill(c, sheet(c));
    Map<MemberId, Integer> turns = new HashMap<>();
    plan.assignments().forEach(x -> turns.merge(x.member(), 1, Integer::sum));
    assertThat(turns).containsEntry(c.member(0), 2).containsEntry(c.member(1), 1).containsEntry(c.member(3), 1)
        .doesNotContainKey(c.member(2));
    assertThat(plan.at(new coop.lattice.rotation.Slot(c.date(0, 3), RoleId.of("act-0"), 1)).orElseThrow().reason())
        .startsWith(SignupSheet.ASSIGNED);
    assertThat(plan.at(new coop.lattice.rotation.Slot(c.date(0, 0), RoleId.of("act-0"), 1)).orElseThrow().reason())
        .isEqualTo(SignupSheet.CHOSEN);
  }

  @Example
  void whoTheCollectiveCountsAsNewIsServedByTheNewcomerGuarantee() {
    // Four members who joined a year ago, four Mondays of one real role, nothing chosen: by the window
    // nobody is new. Among the first seeds, one where m3 holds neither of the first two Mondays.
    Case c = null;
    for (long seed = 0; seed < 50 && c == null; seed++) {
      Case k = new Case(4, new boolean[4], 4, List.<int[]>of(new int[] {0, 1, 0, 0}), Set.of(), Map.of(), Map.of(),
          List.of(), seed);
      List<MemberId> firstTwo = List.of(holders(fill(k, sheet(k)), 0, k.date(0, 0)).get(0),
          holders(fill(k, sheet(k)), 0, k.date(0, 1)).get(0));
      c = firstTwo.contains(k.member(3)) ? null : k;
    }
    assertThat(c).as("a seed where m3 comes round after the first two Mondays").isNotNull();
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < c.members(); i++) {
      roster.add(Participant.of(c.member(i), START.minusYears(1)));
    }
    Plan plan = sheet(c).fill(roster, 2, 90, Set.of(c.member(3)));
    assertThat(List.of(holders(plan, 0, c.date(0, 0)).get(0), holders(plan, 0, c.date(0, 1)).get(0)))
        .as("named new, m3 gets a real role within two meeting days").contains(c.member(3));
  }

  /** Depth-first over the weeks: every member's total checked at the end, wishes tracked on the way. */
  private static void search(Case c, int a, ExactFraction[] share, List<Set<Integer>> chosen, List<List<Set<Integer>>> options,
      int w, int[] total, boolean honoured, boolean[] found) {
    if (found[1]) {
      return;
    }
    if (w == c.weeks()) {
      for (int i = 0; i < c.members(); i++) {
        if (!within(share[i], total[i])) {
          return;
        }
      }
      found[0] = true;
      found[1] |= honoured;
      return;
    }
    for (Set<Integer> pick : options.get(w)) {
      boolean keeps = honoured;
      for (int i : pick) {
        total[i]++;
        keeps &= !wish(c, i, a);
      }
      for (int i : chosen.get(w)) {
        total[i]++;
      }
      search(c, a, share, chosen, options, w + 1, total, keeps, found);
      for (int i : pick) {
        total[i]--;
      }
      for (int i : chosen.get(w)) {
        total[i]--;
      }
    }
  }

  private static boolean wish(Case c, int i, int a) {
    DayOfWeek day = START.plusDays(c.activities().get(a)[0]).getDayOfWeek();
    return c.ratherNot().getOrDefault(i, Set.of()).contains(day);
  }

  /**
   * Each member's share of activity a, exactly: at each time, the seats filled there (as many as
   * the seats, or everyone who could hold it) shared among those who could, by capacity, nobody
   * entitled to more than one seat (water-filling).
   */
  static ExactFraction[] shares(Case c, int a) {
    ExactFraction[] share = new ExactFraction[c.members()];
    java.util.Arrays.fill(share, ExactFraction.of(0, 1));
    for (int w = 0; w < c.weeks(); w++) {
      List<Integer> e = new ArrayList<>();
      for (int i = 0; i < c.members(); i++) {
        if (c.eligible(i, a, w)) {
          e.add(i);
        }
      }
      long seats = Math.min(c.activities().get(a)[1], e.size());
      Set<Integer> whole = new HashSet<>();
      boolean changed = true;
      while (changed) {
        changed = false;
        long rest = 0;
        for (int i : e) {
          rest += whole.contains(i) ? 0 : cap(c, i);
        }
        for (int i : e) {
          if (!whole.contains(i) && cap(c, i) * (seats - whole.size()) >= rest && rest > 0) {
            whole.add(i);
            changed = true;
            break;
          }
        }
      }
      long rest = 0;
      for (int i : e) {
        rest += whole.contains(i) ? 0 : cap(c, i);
      }
      for (int i : e) {
        share[i] = share[i].plus(whole.contains(i) ? ExactFraction.of(1, 1) : ExactFraction.of(cap(c, i) * (seats - whole.size()), rest));
      }
    }
    return share;
  }

  private static long cap(Case c, int i) {
    return c.half()[i] ? 1 : 2;
  }

  /** |share - turns| < 1, exactly. */
  static boolean within(ExactFraction share, long turns) {
    return share.minus(turns).underOne();
  }

  private static List<MemberId> holders(Plan plan, int a, LocalDate date) {
    return plan.assignments().stream().filter(x -> x.slot().role().equals(RoleId.of("act-" + a))
        && x.slot().date().equals(date) && x.member() != null).map(Assignment::member).toList();
  }

  private static int index(MemberId m) {
    return Integer.parseInt(m.value().substring(1));
  }

  private static List<Set<Integer>> subsets(List<Integer> from, int size) {
    List<Set<Integer>> out = new ArrayList<>();
    if (size <= 0) {
      out.add(Set.of());
      return out;
    }
    for (int k = 0; k < from.size(); k++) {
      for (Set<Integer> rest : subsets(from.subList(k + 1, from.size()), size - 1)) {
        Set<Integer> s = new HashSet<>(rest);
        s.add(from.get(k));
        out.add(s);
      }
    }
    return out;
  }
}
