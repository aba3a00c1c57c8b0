/**
 * JSON-LD read offline. {@link coop.lattice.federation.rdf.LinkedData} checks or reads an inbound
 * document with the bundled contexts only (ActivityStreams, security, data integrity, multikey,
 * DID, Lattice's own and its ValueFlows context; an unknown context is an error and is never
 * fetched): through {@link coop.lattice.federation.rdf.FastPath} for the shapes the fediverse
 * mostly sends, else through Jena's reader. The fast path is proven isomorphic to Jena on a
 * corpus in the tests.
 */
@NullMarked
package coop.lattice.federation.rdf;

import org.jspecify.annotations.NullMarked;
