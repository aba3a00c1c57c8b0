/**
 * A collective, its members and their contributions: the entry point of Lattice.
 *
 * <p>Start with {@link coop.lattice.collective.Collective#found} or {@link
 * coop.lattice.collective.Collective#open}. Commands ({@code admit}, {@code record}, {@code
 * acknowledge}, {@code correct}) become ledger entries; views ({@link
 * coop.lattice.collective.Collective#totals}, {@link coop.lattice.collective.Collective#history},
 * {@link coop.lattice.collective.Collective#publicFeed}) read the state folded from them.
 */
@NullMarked
package coop.lattice.collective;

import org.jspecify.annotations.NullMarked;
