/**
 * JSON-LD read without fetching. {@link coop.lattice.federation.rdf.LinkedData} checks or reads an
 * inbound document with the contexts of {@link coop.lattice.federation.rdf.Contexts}: those
 * bundled with Lattice ({@code jsonld/contexts.tsv}) and those learned off the inbox path by
 * {@link coop.lattice.federation.rdf.ContextFetcher} and kept, pinned by hash, by {@link
 * coop.lattice.federation.rdf.ContextCache}; a document naming any other context is plain JSON
 * with no graph until it is learned. It reads through {@link
 * coop.lattice.federation.rdf.FastPath} for the shapes the fediverse mostly sends (the terms in
 * force from {@code FastContext}, each context read once), else through Jena's reader; the fast
 * path is proven isomorphic to Jena on a corpus in the tests.
 */
@NullMarked
package coop.lattice.federation.rdf;

import org.jspecify.annotations.NullMarked;
