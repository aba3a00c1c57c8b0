/**
 * The node's HTTP server, guarded against clients that are slow on purpose or hold too many
 * connections. {@link coop.lattice.federation.server.GuardedServer} makes each server instance
 * with the {@link coop.lattice.federation.ServerLimits} (header and body deadlines, idle
 * timeout, connections per address): {@code ConnectionCap} counts each address's open
 * connections across instances and closes one over the cap as it opens; {@code ReadDeadlines}
 * closes a connection whose request headers are late and answers 408 (then closes) a request whose
 * body is. What the server serves is the {@code routes} package's. Not exported: internal to the
 * federation module.
 */
@NullMarked
package coop.lattice.federation.server;

import org.jspecify.annotations.NullMarked;
