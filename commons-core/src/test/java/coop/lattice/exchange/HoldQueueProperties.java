package coop.lattice.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.MemberId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The hold queue for a popular tool: whatever members ask, cancel and borrow, everyone who waits
 * gets a turn within 2(n - 1) loans to others, and members who always ask again at once simply
 * take turns.
 */
class HoldQueueProperties {

  /** An action: a member places a hold (0), cancels it (1), or the item is lent to whoever's turn it is (2). */
  record Step(int kind, int member) {}

  @Property(tries = 300, seed = "20261127")
  void everyoneWhoWaitsBorrowsWithinTwiceTheOthers(@ForAll("steps") List<Step> steps,
      @ForAll @IntRange(min = 2, max = 9) int members) {
    HoldQueue q = new HoldQueue();
    Map<MemberId, Integer> overtaken = new HashMap<>();
    for (Step s : steps) {
      MemberId m = MemberId.of("m" + (s.member() % members));
      switch (s.kind()) {
        case 0 -> {
          if (!q.isWaiting(m)) {
            q.hold(m);
            overtaken.put(m, 0);
          }
        }
        case 1 -> {
          q.cancel(m);
          overtaken.remove(m);
        }
        default -> q.next().ifPresent(next -> {
          assertThat(next).isEqualTo(q.waiting().get(0));
          q.lent(next);
          overtaken.remove(next);
          overtaken.replaceAll((w, n) -> n + 1);
          overtaken.forEach((w, n) -> assertThat(n).as("%s overtaken", w).isLessThanOrEqualTo(2 * (members - 1)));
        });
      }
      assertThat(q.waiting()).containsExactlyInAnyOrderElementsOf(overtaken.keySet());
    }
  }

  @Property(tries = 50, seed = "20261128")
  void membersWhoAlwaysAskAgainTakeTurns(@ForAll @IntRange(min = 2, max = 12) int members) {
    HoldQueue q = new HoldQueue();
    for (int i = 0; i < members; i++) {
      q.hold(MemberId.of("m" + i));
    }
    Map<MemberId, Integer> loans = new HashMap<>();
    for (int round = 0; round < 5 * members; round++) {
      MemberId next = q.next().orElseThrow();
      q.lent(next);
      loans.merge(next, 1, Integer::sum);
      q.hold(next);
    }
    assertThat(loans).hasSize(members).allSatisfy((m, n) -> assertThat(n).isEqualTo(5));
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    Arbitrary<Step> step = Arbitraries.integers().between(0, 9).flatMap(k -> Arbitraries.integers().between(0, 8)
        .map(m -> new Step(k < 4 ? 0 : k < 5 ? 1 : 2, m)));
    return step.list().ofMaxSize(200);
  }
}
