/**
 * The open ledger: immutable {@link coop.lattice.ledger.Entry entries} of {@link
 * coop.lattice.ledger.Event events}, in canonical bytes, in a Merkle tree, under signed
 * checkpoints.
 *
 * <p>Start with {@link coop.lattice.ledger.Ledger}. The events and the values they carry ({@link
 * coop.lattice.MemberId}, {@link coop.lattice.ledger.Contribution}, {@link
 * coop.lattice.ledger.Quantity}, {@link coop.lattice.ledger.Appearance}) are the ledger's
 * vocabulary; keys are {@link coop.lattice.ledger.CollectiveKey} (signing) and {@link
 * coop.lattice.ledger.VerificationKey} (checking).
 */
@NullMarked
package coop.lattice.ledger;

import org.jspecify.annotations.NullMarked;

