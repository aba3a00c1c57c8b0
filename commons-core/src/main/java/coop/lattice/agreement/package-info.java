/**
 * Agreements: explicit, revisitable, and actually in charge.
 *
 * <p>{@link coop.lattice.agreement.AgreementTerms} is what an agreement says, with a required
 * review date; {@link coop.lattice.agreement.DecisionRule} how it changes; {@link
 * coop.lattice.agreement.Parameter} the typed settings other features read from agreements in
 * force, through {@link coop.lattice.agreement.Parameters}. {@link
 * coop.lattice.agreement.Decisions} is the pure outcome of each rule. Proposals, responses and
 * decisions are ledger entries; the collective keeps their state (see {@code
 * Collective.agreements()}).
 */
@NullMarked
package coop.lattice.agreement;

import org.jspecify.annotations.NullMarked;
