/**
 * Mechanics shared across Lattice's packages. Not exported from the module and not supported for
 * use outside Lattice: anything here may change without notice.
 */
@NullMarked
package coop.lattice.internal;

import org.jspecify.annotations.NullMarked;
