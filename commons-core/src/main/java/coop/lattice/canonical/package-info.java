/**
 * RFC 8785 JSON Canonicalization Scheme: the same value always gives the same bytes.
 *
 * <p>Every ledger entry and every signed checkpoint is hashed and signed over these bytes, so any
 * node computes the same hash for the same entry. {@link coop.lattice.canonical.CanonicalJson}
 * encodes plain values; {@link coop.lattice.canonical.CanonicalWriter} streams them and refuses
 * anything that would not be canonical.
 *
 * <p>Lattice's own documents carry integers within the IEEE 754 safe range and decimal strings,
 * never fractions ({@link coop.lattice.canonical.CanonicalJson#encode(Object)}). Documents from
 * elsewhere, such as another server's activity whose proof is checked, may carry any JSON number:
 * {@link coop.lattice.canonical.CanonicalJson#encodeForeign(Object)} reads them as IEEE 754
 * doubles and writes them as ECMAScript's {@code Number::toString} does, as RFC 8785 requires,
 * with {@link coop.lattice.canonical.EcmaScriptNumbers}.
 */
@NullMarked
package coop.lattice.canonical;

import org.jspecify.annotations.NullMarked;
