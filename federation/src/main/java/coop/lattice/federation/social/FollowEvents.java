package coop.lattice.federation.social;

import coop.lattice.federation.FollowState;

/** What happens to one collective's follows: written to its {@link FollowLog}, and replayed from it. */
public interface FollowEvents {
  /** {@code actor} follows the collective and takes deliveries at {@code inbox}. */
  void followed(String actor, String inbox);

  /** {@code actor} no longer follows the collective. */
  void unfollowed(String actor);

  /** The collective sent the {@code Follow} {@code followId} to {@code to}. */
  void sent(String followId, String to);

  /** The follow {@code followId} the collective sent was answered. */
  void answered(String followId, FollowState state);
}
