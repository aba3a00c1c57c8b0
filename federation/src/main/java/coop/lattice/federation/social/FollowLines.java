package coop.lattice.federation.social;

import coop.lattice.federation.FollowState;
import coop.lattice.federation.hosting.NodeStore;

/**
 * The follow log as two line logs, the one owner of their format. Followers: {@code +  actor
 * inbox} and {@code -  actor}; follows sent: {@code sent  followId  to} and {@code <state>
 * followId} (fields separated by tabs).
 */
final class FollowLines implements FollowLog {
  private final NodeStore.Log followers;
  private final NodeStore.Log following;

  FollowLines(NodeStore.Log followers, NodeStore.Log following) {
    this.followers = followers;
    this.following = following;
  }

  @Override
  public void followed(String actor, String inbox) {
    followers.append("+\t" + actor + "\t" + inbox);
  }

  @Override
  public void unfollowed(String actor) {
    followers.append("-\t" + actor);
  }

  @Override
  public void sent(String followId, String to) {
    following.append("sent\t" + followId + "\t" + to);
  }

  @Override
  public void answered(String followId, FollowState state) {
    following.append(state.word() + "\t" + followId);
  }

  @Override
  public void replay(FollowEvents into) {
    followers.replay(line -> {
      String[] f = line.split("\t");
      if (f[0].equals("+")) {
        into.followed(f[1], f[2]);
      } else {
        into.unfollowed(f[1]);
      }
    });
    following.replay(line -> {
      String[] f = line.split("\t");
      if (f[0].equals("sent")) {
        into.sent(f[1], f[2]);
      } else {
        into.answered(f[1], FollowState.ofWord(f[0]));
      }
    });
  }
}
