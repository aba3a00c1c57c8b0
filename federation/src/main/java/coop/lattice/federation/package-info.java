/**
 * The ActivityPub node (to come): each collective a {@code Group} actor with WebFinger, inbox,
 * outbox and followers; HTTP signatures; durable delivery; ledger mirroring with consistency
 * proofs; ValueFlows RDF through Jena.
 *
 * <p>Like any embedding application, this module sees only the public API of {@code
 * commons-core}: an inbox activity becomes a {@code Collective.submit} call, and new entries
 * reach it through {@code Collective.onEntry}.
 */
@NullMarked
package coop.lattice.federation;

import org.jspecify.annotations.NullMarked;
