package coop.lattice.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import coop.lattice.CollectiveId;
import coop.lattice.exchange.Clearing;
import coop.lattice.exchange.Debt;
import coop.lattice.exchange.RoundId;
import coop.lattice.internal.Names;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A clearing round's entries ({@link Event.ClearingRounds}), on the ledgers of the collectives it
 * touches. The coordinator proposes a round to partners; each answers on its own ledger, joining
 * with a statement of what it owes the round's collectives (its fold checks the statement against
 * its balances, so the entry proves it) or declining; the coordinator prepares the round from the
 * statements (the cycles, computed from them as {@link Clearing} computes them, so every
 * participant computes the same); each collective with a leg commits it (provisional: no balance
 * moves); once all have, the coordinator completes the round and each participant settles its
 * legs, which is when balances move; a round that does not complete within its window lapses, on
 * each ledger, naming who did not answer. Like every event, the record and component names are
 * part of the ledger format.
 */
public final class ClearingEvents {
  private ClearingEvents() {}

  /** The round {@code event}, entry {@code sequence} of {@code ledger}'s ledger, is a step of. */
  public static RoundId round(CollectiveId ledger, long sequence, Event.ClearingRounds event) {
    if (event instanceof RoundProposed) {
      return RoundId.of(ledger, sequence);
    } else if (event instanceof RoundPrepared p) {
      return RoundId.of(ledger, p.proposal());
    } else if (event instanceof RoundCompleted c) {
      return RoundId.of(ledger, c.proposal());
    } else if (event instanceof RoundJoined j) {
      return j.round();
    } else if (event instanceof RoundDeclined d) {
      return d.round();
    } else if (event instanceof RoundCommitted c) {
      return c.round();
    } else if (event instanceof RoundSettled s) {
      return s.round();
    }
    return ((RoundLapsed) event).round();
  }

  /**
   * The author's collective proposes a clearing round to {@code invited}, its partners; answers,
   * commitments and completion are due before {@code closes}. The round is known by this entry
   * ({@link RoundId}).
   */
  public record RoundProposed(List<CollectiveId> invited, Instant closes) implements Event.ClearingRounds {
    public RoundProposed {
      invited = List.copyOf(invited);
      checkArgument(!invited.isEmpty(), "a clearing round invites at least one partner");
    }
  }

  /**
   * The collective joins {@code round}, which invited {@code invited} until {@code closes}, and
   * states what it {@code owes} each of the round's other collectives now, as its balances stand.
   */
  public record RoundJoined(RoundId round, List<CollectiveId> invited, Instant closes, List<Debt> owes)
      implements Event.ClearingRounds {
    public RoundJoined {
      invited = List.copyOf(invited);
      owes = List.copyOf(owes);
    }
  }

  /** The collective declines {@code round}, saying why (for example: no agreement of its lets it join rounds). */
  public record RoundDeclined(RoundId round, String reason) implements Event.ClearingRounds {
    public RoundDeclined {
      Names.text("a reason", reason, 500);
    }
  }

  /**
   * What one collective stated for a round: its {@link RoundJoined} entry on its own ledger, that
   * entry's leaf hash, and the debts it stated.
   */
  public record Statement(CollectiveId collective, long entry, Hash leaf, List<Debt> owes) {
    public Statement {
      owes = List.copyOf(owes);
    }
  }

  /**
   * The coordinator prepares its round (proposed at entry {@code proposal}): the statements of the
   * collectives that joined, its own debts now ({@code owes}), and the cycles that clearing the
   * debts among them finds. Every participant computes the same cycles from the same statements.
   */
  public record RoundPrepared(long proposal, List<Statement> statements, List<Debt> owes, List<Clearing.Cycle> cycles)
      implements Event.ClearingRounds {
    public RoundPrepared {
      statements = List.copyOf(statements);
      owes = List.copyOf(owes);
      cycles = List.copyOf(cycles);
    }

    /** {@code collective}'s legs of the prepared cycles: derived, not written on the ledger. */
    public List<Clearing.Leg> legsFor(CollectiveId collective) {
      return new Clearing.Result(cycles, List.of()).legsFor(collective);
    }

    /** The collectives with a leg in the prepared cycles, in name order: derived, not written on the ledger. */
    public SortedSet<CollectiveId> withLegs() {
      SortedSet<CollectiveId> out = new TreeSet<>(Comparator.comparing(CollectiveId::value));
      cycles.forEach(c -> out.addAll(c.collectives()));
      return out;
    }
  }

  /**
   * The collective commits its legs of {@code round}'s cycles, as the coordinator's prepared entry
   * (whose leaf hash is {@code prepared}) gives them: provisional until the round completes.
   */
  public record RoundCommitted(RoundId round, Hash prepared, List<Clearing.Leg> legs) implements Event.ClearingRounds {
    public RoundCommitted {
      legs = List.copyOf(legs);
    }
  }

  /** A collective's commitment to a round: its {@link RoundCommitted} entry on its own ledger. */
  public record Commitment(CollectiveId collective, long entry) {}

  /**
   * The coordinator completes its round (proposed at entry {@code proposal}): every collective with
   * a leg committed it ({@code commitments}). The coordinator's own legs take effect.
   */
  public record RoundCompleted(long proposal, List<Commitment> commitments) implements Event.ClearingRounds {
    public RoundCompleted {
      commitments = List.copyOf(commitments);
    }
  }

  /** The collective's committed legs of {@code round} take effect: the coordinator completed it at its entry {@code completed}. */
  public record RoundSettled(RoundId round, long completed) implements Event.ClearingRounds {}

  /**
   * {@code round} lapses on this ledger: nothing it committed takes effect. {@code silent} names the
   * collectives that did not answer or commit in time, {@code why} says what happened; {@code
   * following} is the coordinator's lapse entry a participant follows (which it may do before the
   * round closes), or 0 for a lapse of this collective's own.
   */
  public record RoundLapsed(RoundId round, List<CollectiveId> silent, String why, long following)
      implements Event.ClearingRounds {
    public RoundLapsed {
      silent = List.copyOf(silent);
      Names.text("why a round lapsed", why, 500);
    }
  }
}
