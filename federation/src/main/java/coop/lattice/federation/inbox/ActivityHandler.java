package coop.lattice.federation.inbox;

/**
 * What an authenticated activity of one type does. A handler checks the activity against what
 * the node holds, then either refuses it ({@link VerifiedActivity#refuse}) or gives it to {@link
 * Acceptance} with its effect; either way the request is answered exactly once. Handlers know
 * nothing of routing or of the node that registered them.
 */
@FunctionalInterface
interface ActivityHandler {
  void handle(VerifiedActivity activity);
}
