/**
 * RFC 9162 Merkle trees: what makes a collective's ledger tamper-evident.
 *
 * <p>{@link coop.lattice.merkle.MerkleTree} holds the tree and produces {@link
 * coop.lattice.merkle.InclusionProof}s (this entry is in the ledger) and {@link
 * coop.lattice.merkle.ConsistencyProof}s (this ledger only grew; nothing was rewritten). {@link
 * coop.lattice.merkle.MerkleVerifier} checks proofs that arrive as raw bytes from elsewhere.
 */
@NullMarked
package coop.lattice.merkle;

import org.jspecify.annotations.NullMarked;
