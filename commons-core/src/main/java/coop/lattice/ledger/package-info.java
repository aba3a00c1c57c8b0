/**
 * The open ledger: immutable {@link coop.lattice.ledger.Entry entries} of {@link
 * coop.lattice.ledger.Event events}, in canonical bytes, in a Merkle tree, under signed
 * checkpoints.
 *
 * <p>Start with {@link coop.lattice.ledger.Ledger}. The events are the ledger's vocabulary. The
 * values that membership and contributions carry live here ({@link
 * coop.lattice.ledger.Contribution}, {@link coop.lattice.ledger.Appearance}); the values of every
 * other feature live with it (agreement, rotation, circle, cycle, exchange), and those every
 * feature shares in {@link coop.lattice} ({@link coop.lattice.MemberId}, {@link
 * coop.lattice.Quantity}). Keys are {@link coop.lattice.ledger.CollectiveKey} (signing), {@link
 * coop.lattice.ledger.VerificationKey} (checking) and {@link coop.lattice.ledger.CollectiveSecret}
 * (the private side, which never rotates); {@link coop.lattice.ledger.KeyHistory} says which key signs
 * the checkpoints of each size, from the changes of key a ledger records ({@link
 * coop.lattice.ledger.KeyEvents}: a rotation, a recovery with partners' {@link
 * coop.lattice.ledger.RecoveryCountersignature countersignatures}). {@link coop.lattice.ledger.EntryFormat} says
 * which format an entry is written in; an entry a newer version wrote is read as a {@link
 * coop.lattice.ledger.NewerEvent}, verified and never folded.
 */
@NullMarked
package coop.lattice.ledger;

import org.jspecify.annotations.NullMarked;

