package coop.lattice.federation;

/**
 * A {@code Follow} of a collective that waits for the collective's approval.
 *
 * @param actor who asks to follow
 * @param inbox where their deliveries would go
 * @param followId the id of their {@code Follow}, which the answer names
 */
public record FollowRequest(String actor, String inbox, String followId) {}
