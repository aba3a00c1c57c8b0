package coop.lattice.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The fair policy against the testkit's checks, as a user would test their own policy: random
 * rosters (tags, capacities, breaks), roles (cadences, seats, tags, weights, exclusivity) and
 * horizons; 1,000 cases per property in the default build.
 */
class FairRotationProperties {
  static final RotationPolicy FAIR = RotationPolicy.fair(20261127L);

  @Provide
  Arbitrary<PlanRequest> settled() {
    return RotationArbitraries.planRequests(false);
  }

  @Provide
  Arbitrary<PlanRequest> withNewcomers() {
    return RotationArbitraries.planRequests(true);
  }

  @Property(tries = 1000, seed = "20261130")
  void f1(@ForAll("settled") PlanRequest r) {
    assertThat(FairnessChecks.f1(r, FAIR.plan(r))).isEmpty();
  }

  @Property(tries = 1000, seed = "20261131")
  void f2(@ForAll("settled") PlanRequest r) {
    assertThat(FairnessChecks.f2(r, FAIR.plan(r))).isEmpty();
  }

  @Property(tries = 1000, seed = "20261132")
  void f3(@ForAll("settled") PlanRequest r) {
    assertThat(FairnessChecks.f3(r, FAIR.plan(r))).isEmpty();
  }

  @Property(tries = 1000, seed = "20261133")
  void f5(@ForAll("withNewcomers") PlanRequest r) {
    assertThat(FairnessChecks.f5(r, FAIR.plan(r))).isEmpty();
  }

  @Property(tries = 1000, seed = "20261134")
  void f6(@ForAll("withNewcomers") PlanRequest r) {
    assertThat(FairnessChecks.f6(FAIR, r)).isEmpty();
  }

  @Property(tries = 1000, seed = "20261135")
  void f8(@ForAll("withNewcomers") PlanRequest r) {
    assertThat(FairnessChecks.f8(r, FAIR.plan(r))).isEmpty();
  }

  @Example
  void loadIsBalancedAcrossRolesSoNobodyCollectsEveryChore() {
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      roster.add(Participant.of(MemberId.of("m" + i), RotationArbitraries.START.minusYears(1)));
    }
    List<Role> roles = new ArrayList<>();
    for (String chore : List.of("dishes", "bins", "floors", "laundry")) {
      roles.add(Role.of(RoleId.of(chore), chore,
          Cadence.weekly(RotationArbitraries.START)).chore());
    }
    Plan plan = FAIR.plan(PlanRequest.of(roster, roles, RotationArbitraries.START, RotationArbitraries.START.plusWeeks(10)));
    Map<MemberId, Long> total = new TreeMap<>();
    plan.assignments().forEach(a -> total.merge(a.member(), 1L, Long::sum));
    // 40 chore turns over 5 members: 8 each.
    assertThat(total.values()).containsOnly(8L);
  }

  @Example
  void lotteryChecksPassForAFairDrawAndCatchATamperedOne() {
    List<MemberId> candidates = List.of(MemberId.of("a"), MemberId.of("b"), MemberId.of("c"));
    Instant commitBy = Instant.parse("2027-03-01T00:00:00Z");
    Lottery.Announcement a = Lottery.Announcement.of("keeper", candidates, 1,
        10, commitBy, commitBy.plusSeconds(3600));
    Hash root = Hash.sha256(new byte[] {4});
    Lottery.Transcript t = Lottery.draw(a, List.of(), List.of(), root);
    assertThat(FairnessChecks.f4(a)).isEmpty();
    assertThat(FairnessChecks.f7(t, root)).isEmpty();
    assertThat(FairnessChecks.f7(t, Hash.sha256(new byte[] {5}))).isNotEmpty();
  }

  /** The complaint about chore apps, as a policy: everything goes to the first person on the list. */
  static final RotationPolicy FIRST_IN_LIST = new RotationPolicy() {
    @Override
    public String name() {
      return "first-in-list";
    }

    @Override
    public Plan plan(PlanRequest request) {
      Map<Slot, Assignment> out = new TreeMap<>();
      for (Role role : request.roles()) {
        for (int seat = 1; seat <= role.seats(); seat++) {
          for (LocalDate d : role.cadence().between(request.from(), request.until())) {
            Slot slot = new Slot(d, role.id(), seat);
            MemberId first = null;
            for (Participant p : request.roster()) {
              if (first == null && p.eligibleFor(role) && p.availableOn(d)) {
                first = p.member();
              }
            }
            out.put(slot, new Assignment(slot, first, "first in the list"));
          }
        }
      }
      return new Plan(name(), "", request.from(), request.until(), new ArrayList<>(out.values()));
    }
  };

  @Example
  void theChecksCatchAFirstInListPolicy() {
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      roster.add(Participant.of(MemberId.of("m" + i), RotationArbitraries.START.minusYears(1)));
    }
    PlanRequest r = PlanRequest.of(roster,
        List.of(Role.of(RoleId.of("dishes"), "Dishes",
            Cadence.weekly(RotationArbitraries.START))),
        RotationArbitraries.START, RotationArbitraries.START.plusWeeks(8));
    List<String> violations = FairnessChecks.all(FIRST_IN_LIST, r);
    assertThat(violations).anyMatch(v -> v.startsWith("F1: ")).anyMatch(v -> v.startsWith("F2: "))
        .anyMatch(v -> v.startsWith("F3: "));
    assertThat(FairnessChecks.all(FAIR, r)).isEmpty();
  }
}
