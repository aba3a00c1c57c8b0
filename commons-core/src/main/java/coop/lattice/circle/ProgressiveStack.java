package coop.lattice.circle;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The queue of a circle meeting: whoever has not spoken yet goes first, then whoever has spoken
 * least, each group in the order hands went up. Unlike a first-come queue, nobody speaks twice
 * while someone else waits for a first turn. Not thread-safe: the keeper runs it.
 */
public final class ProgressiveStack {
  private final Set<MemberId> waiting = new LinkedHashSet<>();
  private final Map<MemberId, Long> spoken = new HashMap<>();

  /** An empty queue for a new meeting. */
  public ProgressiveStack() {}

  /** {@code member} raises their hand (again); raising twice keeps their place. */
  public void raise(MemberId member) {
    waiting.add(member);
  }

  /** {@code member} lowers their hand. */
  public void lower(MemberId member) {
    waiting.remove(member);
  }

  /** Who speaks next: the waiting member who has spoken least (none first), earliest hand first. */
  public Optional<MemberId> next() {
    MemberId best = null;
    long least = Long.MAX_VALUE;
    for (MemberId m : waiting) {
      long s = spoken.getOrDefault(m, -1L); // -1: never spoken, ahead of anyone who has
      if (s < least) {
        least = s;
        best = m;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Records that {@code member} spoke (or passed, with 0 seconds) and takes them off the queue. */
  public void spoke(MemberId member, long seconds) {
    spoken.merge(member, seconds, Long::sum);
    waiting.remove(member);
  }

  /** Members waiting, in the order they would be called. */
  public List<MemberId> queue() {
    List<MemberId> out = new ArrayList<>(waiting);
    out.sort((a, b) -> Long.compare(spoken.getOrDefault(a, -1L), spoken.getOrDefault(b, -1L)));
    return out; // List.sort is stable: equal time keeps the order hands went up
  }
}
