/**
 * Visibility without surveillance: what a collective keeps for itself and never publishes.
 *
 * <ul>
 *   <li>{@link coop.lattice.privacy.Pseudonyms}: how members appear on the open ledger: a handle
 *       (stable within one collective, unlinkable across collectives) for those who appear by name
 *       or pseudonym, a tag different in every entry for those who appear only in aggregates, and
 *       a salted seal for every appearance;
 *   <li>{@link coop.lattice.privacy.Vault}: encryption at rest (AES-256-GCM) for the files a
 *       collective keeps beside its ledger in its store's {@link coop.lattice.store.PrivateArea}
 *       (its members' profiles, its sealed aid claims), under a key derived from the collective
 *       key the operator already holds.
 * </ul>
 *
 * <p>The collective's side of the boundary (its profiles, the rewriting of commands into what the
 * ledger records and back, forgetting, migration) is in {@code coop.lattice.collective}.
 *
 * <p>What leaves a collective, to whom, and what a follower can and cannot learn is written down
 * once in {@code docs/privacy.md}.
 */
@NullMarked
package coop.lattice.privacy;

import org.jspecify.annotations.NullMarked;
