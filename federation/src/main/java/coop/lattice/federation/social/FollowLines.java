package coop.lattice.federation.social;

import coop.lattice.federation.FollowState;
import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The follow log as two line logs, the one owner of their format. Followers: {@code +  actor
 * inbox} and {@code -  actor}; follows sent: {@code sent  followId  to} and {@code <state>
 * followId} (fields separated by tabs). Compacted to the current followers, and to each follow
 * sent with its latest state.
 */
final class FollowLines implements FollowLog {
  private final NodeLog followers;
  private final NodeLog following;

  FollowLines(NodeStore store, String collective) {
    this.followers = store.log(collective + "/followers", FollowLines::liveFollowers);
    this.following = store.log(collective + "/following", FollowLines::liveFollowing);
  }

  @Override
  public void followed(String actor, String inbox) {
    followers.append(followedLine(actor, inbox));
  }

  @Override
  public void unfollowed(String actor) {
    followers.append("-\t" + actor);
  }

  @Override
  public void sent(String followId, String to) {
    following.append(sentLine(followId, to));
  }

  @Override
  public void answered(String followId, FollowState state) {
    following.append(answeredLine(followId, state));
  }

  private static String followedLine(String actor, String inbox) {
    return "+\t" + actor + "\t" + inbox;
  }

  private static String sentLine(String followId, String to) {
    return "sent\t" + followId + "\t" + to;
  }

  private static String answeredLine(String followId, FollowState state) {
    return state.word() + "\t" + followId;
  }

  @Override
  public void replay(FollowEvents into) {
    followers.replay(line -> readFollower(line, into));
    following.replay(line -> readFollowing(line, into));
  }

  private static void readFollower(String line, FollowEvents into) {
    String[] f = line.split("\t");
    if (f[0].equals("+")) {
      into.followed(f[1], f[2]);
    } else {
      into.unfollowed(f[1]);
    }
  }

  private static void readFollowing(String line, FollowEvents into) {
    String[] f = line.split("\t");
    if (f[0].equals("sent")) {
      into.sent(f[1], f[2]);
    } else {
      into.answered(f[1], FollowState.ofWord(f[0]));
    }
  }

  /** The followers as they are now, one line each, in the order they first followed. */
  static List<String> liveFollowers(List<String> lines) {
    Map<String, String> inboxes = new LinkedHashMap<>();
    FollowEvents fold = new Fold() {
      @Override
      public void followed(String actor, String inbox) {
        inboxes.put(actor, inbox);
      }

      @Override
      public void unfollowed(String actor) {
        inboxes.remove(actor);
      }
    };
    lines.forEach(l -> readFollower(l, fold));
    List<String> live = new ArrayList<>();
    inboxes.forEach((actor, inbox) -> live.add(followedLine(actor, inbox)));
    return live;
  }

  /** Each follow sent, with its latest answer if it has one. */
  static List<String> liveFollowing(List<String> lines) {
    Map<String, String> sent = new LinkedHashMap<>();
    Map<String, FollowState> answers = new LinkedHashMap<>();
    FollowEvents fold = new Fold() {
      @Override
      public void sent(String followId, String to) {
        sent.put(followId, to);
        answers.remove(followId);
      }

      @Override
      public void answered(String followId, FollowState state) {
        answers.put(followId, state);
      }
    };
    lines.forEach(l -> readFollowing(l, fold));
    List<String> live = new ArrayList<>();
    sent.forEach((id, to) -> live.add(sentLine(id, to)));
    answers.forEach((id, state) -> live.add(answeredLine(id, state)));
    return live;
  }

  /** A fold of one of the two logs: the other log's events do not occur in it. */
  private abstract static class Fold implements FollowEvents {
    @Override
    public void followed(String actor, String inbox) {}

    @Override
    public void unfollowed(String actor) {}

    @Override
    public void sent(String followId, String to) {}

    @Override
    public void answered(String followId, FollowState state) {}
  }
}
