package coop.lattice.wall;

import coop.lattice.CollectiveId;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * What the node hosting a collective sees of its partners, for the lattice page: partners it
 * flagged (they signed two histories), partners its deliveries have failed to reach and since when,
 * and those among them that falter (failing for longer than the node allows). The collective's own
 * state knows none of this; the node does ({@code FederationNode.partners} and {@code defences}).
 *
 * @param flagged partners the node flagged
 * @param failingSince for each partner deliveries to it fail, since when (by the node's clock)
 * @param faltering the partners that falter now (a subset of {@code failingSince}'s)
 */
public record PartnerSignals(Set<CollectiveId> flagged, Map<CollectiveId, Instant> failingSince,
    Set<CollectiveId> faltering) {
  /** Nothing seen: no partner flagged, every delivery going through. */
  public static final PartnerSignals NONE = new PartnerSignals(Set.of(), Map.of(), Set.of());

  public PartnerSignals {
    flagged = Set.copyOf(flagged);
    failingSince = Map.copyOf(failingSince);
    faltering = Set.copyOf(faltering);
    if (!failingSince.keySet().containsAll(faltering)) {
      throw new IllegalArgumentException("a faltering partner must have deliveries failing since some time: "
          + faltering + " not all in " + failingSince.keySet());
    }
  }

  /** Only flags: the partners {@code flagged}, every delivery going through. */
  public static PartnerSignals flagged(Set<CollectiveId> flagged) {
    return new PartnerSignals(flagged, Map.of(), Set.of());
  }
}
