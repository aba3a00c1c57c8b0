package coop.lattice.federation.social;

import coop.lattice.federation.FollowRequest;
import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether one collective approves its followers itself, and the follows waiting for it. Kept in
 * the line log {@code <collective>/approvals}, the one owner of its format: {@code approval  on}
 * or {@code off}, {@code ?  actor  inbox  followId} (a request), {@code =  actor} (answered),
 * tab-separated; compacted to the setting and the requests still waiting. Durable when a method
 * returns. Thread-safe.
 */
public final class Approvals {
  /** The most follows that may wait for one collective; more are told to come back later. */
  public static final int MAX_WAITING = 1_000;

  private final NodeLog log;
  private final State state = new State();

  /** The setting and the waiting requests, as the lines say: the one reader of the format. */
  private static final class State {
    final Map<String, FollowRequest> waiting = new LinkedHashMap<>();
    boolean required;

    void apply(String line) {
      String[] f = line.split("\t");
      switch (f[0]) {
        case "approval" -> required = f.length > 1 && f[1].equals("on");
        case "?" -> {
          if (f.length == 4) {
            waiting.put(f[1], new FollowRequest(f[1], f[2], f[3]));
          }
        }
        case "=" -> waiting.remove(f.length > 1 ? f[1] : "");
        default -> { }
      }
    }
  }

  Approvals(NodeStore store, String collective) {
    this.log = store.log(collective + "/approvals", Approvals::live);
    log.replay(state::apply);
  }

  static List<String> live(List<String> lines) {
    State fold = new State();
    lines.forEach(fold::apply);
    List<String> out = new ArrayList<>();
    out.add("approval\t" + (fold.required ? "on" : "off"));
    fold.waiting.values().forEach(r -> out.add(requestLine(r)));
    return out;
  }

  private static String requestLine(FollowRequest r) {
    return "?\t" + r.actor() + "\t" + r.inbox() + "\t" + r.followId();
  }

  /** True when new followers wait for the collective's approval. */
  public synchronized boolean required() {
    return state.required;
  }

  public synchronized void require(boolean on) {
    log.append("approval\t" + (on ? "on" : "off"));
    state.required = on;
  }

  /** A follow that now waits (the latest request of an actor replaces an earlier one). */
  public synchronized void requested(FollowRequest r) {
    log.append(requestLine(r));
    state.waiting.put(r.actor(), r);
  }

  /** {@code actor}'s waiting request, left waiting. */
  public synchronized Optional<FollowRequest> get(String actor) {
    return Optional.ofNullable(state.waiting.get(actor));
  }

  /** True when no more requests may wait. */
  public synchronized boolean full() {
    return state.waiting.size() >= MAX_WAITING;
  }

  /** Takes {@code actor}'s waiting request, to answer it (or because it was undone); empty if there is none. */
  public synchronized Optional<FollowRequest> take(String actor) {
    FollowRequest r = state.waiting.get(actor);
    if (r != null) {
      log.append("=\t" + actor);
      state.waiting.remove(actor);
    }
    return Optional.ofNullable(r);
  }

  /** The requests waiting, oldest first. */
  public synchronized List<FollowRequest> waiting() {
    return List.copyOf(state.waiting.values());
  }
}
