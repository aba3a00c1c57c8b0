package coop.lattice.rotation;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** How a lottery transcript differs from the one its inputs give, said field by field. */
final class LotteryDifferences {
  private LotteryDifferences() {}

  static List<String> of(Lottery.Transcript derived, Lottery.Transcript given) {
    if (derived.equals(given)) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    if (!derived.announcement().equals(given.announcement())) {
      problems.add("the transcript's announcement is not the lottery's");
    }
    int before = problems.size();
    compare(problems, "commitment", byMember(derived.commitments(), Lottery.Commitment::member),
        byMember(given.commitments(), Lottery.Commitment::member), Lottery.Commitment::entry);
    compare(problems, "reveal", byMember(derived.reveals(), Lottery.Reveal::member),
        byMember(given.reveals(), Lottery.Reveal::member), Lottery.Reveal::entry);
    if (problems.size() == before
        && (!derived.commitments().equals(given.commitments()) || !derived.reveals().equals(given.reveals()))) {
      problems.add("commitments or reveals are repeated or not in order of members");
    }
    if (!derived.anchorRoot().equals(given.anchorRoot())) {
      problems.add("the anchor root is not the ledger's root at height " + derived.announcement().anchorHeight());
    }
    if (!derived.withheld().equals(given.withheld())) {
      problems.add("the withheld reveals should be " + derived.withheld() + ", not " + given.withheld());
    }
    if (derived.anchorOnly() != given.anchorOnly()) {
      problems.add(derived.anchorOnly() ? "no nonce was revealed, so the transcript must say the draw came from the"
          + " anchor alone" : "nonces were revealed, so the draw did not come from the anchor alone");
    }
    if (!derived.seed().equals(given.seed())) {
      problems.add("the seed does not follow from the announcement, the revealed nonces and the anchor root");
    }
    if (!derived.drawn().equals(given.drawn())) {
      problems.add("the draw should be " + derived.drawn() + ", not " + given.drawn());
    }
    return problems;
  }

  private static <T> Map<MemberId, T> byMember(List<T> items, Function<T, MemberId> member) {
    Map<MemberId, T> out = new TreeMap<>();
    items.forEach(i -> out.putIfAbsent(member.apply(i), i));
    return out;
  }

  private static <T> void compare(List<String> problems, String what, Map<MemberId, T> derived, Map<MemberId, T> given,
      ToLongFunction<T> entry) {
    derived.forEach((m, d) -> {
      T g = given.get(m);
      if (g == null) {
        problems.add("the ledger holds " + m + "'s " + what + " at entry " + entry.applyAsLong(d)
            + ", which the transcript leaves out");
      } else if (!g.equals(d)) {
        problems.add("the transcript's " + what + " of " + m + " is not the one at entry " + entry.applyAsLong(d));
      }
    });
    given.forEach((m, g) -> {
      if (!derived.containsKey(m)) {
        problems.add("the transcript's " + what + " of " + m + " (entry " + entry.applyAsLong(g)
            + ") is not in the ledger");
      }
    });
  }
}
