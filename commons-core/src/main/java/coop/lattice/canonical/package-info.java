/**
 * RFC 8785 JSON Canonicalization Scheme: the same value always gives the same bytes.
 *
 * <p>Every ledger entry and every signed checkpoint is hashed and signed over these bytes, so any
 * node computes the same hash for the same entry. {@link coop.lattice.canonical.CanonicalJson}
 * encodes plain values; {@link coop.lattice.canonical.CanonicalWriter} streams them and refuses
 * anything that would not be canonical.
 */
@NullMarked
package coop.lattice.canonical;

import org.jspecify.annotations.NullMarked;
