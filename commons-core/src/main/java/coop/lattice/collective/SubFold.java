package coop.lattice.collective;

import coop.lattice.ledger.Event;

/**
 * One part of a collective's fold: the events it owns, the rules they must keep, and the state
 * they build. {@link Fold} hands each event to the one part that {@linkplain #handles handles} it:
 * a new event is one more case in the part it belongs to, a new part one class and one entry in
 * {@code Fold}'s list.
 *
 * <p>{@link #check} runs before anything is appended and changes nothing, so a rejected command
 * leaves no trace; {@link #apply} only ever sees steps that passed it. A part reads the others'
 * state through {@link Step#fold()} and changes only its own, with two exceptions: offers confirmed
 * in hours move time-bank balances, through {@link TimeBankFold#move}; a closed sign-up round's
 * slots join the responsibility map, through {@link RotationsFold#join}; a clearing round's legs move trade
 * balances when it completes, through {@link TradeFold#clear}. Not thread-safe: the
 * collective guards the fold.
 */
interface SubFold {
  /** Whether {@code e} is one of this part's events; it depends on the event's type only. */
  boolean handles(Event e);

  /**
   * Checks {@code s} as a command against this part's rules.
   *
   * @throws coop.lattice.RejectedCommandException saying what is wrong, if it breaks one
   */
  void check(Step s);

  /** Folds {@code s}, which passed {@link #check}, into this part's state. */
  void apply(Step s);
}
