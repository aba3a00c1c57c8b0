package coop.lattice.federation.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The inbox's meters, made once so that counting costs one increment on the request path:
 *
 * <ul>
 *   <li>{@code lattice.inbox.accepted}, tagged {@code type}: the activity types a handler is
 *       registered for, every other type as {@code other};
 *   <li>{@code lattice.inbox.duplicates}: activities accepted before, answered 202 with nothing done;
 *   <li>{@code lattice.inbox.rejected}, tagged {@code status} and {@code reason} (one pair per
 *       {@link Reason});
 *   <li>{@code lattice.inbox.key.fetches}, tagged {@code outcome}: {@code fetched}, {@code failed},
 *       {@code suppressed} (failed a moment ago, not tried again yet), {@code refused} (the
 *       origin's budget is spent).
 * </ul>
 *
 * No tag ever carries an actor, a URL or anything else a sender chooses.
 */
final class InboxMeters {
  /** What became of a key that was not in the cache. */
  enum KeyFetch { FETCHED, FAILED, SUPPRESSED, REFUSED }

  private final MeterRegistry registry;
  private final Map<Reason, Counter> rejected = new EnumMap<>(Reason.class);
  private final Map<KeyFetch, Counter> keyFetches = new EnumMap<>(KeyFetch.class);
  private final Counter duplicates;
  private final Counter otherType;
  private volatile Map<String, Counter> byType = Map.of();

  InboxMeters(MeterRegistry registry) {
    this.registry = registry;
    for (Reason r : Reason.values()) {
      rejected.put(r, Counter.builder("lattice.inbox.rejected").description("Inbound activities refused")
          .tag("status", Integer.toString(r.status())).tag("reason", r.tag()).register(registry));
    }
    for (KeyFetch k : KeyFetch.values()) {
      keyFetches.put(k, Counter.builder("lattice.inbox.key.fetches")
          .description("Remote keys looked up because they were not cached")
          .tag("outcome", k.name().toLowerCase(Locale.ROOT)).register(registry));
    }
    duplicates = Counter.builder("lattice.inbox.duplicates")
        .description("Inbound activities accepted before; answered 202, nothing done again").register(registry);
    otherType = accepted("other");
  }

  private Counter accepted(String type) {
    return Counter.builder("lattice.inbox.accepted").description("Inbound activities accepted and stored")
        .tag("type", type).register(registry);
  }

  /** The types with a handler of their own get a {@code type} tag each; called once the registry is built. */
  void countTypes(Set<String> types) {
    Map<String, Counter> m = new HashMap<>();
    types.forEach(t -> m.put(t, accepted(t)));
    byType = Map.copyOf(m);
  }

  void accepted(VerifiedActivity a) {
    byType.getOrDefault(a.type(), otherType).increment();
  }

  void duplicate() {
    duplicates.increment();
  }

  void rejected(Reason r) {
    rejected.get(r).increment();
  }

  void keyFetch(KeyFetch outcome) {
    keyFetches.get(outcome).increment();
  }
}
