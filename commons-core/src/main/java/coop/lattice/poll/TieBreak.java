package coop.lattice.poll;

import coop.lattice.internal.SeededDraws;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which a poll's seed breaks ties: a shuffle of the options, taken in the order of
 * their names (so not in the order the poll lists them), driven by SHA-256 of the seed in counter
 * mode ({@link SeededDraws}, as a lottery's draw is). When options are tied, the one the shuffle
 * puts first goes ahead, and in instant-runoff the one it puts last is eliminated. Nothing else
 * goes in: not the ballots, not their order.
 */
final class TieBreak {
  /** The domain tag of the seed's derivation. */
  static final String PROCEDURE = "lattice-poll-v1/tie-break";

  private final Map<String, Integer> places = new HashMap<>();

  private TieBreak(List<String> shuffled) {
    for (int i = 0; i < shuffled.size(); i++) {
      places.put(shuffled.get(i), i);
    }
  }

  static TieBreak of(long seed, Collection<String> options) {
    List<String> byName = new ArrayList<>(options);
    byName.sort(null);
    MessageDigest md = SeededDraws.sha256();
    SeededDraws.field(md, PROCEDURE);
    SeededDraws.field(md, Long.toString(seed));
    SeededDraws.field(md, "options/" + byName.size());
    return new TieBreak(new SeededDraws(md.digest()).shuffle(byName, byName.size()));
  }

  /** Where the seed puts {@code option}: 0 goes ahead of every other. */
  int place(String option) {
    return places.get(option);
  }
}
