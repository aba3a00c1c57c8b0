/**
 * The node an application runs: {@link coop.lattice.federation.node.FederationNode}. Build it with
 * the collectives it hosts, start it on a port, and give it commands (follow, look up, publish a
 * checkpoint, rotate keys, link and mirror partners, replay a dead letter). It wires the
 * packages that do the work (routes, inbox, social, outbox, mirror, hosting) and holds no
 * protocol logic of its own; nothing in those packages depends on it.
 */
@NullMarked
package coop.lattice.federation.node;

import org.jspecify.annotations.NullMarked;
