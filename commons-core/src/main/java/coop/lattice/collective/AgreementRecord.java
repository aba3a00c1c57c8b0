package coop.lattice.collective;

import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementStatus;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.merkle.Hash;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * One adopted version of an agreement.
 *
 * @param id the agreement
 * @param version 1 for the first adoption, then one more per amendment or renewal
 * @param terms what this version says
 * @param adoptedBy how it came about: adopted, amended or renewed
 * @param adopted when the decision was recorded
 * @param proposal the entry of the proposal that led to it
 * @param decision the entry of the decision
 * @param major whether members are asked to accept it again
 * @param hash the version's hash: what an amendment names to show it amends this version
 */
public record AgreementRecord(
    AgreementId id, long version, AgreementTerms terms, ProposalKind adoptedBy, Instant adopted, long proposal,
    long decision, boolean major, Hash hash) {

  /** Where it stands at {@code when} (days count in UTC). */
  public AgreementStatus statusAt(Instant when) {
    return AgreementStatus.of(terms, when.atZone(ZoneOffset.UTC).toLocalDate());
  }
}
