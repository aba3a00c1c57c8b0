/**
 * What a node serves, and where. {@link coop.lattice.federation.routes.Router} dispatches by path:
 * {@code Discovery} (WebFinger, NodeInfo), the shared inbox, {@code HealthRoute} ({@code /health}:
 * journals that take appends, deliveries that flow), and {@code CollectiveRoutes}, a
 * registry from a collective's sub-path to one {@code CollectiveRoute} each: {@code ActorRoute},
 * {@code OutboxRoute}, {@code FollowersRoute}, {@code CheckpointRoute}, {@code LedgerPageRoute},
 * {@code EntryRoute}. The members' wall (the {@code wall} module renders it) is served by {@code
 * WallRoute} at the same addresses when {@code Negotiation} finds the reader prefers HTML, and
 * for the calendars; {@code NodePages} serves {@code /} and the wall's stylesheet. POSTs to an
 * inbox are handed to the inbox package untouched. Routes never
 * depend on the node that built them. Not exported: internal to the federation module.
 */
@NullMarked
package coop.lattice.federation.routes;

import org.jspecify.annotations.NullMarked;
