package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Response;
import java.time.Instant;
import java.util.Map;

/**
 * The public record of a decision: the criteria, who could take part, the responses that stood,
 * the outcome and a note. Readable by everyone in the collective.
 *
 * @param proposal the entry of the proposal
 * @param rule the criteria it was decided by
 * @param eligible how many members could take part
 * @param standing each participant's standing response when it was decided
 * @param outcome adopted, not adopted, or withdrawn
 * @param note the public note
 * @param decided when
 * @param decidedBy who recorded the decision
 * @param entry the ledger entry of the decision
 */
public record DecisionRecord(long proposal, DecisionRule rule, int eligible, Map<MemberId, Response> standing,
    Outcome outcome, String note, Instant decided, MemberId decidedBy, long entry) {
  public DecisionRecord {
    standing = Map.copyOf(standing);
  }
}
