/**
 * A collective's keys and the proofs made with them. {@link coop.lattice.federation.keys.ActorKeys}
 * holds an actor's RSA-2048 key (draft-cavage signatures, {@code publicKey}) and Ed25519 key (RFC
 * 9421, FEP-521a {@code assertionMethod}), stored in a file of their own; {@link
 * coop.lattice.federation.keys.ObjectProofs} signs and verifies FEP-8b32 {@code eddsa-jcs-2022}
 * object proofs over a document's exact JSON, canonicalized straight from the tree ({@code
 * JcsTree}); {@code Base58} writes and reads the multibase text of keys and proof values.
 */
@NullMarked
package coop.lattice.federation.keys;

import org.jspecify.annotations.NullMarked;
