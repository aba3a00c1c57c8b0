/**
 * A collective, its members, their contributions and their agreements: the entry point of
 * Lattice.
 *
 * <p>Start with {@link coop.lattice.collective.Collective#found} or {@link
 * coop.lattice.collective.Collective#open}. Commands ({@code admit}, {@code record}, {@code
 * acknowledge}, {@code correct}, {@code proposeAgreement}, {@code respond}, {@code decide},
 * {@code accept}) become ledger entries; views ({@link coop.lattice.collective.Collective#totals},
 * {@link coop.lattice.collective.Collective#history}, {@link
 * coop.lattice.collective.Collective#publicFeed}, {@link
 * coop.lattice.collective.Collective#decisions}, {@link
 * coop.lattice.collective.Collective#agenda}) read the state folded from them. The records
 * returned ({@link coop.lattice.collective.ContributionRecord}, {@link
 * coop.lattice.collective.ProposalRecord}, {@link coop.lattice.collective.DecisionRecord}, {@link
 * coop.lattice.collective.AgreementRecord}) are immutable.
 */
@NullMarked
package coop.lattice.collective;

import org.jspecify.annotations.NullMarked;
