/**
 * Cycles of intensity and rest: {@link coop.lattice.cycle.Campaign}s of phases, closed by a
 * {@link coop.lattice.cycle.Debrief}. Plans cap hours in intense phases and assign nobody in rest
 * phases unless they opt in; {@code Collective.campaigns().burnoutWarnings} is the guard. Campaigns,
 * opt-ins and debriefs are ledger entries: start with {@code Collective.campaigns().start}.
 */
@NullMarked
package coop.lattice.cycle;

import org.jspecify.annotations.NullMarked;
