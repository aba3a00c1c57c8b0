package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.exchange.FundId;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.util.List;

/**
 * A claim on a mutual aid fund as the open ledger shows it: the amount, the seal of the details,
 * who filed it (the claimant, or a steward on their behalf) and the stewards' decisions. In
 * ValueFlows terms a {@code vf:Claim}, settled by the payout.
 *
 * @param entry the entry that filed it: its reference
 * @param fund the fund
 * @param quantity how much it asks for
 * @param sealed the hash of the salted details
 * @param filedBy who filed it
 * @param filed when
 * @param decideBy by when the stewards should decide, as the agreement in force at filing said
 * @param approvals the stewards who approved it, in order
 * @param status where it stands
 */
public record ClaimRecord(long entry, FundId fund, Quantity quantity, Hash sealed, MemberId filedBy, Instant filed,
    Instant decideBy, List<MemberId> approvals, Status status) {
  public ClaimRecord {
    approvals = List.copyOf(approvals);
  }

  public enum Status {
    /** Waiting for approvals. */
    OPEN,
    /** Approved by as many stewards as the agreement asks; waiting to be paid. */
    APPROVED,
    /** Declined by a steward. */
    DECLINED,
    /** Paid out. */
    PAID
  }

  ClaimRecord with(List<MemberId> approvals, Status status) {
    return new ClaimRecord(entry, fund, quantity, sealed, filedBy, filed, decideBy, approvals, status);
  }
}
