/**
 * The health report: group-level indicators with thresholds from agreements, each explained in
 * plain words, whose crossings become agenda items. See {@link
 * coop.lattice.health.HealthReport}; the collective computes it ({@code Collective.health}).
 */
@NullMarked
package coop.lattice.health;

import org.jspecify.annotations.NullMarked;
