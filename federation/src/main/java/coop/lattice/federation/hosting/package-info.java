/**
 * What every part of a node shares: the collectives it hosts and the store its state lives in.
 *
 * <ul>
 *   <li>{@link coop.lattice.federation.hosting.Hosts} and {@link
 *       coop.lattice.federation.hosting.HostedCollective}: the hosted collectives with their actor
 *       URLs and keys.
 *   <li>{@link coop.lattice.federation.hosting.NodeStore} and its {@link coop.lattice.federation.hosting.NodeLog}s: logs of lines with group commit, kept
 *       to their live lines by compaction, in a directory one process holds at a time; each log's
 *       line format, and what of it stays live, belongs to the package that keeps that state.
 *       {@code BufferedLines} reads and writes a log a buffer at a time, for replay and compaction.
 *   <li>{@link coop.lattice.federation.hosting.Documents}: the JSON-LD documents a node serves and
 *       sends (actor, notes, creates, checkpoints, follows, collections); {@link
 *       coop.lattice.federation.hosting.Addressees}: the actors an entry's {@code Create} names
 *       beside the public (a trade step's counterpart).
 *   <li>{@link coop.lattice.federation.hosting.RemoteDocuments}: fetching other servers'
 *       documents, with identity taken from the URL.
 *   <li>{@link coop.lattice.federation.hosting.Responses}: answers, each request once.
 * </ul>
 *
 * Not exported: internal to the federation module.
 */
@NullMarked
package coop.lattice.federation.hosting;

import org.jspecify.annotations.NullMarked;
