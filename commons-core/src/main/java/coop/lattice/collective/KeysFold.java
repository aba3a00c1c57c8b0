package coop.lattice.collective;

import coop.lattice.InvalidKeyChangeException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.KeyEvents;
import coop.lattice.ledger.RecoveryCountersignature;

/**
 * The collective's rules for a change of its ledger's key ({@link KeyEvents}), beside the
 * signatures the ledger itself checks ({@link coop.lattice.ledger.KeyHistory}): a member records it;
 * a recovery is for the key the agreements in force adopted ({@code ledger-key}), with at least as
 * many partners' countersignatures as they ask ({@code key-recovery-countersignatures}). Keeps no
 * state: the ledger's {@code keys()} is the history.
 */
final class KeysFold implements SubFold {
  @Override
  public boolean handles(Event e) {
    return e instanceof Event.LedgerKeys;
  }

  @Override
  public void check(Step s) {
    if (s.fold().canPlace(s.author())) { // a copy cannot place a tag; the rest it checks all the same
      s.fold().membership.activeMember(s.author(), "change the ledger's key");
    }
    if (!(s.event() instanceof KeyEvents.KeyRecovered r)) {
      return;
    }
    Parameters p = s.parameters();
    String adopted = p.get(Parameter.LEDGER_KEY);
    if (!adopted.equals(r.publicKey())) {
      throw new InvalidKeyChangeException("A lost key is recovered only to the key the collective adopted, and "
          + p.describeSource(Parameter.LEDGER_KEY) + " names " + (adopted.isEmpty() ? "none" : adopted)
          + ": adopt the new key first (set ledger-key to " + r.publicKey() + " in an agreement, under its rule).");
    }
    int required = p.get(Parameter.KEY_RECOVERY_COUNTERSIGNATURES);
    long partners = r.countersignatures().stream().map(RecoveryCountersignature::witnessKey).distinct().count();
    if (partners < required) {
      throw new InvalidKeyChangeException("The recovery has " + partners + " partners' countersignatures, and "
          + p.describeSource(Parameter.KEY_RECOVERY_COUNTERSIGNATURES) + " asks for " + required
          + ": ask more partners that hold the ledger to countersign it.");
    }
  }

  @Override
  public void apply(Step s) {
    // The ledger keeps the key history; nothing else changes.
  }
}
