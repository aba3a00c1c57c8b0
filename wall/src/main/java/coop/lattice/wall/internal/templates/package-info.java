/**
 * Unsupported: the wall's templates ({@code src/main/jte}), compiled to Java by jte's Maven plugin
 * at build time into this package. {@code internal.Pages} renders them by name. Not exported;
 * opened to jte's runtime only.
 */
@NullMarked
package coop.lattice.wall.internal.templates;

import org.jspecify.annotations.NullMarked;
