/**
 * Sign-ups first, rotation for the rest: activities with slots (a Saturday pickup, a repair café
 * shift, a meal) that members take voluntarily while a window is open; the fair rotation fills only
 * what nobody chose. "Responsibility is chosen, not imposed."
 *
 * <p>Start with {@link coop.lattice.signup.SignupTerms}: the round's {@link
 * coop.lattice.signup.Activity activities}, its days, when the window closes and the seed. The
 * {@link coop.lattice.signup.SignupSheet} keeps its rules: taking a slot of an {@link
 * coop.lattice.signup.Occurrence} (not a full, past or ineligible one), leaving it before the window
 * closes (it reopens; after, only a swap or a cover moves it), each member's {@link
 * coop.lattice.signup.Availability} (away days hard, rather-not days soft), and {@code fill}, which
 * hands the chosen turns to the fair rotation as {@link coop.lattice.rotation.HeldTurns}. Every
 * slot of the plan says whether it was chosen or assigned, and why ({@link
 * coop.lattice.signup.PlannedSlot}).
 *
 * <p>This package knows no ledger: the collective records the round, each sign-up and the plan as
 * entries ({@code coop.lattice.ledger.SignupEvents}) and checks them with these rules; see {@code
 * Collective.signups()} and {@code docs/signups.md}.
 */
@NullMarked
package coop.lattice.signup;

import org.jspecify.annotations.NullMarked;
