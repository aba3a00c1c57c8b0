/**
 * Who follows whom. {@link coop.lattice.federation.social.Follows} holds one collective's
 * followers (actor and inbox) and the follows it sent with their {@link
 * coop.lattice.federation.FollowState}; {@link coop.lattice.federation.social.FollowBook} holds
 * them for every collective on a node. Each change is written to a {@link
 * coop.lattice.federation.social.FollowLog} first (its line format has one owner, {@code
 * FollowLines}). Outgoing: {@link coop.lattice.federation.social.FollowRequests} sends a {@code
 * Follow}, {@link coop.lattice.federation.social.ActorLookup} finds an actor by WebFinger. Incoming
 * follows are the inbox's handlers' to accept. {@link coop.lattice.federation.social.Blocks} holds
 * the actors and domains the node does not hear from. Not exported: internal to the federation
 * module.
 */
@NullMarked
package coop.lattice.federation.social;

import org.jspecify.annotations.NullMarked;
