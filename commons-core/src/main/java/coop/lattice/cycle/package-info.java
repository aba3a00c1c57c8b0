/**
 * Cycles of intensity and rest (in progress): {@link coop.lattice.cycle.Campaign}s of phases,
 * closed by a {@link coop.lattice.cycle.Debrief}. The rotation planner caps hours in intense
 * phases and assigns nobody in rest phases unless they opt in.
 */
@NullMarked
package coop.lattice.cycle;

import org.jspecify.annotations.NullMarked;
