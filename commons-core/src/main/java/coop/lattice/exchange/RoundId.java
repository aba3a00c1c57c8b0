package coop.lattice.exchange;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;

/**
 * A clearing round's one identity, the same on every ledger it touches: the collective that
 * proposed it (and coordinates it) and the sequence number of its proposal on that collective's
 * ledger. Written {@code <collective>/<entry>}, as in {@code riverside-food/31}; the cycles it
 * clears are named from it ({@link #clearingId}).
 *
 * @param coordinator the collective that proposed the round
 * @param entry the sequence number of the proposal on the coordinator's ledger (1 or more)
 */
public record RoundId(CollectiveId coordinator, long entry) {
  public RoundId {
    checkArgument(entry > 0, "a round is proposed at entry 1 or later of its ledger; got entry %s", entry);
  }

  public static RoundId of(CollectiveId coordinator, long entry) {
    return new RoundId(coordinator, entry);
  }

  /**
   * The round written as {@link #toString} writes it, {@code <collective>/<entry>}; throws {@link
   * IllegalArgumentException}, saying what was wrong, for anything else.
   */
  public static RoundId parse(String text) {
    EntryRef ref = EntryRef.parse(text, "a clearing round", "riverside-food/31");
    return new RoundId(ref.collective(), ref.entry());
  }

  /**
   * The name the round's cycles are given ({@link Clearing#clear}; cycle {@code n} is this, then
   * {@code -n}): {@code <collective>-r<entry>}, or {@code r<entry>} for a collective whose name
   * would make it too long. Cycles are kept per round, so the name needs no more.
   */
  public String clearingId() {
    String named = coordinator.value() + "-r" + entry;
    return named.length() <= 56 ? named : "r" + entry;
  }

  @Override
  public String toString() {
    return coordinator + "/" + entry;
  }
}
