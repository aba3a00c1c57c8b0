/**
 * A way in: applications to join that answer the collective's own questions, and the trust
 * members give newcomers. Pure rules that know no ledger; a collective's applications and trust
 * go through its ledger in {@code coop.lattice.collective.Joining} ({@code coop.joining()}).
 *
 * <ul>
 *   <li>{@link coop.lattice.joining.Question} and {@link coop.lattice.joining.Questions}: the
 *       questions an agreement sets ({@code joining-questions}), as written and parsed, and the
 *       check of an application's {@link coop.lattice.joining.Answer}s against them (the entry
 *       point for an application);
 *   <li>{@link coop.lattice.joining.TrustRule}: after how many members' trust a newcomer may do
 *       what the agreement names ({@link coop.lattice.joining.Permission}: acknowledging,
 *       proposing, stewarding), and until when a member counts as new ({@link
 *       coop.lattice.joining.NewcomerUntil}), which the rotation's newcomer guarantee follows.
 * </ul>
 *
 * <p>Trust is a count of distinct members reaching a threshold, never a score: nothing here orders
 * members. How applications are decided, what the ledger shows of an applicant and the agreement
 * parameters are in {@code docs/joining.md}.
 */
@NullMarked
package coop.lattice.joining;

import org.jspecify.annotations.NullMarked;
