package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.finance.ApprovalRoute;
import coop.lattice.finance.Expense;
import coop.lattice.finance.Money;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * An expense claim and where it stands, for the collective's own app (which knows its members'
 * ids, as every view of the collective's API does). What leaves the collective names the claimant
 * as the ledger does (a handle or a tag) or as they chose to appear ({@link
 * Finances#statement}): "a member" for one who appears only in aggregates.
 *
 * @param entry the entry that claimed it: its reference
 * @param expense what was claimed, as claimed
 * @param booked what it books as, in the account's currency
 * @param receipt the SHA-256 of its receipt
 * @param claimant who paid and is reimbursed
 * @param claimed when
 * @param route how it is approved, fixed by the agreement in force when it was claimed
 * @param rule for {@link ApprovalRoute#DECISION_RULE}: the rule of that agreement; else null
 * @param closes for {@link ApprovalRoute#DECISION_RULE}: when the window for responses closes; else null
 * @param responses the approver (as {@link Response#CONSENT}), or each response under the rule, by member
 * @param status where it stands
 * @param settledAt the entry that approved, decided or reimbursed it last; -1 while open
 */
public record ExpenseRecord(long entry, Expense expense, Money booked, Hash receipt, MemberId claimant,
    Instant claimed, ApprovalRoute route, @Nullable DecisionRule rule, @Nullable Instant closes,
    Map<MemberId, Response> responses, Status status, long settledAt) {
  public ExpenseRecord {
    responses = java.util.Collections.unmodifiableMap(new TreeMap<>(responses));
  }

  /** Where a claim stands. */
  public enum Status {
    /** Waiting for its approval or decision. */
    OPEN,
    /** Approved; waiting to be reimbursed. */
    APPROVED,
    /** Not adopted under its rule. */
    DECLINED,
    /** Reimbursed: the money left the account. */
    REIMBURSED
  }

  ExpenseRecord with(Map<MemberId, Response> responses, Status status, long settledAt) {
    return new ExpenseRecord(entry, expense, booked, receipt, claimant, claimed, route, rule, closes, responses, status,
        settledAt);
  }
}
