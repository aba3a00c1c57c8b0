/**
 * A collective, its members, their contributions, agreements, rotations, circles, campaigns and
 * exchanges: the entry point of Lattice.
 *
 * <p>Start with {@link coop.lattice.collective.Collective#found} or {@link
 * coop.lattice.collective.Collective#open}. Commands ({@code admit}, {@code record}, {@code
 * acknowledge}, {@code correct}, {@code proposeAgreement}, {@code respond}, {@code decide},
 * {@code accept}) become ledger entries; views ({@link coop.lattice.collective.Collective#totals},
 * {@link coop.lattice.collective.Collective#history}, {@link
 * coop.lattice.collective.Collective#publicFeed}, {@link
 * coop.lattice.collective.Collective#decisions}, {@link
 * coop.lattice.collective.Collective#agenda}) read the state folded from them. Each exchange has
 * a facade reached from the collective: {@link coop.lattice.collective.TimeBank}, {@link
 * coop.lattice.collective.Offers}, {@link coop.lattice.collective.Trade}, {@link
 * coop.lattice.collective.AidFund} and {@link coop.lattice.collective.ToolLibrary}. A {@link
 * coop.lattice.collective.Replica} folds another collective's entries, read-only; {@link
 * coop.lattice.collective.CollectiveState} is the whole state as one value. The records returned
 * ({@link coop.lattice.collective.ContributionRecord}, {@link
 * coop.lattice.collective.ProposalRecord}, {@link coop.lattice.collective.DecisionRecord}, {@link
 * coop.lattice.collective.AgreementRecord}, and the exchanges' records) are immutable.
 *
 * <p>Inside, the state is one fold over the entries ({@code Fold}) made of parts, each owning its
 * events, their rules and the state they build ({@code SubFold}): {@code Membership} (founding,
 * members, contributions), {@code Governance}, {@code Rotations}, {@code Circles}, {@code
 * Campaigns}, and one per exchange facade, named after it ({@code TimeBankFold}, {@code
 * OffersFold}, {@code TradeFold}, {@code AidFundFold}, {@code ToolLibraryFold}). To find a rule,
 * read the part that owns the event. {@code Health}, {@code Agenda} and the burnout guard ({@code
 * Campaigns.burnoutWarnings}) read the fold for their reports.
 */
@NullMarked
package coop.lattice.collective;

import org.jspecify.annotations.NullMarked;
