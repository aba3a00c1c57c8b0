package coop.lattice.federation.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The activity ids the node accepted, each remembered for the retention after it was accepted
 * and then forgotten, so that memory stays bounded under steady traffic. Thread-safe.
 *
 * <p>Why forgetting is safe: an inbound request passes the date check only within the signature
 * window either side of this node's clock, so a request dated {@code T} can arrive from {@code T
 * - window} to {@code T + window}. An id first accepted at {@code A} can therefore come again
 * signed by the same request only until {@code A + 2 × window}; the retention adds {@link #SKEW}
 * for this node's own clock being set back in between. Later, only the actor can send it again,
 * with a fresh signature: a replay by anyone else is refused by the date check.
 */
final class SeenIds {
  /** Margin for this node's clock being stepped back (by NTP, say) while an id is remembered. */
  static final Duration SKEW = Duration.ofMinutes(10);

  private final Clock clock;
  private final Duration retention;
  /** Id -> when it was accepted, oldest first (by insertion; restores go first). */
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  SeenIds(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  /** How long an id must be remembered for signatures dated within {@code window} of now. */
  static Duration retentionFor(Duration window) {
    return window.multipliedBy(2).plus(SKEW);
  }

  Duration retention() {
    return retention;
  }

  /** On open: {@code id} was accepted at {@code at}. */
  synchronized void restore(String id, Instant at) {
    seen.put(id, at);
  }

  /** Claims {@code id} now; false if it was accepted within the retention. */
  synchronized boolean claim(String id) {
    Instant now = clock.instant();
    Instant cutoff = now.minus(retention);
    forgetBefore(cutoff);
    Instant at = seen.get(id);
    if (at != null && !at.isBefore(cutoff)) {
      return false;
    }
    seen.remove(id); // a forgotten id that was not at the head yet goes to the end
    seen.put(id, now);
    return true;
  }

  /** Gives a claim back (its effect was refused). */
  synchronized void release(String id) {
    seen.remove(id);
  }

  synchronized boolean contains(String id) {
    Instant at = seen.get(id);
    return at != null && !at.isBefore(clock.instant().minus(retention));
  }

  synchronized int size() {
    return seen.size();
  }

  private void forgetBefore(Instant cutoff) {
    for (Iterator<Map.Entry<String, Instant>> i = seen.entrySet().iterator(); i.hasNext(); ) {
      if (!i.next().getValue().isBefore(cutoff)) {
        return;
      }
      i.remove();
    }
  }
}
