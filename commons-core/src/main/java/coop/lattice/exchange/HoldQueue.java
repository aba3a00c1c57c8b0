package coop.lattice.exchange;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whose turn it is to borrow a popular item: stride scheduling, the rotation's default rule, over
 * loans instead of role turns. Not first come first served forever, where whoever asks most
 * often keeps the ladder.
 *
 * <p>Each member has a pass count for the item: their loans of it. A member who places a hold
 * starts at no less than the pass of the last loan made, so joining late does not buy a run of
 * turns; the next loan goes to the waiting member with the lowest pass, the earliest hold among
 * equals. A hold starts at most one above the last loan's pass, and every loan raises the
 * borrower's pass, so while a member waits each other member borrows at most twice before them:
 * whoever waits borrows within 2(n - 1) loans, n being the members who ask. Nobody starves; the
 * bound is checked in {@code HoldQueueProperties}.
 *
 * <p>Not thread-safe; the collective guards it.
 */
public final class HoldQueue {
  private final Map<MemberId, Long> pass = new HashMap<>();
  private final Map<MemberId, Long> waitingSince = new LinkedHashMap<>();
  private long lastPass;
  private long holds;

  public HoldQueue() {}

  /** {@code member} asks for the item; a second hold by the same member changes nothing. */
  public void hold(MemberId member) {
    if (waitingSince.containsKey(member)) {
      return;
    }
    pass.merge(member, lastPass, Math::max);
    waitingSince.put(member, holds++);
  }

  /** {@code member} no longer waits. */
  public void cancel(MemberId member) {
    waitingSince.remove(member);
  }

  public boolean isWaiting(MemberId member) {
    return waitingSince.containsKey(member);
  }

  /** Whose turn it is, if anyone waits. */
  public Optional<MemberId> next() {
    return waitingSince.keySet().stream().min(order());
  }

  /** The waiting members, in the order they would borrow if nobody else asked. */
  public List<MemberId> waiting() {
    List<MemberId> out = new ArrayList<>(waitingSince.keySet());
    out.sort(order());
    return List.copyOf(out);
  }

  /** {@code member} borrows the item: their hold, if any, is fulfilled and their pass goes up. */
  public void lent(MemberId member) {
    long p = pass.merge(member, lastPass, Math::max);
    lastPass = p;
    pass.put(member, p + 1);
    waitingSince.remove(member);
  }

  private Comparator<MemberId> order() {
    return Comparator.<MemberId>comparingLong(m -> pass.getOrDefault(m, 0L)).thenComparingLong(waitingSince::get);
  }
}
