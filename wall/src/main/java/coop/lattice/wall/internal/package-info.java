/**
 * Unsupported: the wall's mechanics, public only because the precompiled templates (in {@code
 * templates}, generated at build time) read them. Start at {@code Pages}: for each page a view
 * ({@code HomeView}, {@code MapView}, {@code LedgerView}, {@code SovereigntyView} with its {@code
 * Chart}s, {@code LatticeView}, {@code HealthView}, {@code LotteriesView}) built from the
 * collective's state, then one template. Members reach a page only through {@code Shown}, which
 * honours how each chose to appear; sentences, dates and numbers through {@code Words}. The
 * calendar feeds are {@code Calendars}. Not exported.
 */
@NullMarked
package coop.lattice.wall.internal;

import org.jspecify.annotations.NullMarked;
