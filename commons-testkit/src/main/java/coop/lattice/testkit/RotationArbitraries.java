package coop.lattice.testkit;

import coop.lattice.MemberId;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for property-testing rotation policies: rosters with tags, capacities and
 * breaks; roles with cadences, seats, required tags, weights and exclusivity; whole plan
 * requests, with newcomers or without, and steady ones (everyone could hold every role every
 * time) for window balance. Every generated request is valid (a rejected request would test
 * nothing).
 *
 * <pre>{@code
 * // in a property class, provided under the name "requests":
 * Arbitrary<PlanRequest> requests() { return RotationArbitraries.planRequests(false); }
 * }</pre>
 */
public final class RotationArbitraries {
  /** The first day of every generated horizon (a Monday). */
  public static final LocalDate START = LocalDate.of(2027, 1, 4);
  private static final List<String> TAGS = List.of("adult", "first-aid", "driver");

  private RotationArbitraries() {}

  /** A participant who joined long before {@link #START}, with some tags, a capacity share and breaks. */
  public static Arbitrary<Participant> participant(int index, int weeks) {
    Arbitrary<Set<String>> tags = Arbitraries.of(TAGS).set().ofMaxSize(3);
    Arbitrary<String> capacity = Arbitraries.of("1", "1", "1", "0.5", "0.75");
    Arbitrary<List<int[]>> breaks = Combinators.combine(Arbitraries.integers().between(0, weeks * 7),
        Arbitraries.integers().between(0, 20)).as((a, len) -> new int[] {a, len}).list().ofMaxSize(2);
    return Combinators.combine(tags, capacity, breaks).as((t, c, bs) -> {
      Participant p = Participant.of(MemberId.of("m" + index), START.minusYears(1))
          .tags(t.toArray(String[]::new)).capacity(c);
      for (int[] b : bs) {
        p = p.away(START.plusDays(b[0]), START.plusDays(b[0] + b[1]));
      }
      return p;
    });
  }

  /** A roster of {@code min} to {@code max} participants. */
  public static Arbitrary<List<Participant>> roster(int min, int max, int weeks) {
    return Arbitraries.integers().between(min, max).flatMap(n -> {
      List<Arbitrary<Participant>> each = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        each.add(participant(i, weeks));
      }
      return Combinators.combine(each).as(ps -> ps);
    });
  }

  /**
   * Up to {@code max} roles with weekly, fortnightly-by-dates or monthly cadences, one to three
   * seats, a required tag or none, weights, some chores, every second role exclusive with the one
   * before it.
   */
  public static Arbitrary<List<Role>> roles(int max, int weeks) {
    Arbitrary<Role> role = Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 3),
        Arbitraries.of(TAGS).set().ofMaxSize(1), Arbitraries.of("1", "1", "2", "0.5"), Arbitraries.of(true, true, false),
        Arbitraries.integers().between(0, 6)).as((cadence, seats, tags, weight, meaningful, offset) -> {
          Cadence c = switch (cadence) {
            case 0 -> Cadence.weekly(START.plusDays(offset));
            case 1 -> Cadence.monthly(START.plusDays(offset));
            default -> {
              List<LocalDate> dates = new ArrayList<>();
              for (int w = 0; w < weeks; w += 2) {
                dates.add(START.plusWeeks(w).plusDays(offset));
              }
              yield new Cadence(Cadence.Kind.DATES, dates.get(0), dates);
            }
          };
          Role r = Role.of(RoleId.of("role"), "Role", c).seats(seats).requires(tags.toArray(String[]::new)).weight(weight);
          return meaningful ? r : r.chore();
        });
    return role.list().ofMinSize(1).ofMaxSize(max).map(rs -> {
      List<Role> out = new ArrayList<>();
      for (int i = 0; i < rs.size(); i++) {
        Role r = rs.get(i);
        out.add(new Role(RoleId.of("r" + i), "Role " + i, r.cadence(), r.seats(), r.requires(), r.weight(),
            r.meaningful(), i > 0 && i % 2 == 1 ? Set.of(RoleId.of("r" + (i - 1))) : Set.of()));
      }
      return out;
    });
  }

  /**
   * Whole plan requests over 4 to 12 weeks, 1 to 9 members; with {@code newcomers}, one or two
   * members joined recently or join during the horizon.
   */
  public static Arbitrary<PlanRequest> planRequests(boolean newcomers) {
    return planRequests(9, newcomers ? 2 : 0);
  }

  /**
   * Whole plan requests over 4 to 12 weeks with 1 to {@code maxMembers} established members and,
   * if {@code maxNewcomers} is above 0, 1 to that many newcomers who joined recently or join during
   * the horizon (with every tag, so that every real role is open to them).
   */
  public static Arbitrary<PlanRequest> planRequests(int maxMembers, int maxNewcomers) {
    return Arbitraries.integers().between(4, 12).flatMap(weeks -> {
      Arbitrary<List<Participant>> roster = roster(1, maxMembers, weeks);
      Arbitrary<List<Integer>> joins = maxNewcomers > 0
          ? Arbitraries.integers().between(-20, weeks * 7 - 7).list().ofMinSize(1).ofMaxSize(maxNewcomers)
          : Arbitraries.just(List.of());
      return Combinators.combine(roster, roles(4, weeks), joins).as((ps, rs, js) -> {
        List<Participant> all = new ArrayList<>(ps);
        for (int k = 0; k < js.size(); k++) {
          all.add(Participant.of(MemberId.of("new" + k), START.plusDays(js.get(k))).tags("adult", "first-aid", "driver"));
        }
        return PlanRequest.of(all, rs, START, START.plusWeeks(weeks));
      });
    });
  }

  /**
   * Requests where everyone could hold every role every time, with equal capacities: what window
   * balance (F2) speaks of, so a property of it checks every role it generates. 2 to 9 members, all
   * settled, no breaks and no tags; 1 to 3 roles (one to three seats, chores among them) that do not
   * exclude each other, over 4 to 12 weeks.
   */
  public static Arbitrary<PlanRequest> steadyRequests() {
    return Arbitraries.integers().between(4, 12).flatMap(weeks -> Combinators.combine(
        Arbitraries.integers().between(2, 9), Arbitraries.of("1", "0.5"),
        roles(3, weeks).map(rs -> rs.stream().map(r -> new Role(r.id(), r.name(), r.cadence(), r.seats(), Set.of(),
            r.weight(), r.meaningful(), Set.of())).toList()))
        .as((n, capacity, rs) -> {
          List<Participant> roster = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            roster.add(Participant.of(MemberId.of("m" + i), START.minusYears(1)).capacity(capacity));
          }
          return PlanRequest.of(roster, rs, START, START.plusWeeks(weeks));
        }));
  }
}
