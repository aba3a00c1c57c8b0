package coop.lattice.circle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Speaking time: the report equals a reference model, and the progressive stack never lets anyone speak twice ahead of a first turn. */
class SpeakingTimeProperties {

  /** A random meeting: who is present and a sequence of (speaker index, seconds) turns. */
  record Meeting(int people, List<int[]> turns) {}

  @Provide
  Arbitrary<Meeting> meetings() {
    return Arbitraries.integers().between(1, 9).flatMap(n -> Arbitraries.integers().between(0, n - 1)
        .flatMap(who -> Arbitraries.integers().between(0, 600).map(secs -> new int[] {who, secs}))
        .list().ofMaxSize(40).map(turns -> new Meeting(n, turns)));
  }

  static MemberId m(int i) {
    return MemberId.of("p" + i);
  }

  @Property(tries = 1000, seed = "20261301")
  void theReportEqualsAReferenceModel(@ForAll("meetings") Meeting meeting, @ForAll @IntRange(min = 0, max = 900) int budget) {
    List<MemberId> people = new ArrayList<>();
    for (int i = 0; i < meeting.people(); i++) {
      people.add(m(i));
    }
    List<Turn> turns = new ArrayList<>();
    long clock = 0;
    long[] seconds = new long[meeting.people()];
    for (int[] t : meeting.turns()) {
      turns.add(new Turn(m(t[0]), clock, clock + t[1]));
      clock += t[1];
      seconds[t[0]] += t[1];
    }
    SpeakingReport r = SpeakingReport.of(people, turns, budget);

    long total = 0;
    long longest = 0;
    int over = 0;
    for (long s : seconds) {
      total += s;
      longest = Math.max(longest, s);
      over += s > budget ? 1 : 0;
    }
    // Gini by its definition: mean absolute difference over all ordered pairs, over twice the mean.
    double diff = 0;
    for (long a : seconds) {
      for (long b : seconds) {
        diff += Math.abs(a - b);
      }
    }
    int n = seconds.length;
    double gini = total == 0 ? 0 : diff / (2.0 * n * n * ((double) total / n));
    assertThat(r.participants()).isEqualTo(n);
    assertThat(r.totalSeconds()).isEqualTo(total);
    assertThat(r.longestShare()).isCloseTo(total == 0 ? 0 : (double) longest / total, offset(1e-12));
    assertThat(r.gini()).isCloseTo(gini, offset(1e-9));
    assertThat(r.overBudget()).isEqualTo(over);
    assertThat(r.secondsSorted()).isSorted().hasSize(n);
  }

  @Property(tries = 1000, seed = "20261302")
  void nobodySpeaksTwiceWhileSomeoneWaitsForAFirstTurn(@ForAll("meetings") Meeting meeting) {
    ProgressiveStack stack = new ProgressiveStack();
    Set<MemberId> spokeOnce = new HashSet<>();
    Map<MemberId, Long> total = new HashMap<>();
    // Interpret each generated turn as "this person raises a hand", then call the next speaker.
    for (int[] t : meeting.turns()) {
      stack.raise(m(t[0]));
      MemberId next = stack.next().orElseThrow();
      boolean someoneWaitsForAFirstTurn = stack.queue().stream().anyMatch(w -> !spokeOnce.contains(w));
      if (someoneWaitsForAFirstTurn) {
        assertThat(spokeOnce).as("%s called while a first-timer waits", next).doesNotContain(next);
      }
      stack.spoke(next, t[1]);
      spokeOnce.add(next);
      total.merge(next, (long) t[1], Long::sum);
    }
  }

  @Example
  void balancedAndDominatedMeetings() {
    List<MemberId> four = List.of(m(0), m(1), m(2), m(3));
    SpeakingReport even = SpeakingReport.of(four, List.of(new Turn(m(0), 0, 60), new Turn(m(1), 60, 120),
        new Turn(m(2), 120, 180), new Turn(m(3), 180, 240)), 120);
    assertThat(even.gini()).isZero();
    assertThat(even.longestShare()).isEqualTo(0.25);
    SpeakingReport one = SpeakingReport.of(four, List.of(new Turn(m(0), 0, 600), Turn.pass(m(1), 600)), 120);
    assertThat(one.gini()).isEqualTo(0.75); // one of four holds everything: (n - 1) / n
    assertThat(one.longestShare()).isEqualTo(1.0);
    assertThat(one.overBudget()).isEqualTo(1);
  }
}
