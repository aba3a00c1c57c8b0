package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A proposal and its whole trail.
 *
 * @param entry the ledger entry that made it: its reference
 * @param proposer who made it
 * @param kind adopt, amend or renew
 * @param terms the terms as currently proposed
 * @param amends the hash of the version it amends or renews, null for a new agreement
 * @param major whether members will be asked to accept the new version
 * @param note the proposer's note
 * @param affected who an advice process must hear
 * @param rule the rule it is decided by
 * @param revision how many times it was revised
 * @param opened when its current window opened (the proposal or its latest revision)
 * @param standing each member's standing response to the current revision
 * @param trail every response ever given, with how it was resolved
 * @param decision the decision, or null while open
 */
public record ProposalRecord(long entry, MemberId proposer, ProposalKind kind, AgreementTerms terms,
    @Nullable Hash amends, boolean major, String note, List<MemberId> affected, DecisionRule rule, int revision,
    Instant opened, Map<MemberId, Response> standing, List<ResponseRecord> trail, @Nullable DecisionRecord decision) {

  public ProposalRecord {
    affected = List.copyOf(affected);
    standing = Map.copyOf(standing);
    trail = List.copyOf(trail);
  }

  public boolean open() {
    return decision == null;
  }

  /** When members can no longer respond to the current revision. */
  public Instant closes() {
    return opened.plus(rule.window());
  }
}
