/**
 * Test fixtures shared with other modules' tests (the wall's test jar holds only this package):
 * {@link coop.lattice.wall.seed.WallSeed}, a seeded collective with a payload in every text a
 * member writes.
 */
@NullMarked
package coop.lattice.wall.seed;

import org.jspecify.annotations.NullMarked;
