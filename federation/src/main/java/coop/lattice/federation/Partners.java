package coop.lattice.federation;

import coop.lattice.CollectiveId;
import coop.lattice.collective.RedundancyMap;
import coop.lattice.metrics.Need;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * A hosted collective's partners as its node sees them now ({@code FederationNode.partners}):
 * each linked partner, whether deliveries to it are failing and since when, and the redundancy
 * map the collective declared. A partner <b>falters</b> when deliveries to it have failed (its
 * host's circuit breaker opened and let nothing through since) for longer than the node's flow
 * alarm allows ({@code NodeBuilder.healthAlarm}, the time after which {@code /health} reports
 * stuck deliveries); {@link #cover} then names who covers each need it covered.
 *
 * @param partners the partners linked to the collective, by id
 * @param redundancy who could cover each of the collective's critical needs, as it declared
 */
public record Partners(List<Partner> partners, RedundancyMap redundancy) {
  public Partners {
    partners = List.copyOf(partners);
  }

  /**
   * One partner.
   *
   * @param id the partner collective
   * @param actor the actor that speaks for it
   * @param failingSince when deliveries to it began to fail (by the node's clock), or null while they go through
   * @param faltering whether they have failed for longer than the node's flow alarm allows
   */
  public record Partner(CollectiveId id, URI actor, @Nullable Instant failingSince, boolean faltering) {}

  /** The partners that falter now. */
  public List<CollectiveId> faltering() {
    return partners.stream().filter(Partner::faltering).map(Partner::id).toList();
  }

  /**
   * For each faltering partner that covers a need, per need, the partners that still could (none
   * of them faltering); an empty list: nobody is left to cover it.
   */
  public SortedMap<CollectiveId, SortedMap<Need, List<CollectiveId>>> cover() {
    return redundancy.whileFaltering(faltering());
  }
}
