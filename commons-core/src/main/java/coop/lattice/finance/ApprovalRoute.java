package coop.lattice.finance;

import java.math.BigDecimal;

/**
 * How an expense claim is approved, by its size against the threshold the agreement in force sets
 * ({@code finance-approval-threshold}, in the account's currency): up to and including the
 * threshold, one member other than the claimant approves it; above it, the members decide it under
 * the decision rule of that agreement (consent, consensus, majority or advice). The claimant never
 * approves their own claim, by either route.
 */
public enum ApprovalRoute {
  /** One member other than the claimant approves. */
  ONE_OTHER_MEMBER,
  /** The members other than the claimant decide under the agreement's decision rule. */
  DECISION_RULE;

  /** The route for a claim that books as {@code booked}, under {@code threshold}. */
  public static ApprovalRoute of(Money booked, BigDecimal threshold) {
    return booked.amount().compareTo(threshold) <= 0 ? ONE_OTHER_MEMBER : DECISION_RULE;
  }
}
