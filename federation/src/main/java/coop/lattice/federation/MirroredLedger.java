package coop.lattice.federation;

import coop.lattice.agreement.Parameters;
import coop.lattice.collective.CollectiveState;
import coop.lattice.collective.Replica;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.ConsistencyProof;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.InclusionProof;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A node's copy of a partner's ledger, read-only ({@code FederationNode.mirror}): its entries as
 * the partner signed them, proofs that an entry is in it or that one size extends another, the
 * state they fold to, and that state's canonical digest ({@link CollectiveState#digest()}), to
 * compare with another copy without sending it. Live: entries the partner pushes extend the copy
 * between pulls, so every call reads the copy as it is then; {@link #verified()} is the newest
 * signed checkpoint it was checked against, and entries past it are checked by link and rules but
 * not yet by a signature. The copy is kept on disk under the node's {@code mirrors/} and read back
 * after a restart. Thread-safe.
 */
public interface MirroredLedger {
  /** How many entries the copy holds. */
  long size();

  /** The newest checkpoint of the partner's that the copy was verified against, if one was. */
  Optional<SignedCheckpoint> verified();

  /** Entry {@code index}. */
  Entry entry(long index);

  /** The canonical bytes of entry {@code index}, as the partner's ledger holds and hashes them. */
  byte[] entryBytes(long index);

  /** The Merkle root of the copy's first {@code size} entries. */
  Hash root(long size);

  /** A proof that entry {@code index} is in the copy's first {@code size} entries (RFC 9162). */
  InclusionProof inclusionProof(long index, long size);

  /** A proof that the copy's first {@code size2} entries extend its first {@code size1} (RFC 9162). */
  ConsistencyProof consistencyProof(long size1, long size2);

  /** The state the copy's entries fold to; members as the ledger names them. */
  CollectiveState state();

  /** The parameters the partner's agreements in force set at {@code at}, as its ledger in the copy says. */
  Parameters parameters(Instant at);

  /** {@link #state()}'s canonical digest. */
  default Hash digest() {
    return state().digest();
  }

  /** Entries a newer version of Lattice wrote, held verified but not folded ({@link Replica#unread()}). */
  List<Replica.Unread> unread();
}
