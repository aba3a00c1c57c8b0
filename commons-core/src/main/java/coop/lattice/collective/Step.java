package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link SubFold} is handed: one command to check or one entry to apply, and the fold it
 * meets. A command's sequence and time are the ones its entry gets, so one step serves both when
 * a stored entry is replayed.
 *
 * @param fold the whole fold, for what other parts keep (members, the parameters in force)
 * @param collective the collective; null only while its founding command is checked
 * @param sequence the entry's position in the ledger
 * @param time when it is recorded
 * @param author the member who records it
 * @param event what happens
 * @param ledger the ledger a new command will join, for the rules that read it (a lottery's anchor
 *     root); null when a stored entry is replayed, whose ledger checked it when it was a command
 */
record Step(Fold fold, @Nullable CollectiveId collective, long sequence, Instant time, MemberId author, Event event,
    @Nullable Ledger ledger) {
  static Step of(Fold fold, Entry e) {
    return new Step(fold, e.collective(), e.sequence(), e.time(), e.author(), e.event(), null);
  }

  /** True for a new command, false for a stored entry being replayed. */
  boolean isCommand() {
    return ledger != null;
  }

  /** The parameters the agreements in force set at this step's time. */
  Parameters parameters() {
    return fold.governance.parameters(time);
  }
}
