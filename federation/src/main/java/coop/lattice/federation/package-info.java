/**
 * Lattice federation: collectives as ActivityPub {@code Group} actors on a Vert.x node. Start at
 * {@link coop.lattice.federation.node.FederationNode}: build one, host collectives on it, start
 * it, follow and mirror partners.
 *
 * <p>This package holds what the node hands back to an application: {@link InboundActivity} (an
 * accepted activity), {@link DeadLetter} (a delivery given up, to replay), {@link FollowState}, and
 * {@link FederationException}, the unchecked root of every refusal in the module; and {@link
 * ServerLimits}, given to the node's builder: how long its HTTP server waits for slow clients and
 * how many connections one address may hold.
 *
 * <p>The module's packages, along the path of a request:
 * <ul>
 *   <li>{@code node} (exported): {@code FederationNode}, the builder, lifecycle and public commands;
 *       it wires the packages below and holds no protocol logic of its own.
 *   <li>{@code server}: the HTTP server itself, guarded against slow and greedy clients (header and
 *       body deadlines, idle timeout, connections per address).
 *   <li>{@code routes}: path dispatch and the documents served (actor, outbox, followers, ledger
 *       pages, checkpoint, WebFinger, NodeInfo).
 *   <li>{@code inbox}: the inbound pipeline (body cap, signature, parse, origins, key, verify,
 *       JSON-LD, proof), a registry from activity type to handler, and acceptance.
 *   <li>{@code social}: followers and sent follows with their log.
 *   <li>{@code outbox}: durable delivery to followers, dead letters, per-host breakers.
 *   <li>{@code mirror}: verified copies of partners' ledgers, and trade steps relayed as commands.
 *   <li>{@code hosting}: the hosted collectives, the node's logs, the documents it builds, remote
 *       document fetches, replies.
 *   <li>{@code keys} (exported): actor keys and FEP-8b32 object proofs; {@code http} (exported):
 *       HTTP signatures; {@code net} (exported): origins, the address policy and the SSRF-safe
 *       client; {@code rdf} (exported): JSON-LD read offline; {@code json}: JSON under limits and
 *       the ActivityStreams vocabulary.
 * </ul>
 *
 * <p>Like any embedding application, this module sees only the public API of {@code
 * commons-core}: an inbox activity becomes a {@code Collective} command, and new entries reach it
 * through {@code Collective.onEntry}.
 */
@NullMarked
package coop.lattice.federation;

import org.jspecify.annotations.NullMarked;
