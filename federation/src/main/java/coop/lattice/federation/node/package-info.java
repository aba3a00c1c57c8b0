/**
 * The node an application runs: {@link coop.lattice.federation.node.FederationNode}. Build it with
 * the collectives it hosts, start it on a port, and give it commands (follow, look up, publish a
 * checkpoint, rotate keys, link and mirror partners, replay a dead letter). Its facets: {@link
 * coop.lattice.federation.node.Defences} (flags, evidence, blocks) and {@link
 * coop.lattice.federation.node.Awaits} (futures for trade stages, verified mirrors, flags); beside
 * it, {@code PartnerWatch} sees which partners falter and {@code AutoCheckpoints} signs checkpoints
 * by itself. It wires the packages that do the work (routes, inbox, social, outbox, mirror,
 * hosting) and holds no protocol logic of its own; nothing in those packages depends on it.
 */
@NullMarked
package coop.lattice.federation.node;

import org.jspecify.annotations.NullMarked;
