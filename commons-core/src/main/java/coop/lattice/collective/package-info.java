/**
 * A collective, its members, their contributions, agreements, rotations, circles, campaigns and
 * exchanges: the entry point of Lattice.
 *
 * <p>Start with {@link coop.lattice.collective.Collective#found} or {@link
 * coop.lattice.collective.Collective#open}. Commands ({@code admit}, {@code record}, {@code
 * acknowledge}, {@code correct}) become ledger entries; views ({@link
 * coop.lattice.collective.Collective#totals}, {@link coop.lattice.collective.Collective#history},
 * {@link coop.lattice.collective.Collective#publicFeed}, {@link
 * coop.lattice.collective.Collective#agenda}) read the state folded from them. Each practice has a
 * facade reached from the collective, whose commands are entries too: its agreements ({@link
 * coop.lattice.collective.Agreements}: proposals, responses, decisions, acceptances, the
 * parameters in force), its responsibility map ({@link coop.lattice.collective.Rotations}: fair
 * plans, hand-overs), its campaign cycles ({@link coop.lattice.collective.Campaigns}) and its
 * restorative circles ({@link coop.lattice.collective.Circles}). So does each exchange: {@link
 * coop.lattice.collective.TimeBank}, {@link
 * coop.lattice.collective.Offers}, {@link coop.lattice.collective.Trade}, {@link
 * coop.lattice.collective.AidFund} and {@link coop.lattice.collective.ToolLibrary}; so do its
 * lotteries ({@link coop.lattice.collective.Lotteries}), its polls ({@link
 * coop.lattice.collective.Polls}: a dot vote, instant-runoff, Schulze, score voting, a time poll,
 * open or secret), its open finances ({@link coop.lattice.collective.Finances}: accounts, income,
 * expense claims with receipts, approvals, reimbursements, a budget per month), its way in ({@link
 * coop.lattice.collective.Joining}: applications to join answering its questions, and the trust
 * members give newcomers), its sign-up rounds ({@link coop.lattice.collective.Signups}: slots
 * members take, the fair rotation filling the rest), what the open ledger says of its members
 * ({@link coop.lattice.collective.Privacy}) and the key that signs its ledger ({@link
 * coop.lattice.collective.LedgerKeys}: rotated, or recovered with partners when lost). {@link coop.lattice.collective.Migration}
 * converts a ledger written before members appeared as handles. A {@link
 * coop.lattice.collective.Replica} folds another collective's entries, read-only; {@link
 * coop.lattice.collective.CollectiveState} is the whole state as one value. The records returned
 * ({@link coop.lattice.collective.ContributionRecord}, {@link
 * coop.lattice.collective.ProposalRecord}, {@link coop.lattice.collective.DecisionRecord}, {@link
 * coop.lattice.collective.AgreementRecord}, and the exchanges' records) are immutable.
 *
 * <p>Inside, the state is one fold over the entries ({@code Fold}) made of parts, each owning its
 * events, their rules and the state they build ({@code SubFold}): {@code Membership} (founding,
 * members, contributions), {@code Governance}, {@code RotationsFold}, {@code CirclesFold}, {@code
 * CampaignsFold}, and one per exchange facade, named after it ({@code TimeBankFold}, {@code
 * OffersFold}, {@code TradeFold}, {@code AidFundFold}, {@code ToolLibraryFold}, {@code
 * LotteriesFold}, {@code PollsFold}, {@code FinancesFold} with {@code ExpenseApprovals}, {@code
 * JoiningFold}, {@code SignupsFold}, {@code ClearingFold}, and {@code KeysFold} for the rules of a
 * change of the ledger's key; {@code Trust} reads newcomer trust for the parts whose commands
 * wait for it). To find a rule, read the part that owns the event. {@code
 * Health}, {@code Agenda}, the burnout guard ({@code CampaignsFold.burnoutWarnings}) and the wall's
 * feed and totals ({@code WallViews}) read the fold for their reports.
 *
 * <p>Between the fold and the open ledger sits one boundary, {@code Pseudonymizer}: commands are
 * checked and folded with the app's member ids, and go on the ledger with members as handles or
 * tags and appearances as seals; entries read back are resolved to the commands they were. What
 * it needs is private and encrypted beside the ledger: {@code Profiles} (who each handle is, how
 * they appear), {@code SealedClaims} (who filed an aid claim and why), {@code SecretBallots} (a
 * secret poll's ballots), {@code Receipts} (expense claims' receipts, whose SHA-256 is on the
 * ledger) and the {@link coop.lattice.collective.SealedApplication}s (who applied to join, and
 * their answers). See {@code docs/privacy.md}, {@code docs/deciding.md}, {@code docs/finances.md},
 * {@code docs/joining.md} and {@code docs/signups.md}.
 */
@NullMarked
package coop.lattice.collective;

import org.jspecify.annotations.NullMarked;
