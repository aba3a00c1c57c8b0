package coop.lattice.federation.social;

import coop.lattice.federation.FollowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One collective's follows: who follows it (actor and inbox) and the follows it sent, with where
 * each stands. Every change is written to its {@link FollowLog} before it shows here. Thread-safe.
 */
public final class Follows {
  private final FollowLog log;
  /** Follower actor -> inbox. */
  private final Map<String, String> followers = new ConcurrentHashMap<>();
  /** Follow activity id -> the actor it was sent to. */
  private final Map<String, String> sent = new ConcurrentHashMap<>();
  private final Map<String, FollowState> states = new ConcurrentHashMap<>();

  /** The follows recorded in {@code log}. */
  public Follows(FollowLog log) {
    this.log = log;
    log.replay(new FollowEvents() {
      @Override
      public void followed(String actor, String inbox) {
        followers.put(actor, inbox);
      }

      @Override
      public void unfollowed(String actor) {
        followers.remove(actor);
      }

      @Override
      public void sent(String followId, String to) {
        sent.put(followId, to);
        states.put(followId, FollowState.PENDING);
      }

      @Override
      public void answered(String followId, FollowState state) {
        states.put(followId, state);
      }
    });
  }

  /** Follower actor -> inbox, as it is now. */
  public Map<String, String> followers() {
    return Map.copyOf(followers);
  }

  /** Each follower inbox once (followers on one server often share an inbox). */
  public List<String> inboxes() {
    return followers.values().stream().distinct().toList();
  }

  /** Follower actors in a stable order, for paging. */
  public List<String> followerActors() {
    return followers.keySet().stream().sorted().toList();
  }

  public boolean isFollowedBy(String actor) {
    return followers.containsKey(actor);
  }

  public void follower(String actor, String inbox) {
    log.followed(actor, inbox);
    followers.put(actor, inbox);
  }

  public void unfollow(String actor) {
    log.unfollowed(actor);
    followers.remove(actor);
  }

  /** The collective sent the follow {@code followId} to {@code to}; it is pending until answered. */
  public void sent(String followId, String to) {
    log.sent(followId, to);
    sent.put(followId, to);
    states.put(followId, FollowState.PENDING);
  }

  /** Whom the follow {@code followId} was sent to, if the collective sent it. */
  public Optional<String> sentTo(String followId) {
    return Optional.ofNullable(sent.get(followId));
  }

  public void answered(String followId, FollowState state) {
    log.answered(followId, state);
    states.put(followId, state);
  }

  /** Each actor this collective sent a follow to, with where its latest follow stands. */
  public Map<String, FollowState> following() {
    Map<String, FollowState> out = new LinkedHashMap<>();
    sent.forEach((followId, to) -> out.merge(to, states.getOrDefault(followId, FollowState.PENDING),
        (a, b) -> a == FollowState.ACCEPTED ? a : b));
    return Map.copyOf(out);
  }

  public Optional<FollowState> state(String followId) {
    return Optional.ofNullable(states.get(followId));
  }
}
