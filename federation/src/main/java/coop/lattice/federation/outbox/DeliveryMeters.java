package coop.lattice.federation.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The outbox's meters:
 *
 * <ul>
 *   <li>{@code lattice.deliveries}, tagged {@code outcome}: {@code delivered} (an inbox took it),
 *       {@code retried} (it failed and will be sent again), {@code dead-letter} (given up);
 *       ledger entries and one-off activities alike;
 *   <li>{@code lattice.deliveries.dead.letters}: dead letters waiting for a replay (a gauge);
 *   <li>{@code lattice.deliveries.breakers.open}: hosts whose circuit breaker opened and that no
 *       delivery has reached since (a gauge);
 *   <li>{@code lattice.deliveries.breakers.opened}: how often a breaker opened, again or not.
 * </ul>
 *
 * Hosts and inboxes are never tags. The gauges are taken out of the registry when the node stops,
 * so that a node built again on the same registry reports its own.
 */
final class DeliveryMeters {
  private final MeterRegistry registry;
  private final Counter delivered;
  private final Counter retried;
  private final Counter deadLetter;
  private final Counter opened;
  private final List<Gauge> gauges;

  DeliveryMeters(MeterRegistry registry, IntSupplier deadLetters, IntSupplier openBreakers) {
    this.registry = registry;
    this.delivered = outcome("delivered");
    this.retried = outcome("retried");
    this.deadLetter = outcome("dead-letter");
    this.opened = Counter.builder("lattice.deliveries.breakers.opened")
        .description("Times a host's circuit breaker opened").register(registry);
    this.gauges = List.of(
        Gauge.builder("lattice.deliveries.dead.letters", deadLetters, IntSupplier::getAsInt)
            .description("Activities given up on, waiting for a replay").strongReference(true).register(registry),
        Gauge.builder("lattice.deliveries.breakers.open", openBreakers, IntSupplier::getAsInt)
            .description("Hosts whose circuit breaker opened and that no delivery has reached since")
            .strongReference(true).register(registry));
  }

  private Counter outcome(String outcome) {
    return Counter.builder("lattice.deliveries").description("Deliveries to followers' inboxes, by outcome")
        .tag("outcome", outcome).register(registry);
  }

  void delivered() {
    delivered.increment();
  }

  void retried() {
    retried.increment();
  }

  void deadLetter() {
    deadLetter.increment();
  }

  void breakerOpened() {
    opened.increment();
  }

  void close() {
    gauges.forEach(registry::remove);
  }
}
