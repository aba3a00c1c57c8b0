/**
 * Visibility without surveillance: what a collective keeps for itself and never publishes.
 *
 * <ul>
 *   <li>{@link coop.lattice.privacy.Vault}: encryption at rest (AES-256-GCM) for the files a
 *       collective keeps beside its ledger in its store's {@link coop.lattice.store.PrivateArea},
 *       under a key derived from the collective key the operator already holds.
 * </ul>
 *
 * <p>What leaves a collective, to whom, and what a follower can and cannot learn is written down
 * once in {@code docs/privacy.md}.
 */
@NullMarked
package coop.lattice.privacy;

import org.jspecify.annotations.NullMarked;
