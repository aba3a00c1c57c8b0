package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.RoundId;
import coop.lattice.ledger.ClearingEvents;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A clearing round as this collective's ledger holds it, whether it coordinates the round or takes
 * part in it ({@link Collective#clearing()}).
 *
 * @param id the round
 * @param stage how far it got here
 * @param invited the collectives the coordinator invited (empty for a round declined here)
 * @param closes when the round closes
 * @param owes what this collective stated it owes the round's collectives (as participant), or its
 *     own debts when it prepared the round (as coordinator)
 * @param prepared the coordinator's preparation (statements and cycles), on the coordinator's ledger only
 * @param legs this collective's legs of the round's cycles: planned once prepared, provisional once
 *     committed, in effect once completed or settled, of no effect once lapsed
 * @param silent for a lapsed round, who did not answer or commit in time
 * @param entry the entry that brought the round to its stage
 */
public record ClearingRound(RoundId id, Stage stage, List<CollectiveId> invited, Instant closes, List<Debt> owes,
    ClearingEvents.@Nullable RoundPrepared prepared, List<Clearing.Leg> legs, List<CollectiveId> silent, long entry) {

  /** How far a round got on this ledger. */
  public enum Stage {
    /** Proposed by this collective, waiting for answers. */
    PROPOSED,
    /** Joined, with a statement of debts. */
    JOINED,
    /** Declined. */
    DECLINED,
    /** Prepared by this collective (its coordinator): the cycles are known. */
    PREPARED,
    /** This collective's legs are committed: provisional. */
    COMMITTED,
    /** Completed by this collective (its coordinator): its legs are in effect. */
    COMPLETED,
    /** Completed by the coordinator and settled here: this collective's legs are in effect. */
    SETTLED,
    /** Lapsed: nothing of it took effect here. */
    LAPSED;

    /** Whether the round is over on this ledger. */
    public boolean decided() {
      return this == DECLINED || this == COMPLETED || this == SETTLED || this == LAPSED;
    }
  }

  public ClearingRound {
    invited = List.copyOf(invited);
    owes = List.copyOf(owes);
    legs = List.copyOf(legs);
    silent = List.copyOf(silent);
  }

  static ClearingRound proposed(RoundId id, List<CollectiveId> invited, Instant closes, long entry) {
    return new ClearingRound(id, Stage.PROPOSED, invited, closes, List.of(), null, List.of(), List.of(), entry);
  }

  static ClearingRound answered(RoundId id, List<CollectiveId> invited, Instant closes, Stage stage, List<Debt> owes,
      long entry) {
    return new ClearingRound(id, stage, invited, closes, owes, null, List.of(), List.of(), entry);
  }

  ClearingRound prepared(ClearingEvents.RoundPrepared p, List<Clearing.Leg> planned, long at) {
    return new ClearingRound(id, Stage.PREPARED, invited, closes, p.owes(), p, planned, silent, at);
  }

  ClearingRound committed(List<Clearing.Leg> committed, long at) {
    return new ClearingRound(id, Stage.COMMITTED, invited, closes, owes, prepared, committed, silent, at);
  }

  ClearingRound decided(Stage outcome, List<CollectiveId> silentOnes, long at) {
    return new ClearingRound(id, outcome, invited, closes, owes, prepared, legs, silentOnes, at);
  }

  /** Whether this collective coordinates the round: it proposed it. */
  public boolean coordinates(CollectiveId self) {
    return id.coordinator().equals(self);
  }
}
