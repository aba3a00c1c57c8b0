/**
 * Constrained draws (sortition): a panel drawn by lot that meets quotas over a few features, as
 * citizens' assemblies use them ("at least 2 of the 6 from each neighbourhood").
 *
 * <p>Start with {@link coop.lattice.sortition.PanelRequest} (the {@link
 * coop.lattice.sortition.Candidate}s with their features, the {@link coop.lattice.sortition.Quota}s
 * and the number of seats), then {@link coop.lattice.sortition.Sortition#maximin} or {@link
 * coop.lattice.sortition.Sortition#leximin} for the {@link coop.lattice.sortition.PanelDistribution}
 * (a distribution over quota-feasible panels with each candidate's exact probability and a
 * certified bound on how far the smallest is from the best possible), then {@link
 * coop.lattice.sortition.Sortition#draw} with a seed from the lottery's commit and reveal, and
 * {@link coop.lattice.sortition.Sortition#verify} on the {@link
 * coop.lattice.sortition.Sortition.Transcript}.
 *
 * <p>Unlike a panel drawn person by person ("pick the group furthest behind its quota, then
 * anyone in it"), which can leave some candidates almost no chance, the distribution maximises
 * the smallest selection probability (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021).
 * Inside: {@code Cells} groups candidates with the same features, {@code Master} is the column
 * generation over ojAlgo's LP solver, {@code PanelSearch} the exact branch and bound that finds
 * the best quota-feasible panel for given weights and proves the bounds that are published.
 */
@NullMarked
package coop.lattice.sortition;

import org.jspecify.annotations.NullMarked;
