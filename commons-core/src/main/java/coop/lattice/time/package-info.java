/**
 * Time as a collective reads it. Every command is stamped with the {@link java.time.Clock} the
 * collective was given when it was founded or opened, and nothing in the core reads the system
 * time by itself, so a deterministic clock makes a whole ledger reproducible.
 *
 * <p>{@link coop.lattice.time.SteppingClock} is that clock: a fixed start and a fixed step per
 * reading, with jumps ahead. Lattice's own tests run on it, and so can an application's (the
 * testkit offers it under its own name too).
 */
@NullMarked
package coop.lattice.time;

import org.jspecify.annotations.NullMarked;
