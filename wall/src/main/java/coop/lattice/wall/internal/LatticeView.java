package coop.lattice.wall.internal;

import coop.lattice.CollectiveId;
import coop.lattice.Unit;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Partnership;
import coop.lattice.collective.RedundancyMap;
import coop.lattice.metrics.Need;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.jspecify.annotations.Nullable;

/**
 * The lattice: partner collectives, the trade balance with each in both directions, the
 * redundancy map (which partners could cover each critical need), and partners faltering: those
 * this node flagged, those its deliveries fail to reach and since when, and for each partner who
 * covers its needs while it falters, or would if it faltered.
 *
 * @param partners each partner, by id
 * @param coverage each critical need and who could cover it
 * @param uncovered needs no partner could cover
 */
public record LatticeView(List<Partner> partners, List<Coverage> coverage, List<String> uncovered) {

  /**
   * A partner, its balances, and what its faltering leaves (if {@code faltering}) or would leave.
   *
   * @param failingSince since when deliveries to it fail, or null while they go through
   */
  public record Partner(String id, List<Balance> balances, boolean flagged, @Nullable Instant failingSince,
      boolean faltering, List<Coverage> ifFalters) {}

  /** The partners that falter now. */
  public List<String> faltering() {
    return partners.stream().filter(Partner::faltering).map(Partner::id).toList();
  }

  /**
   * A balance in one unit: {@code theyOwe} what the partner owes this collective, {@code weOwe} what
   * this collective owes the partner (one of them is zero), and what is on its way both ways.
   */
  public record Balance(Unit unit, BigDecimal theyOwe, BigDecimal weOwe, BigDecimal toDeliver, BigDecimal toReceive) {}

  /** A need and the partners who could cover it (none: nobody). */
  public record Coverage(String need, List<String> partners) {}

  /**
   * @param flagged partners the node flagged
   * @param failingSince since when deliveries to each failing partner fail
   * @param falteringNow the partners that falter now
   */
  static LatticeView of(Collective c, Set<CollectiveId> flagged, Map<CollectiveId, Instant> failingSince,
      Set<CollectiveId> falteringNow) {
    RedundancyMap map = c.trade().redundancy();
    SortedMap<CollectiveId, SortedMap<Need, List<CollectiveId>>> whileFaltering = map.whileFaltering(falteringNow);
    List<Partner> partners = new ArrayList<>();
    for (Partnership p : c.trade().partnerships()) {
      List<Balance> balances = new ArrayList<>();
      for (Unit u : Unit.values()) {
        BigDecimal b = p.balance(u);
        BigDecimal out = p.toDeliver().getOrDefault(u, BigDecimal.ZERO);
        BigDecimal in = p.toReceive().getOrDefault(u, BigDecimal.ZERO);
        if (b.signum() != 0 || out.signum() != 0 || in.signum() != 0 || p.lines().containsKey(u)) {
          balances.add(new Balance(u, b.max(BigDecimal.ZERO), b.negate().max(BigDecimal.ZERO), out, in));
        }
      }
      boolean faltering = falteringNow.contains(p.partner());
      Map<Need, List<CollectiveId>> left = faltering
          ? whileFaltering.getOrDefault(p.partner(), Collections.emptySortedMap()) : map.ifFalters(p.partner());
      partners.add(new Partner(p.partner().value(), List.copyOf(balances), flagged.contains(p.partner()),
          failingSince.get(p.partner()), faltering, coverage(left)));
    }
    partners.sort(Comparator.comparing(Partner::id));
    return new LatticeView(List.copyOf(partners), coverage(map.coverage()),
        map.uncovered().stream().map(Need::value).toList());
  }

  private static List<Coverage> coverage(Map<Need, List<CollectiveId>> m) {
    return m.entrySet().stream().map(e -> new Coverage(e.getKey().value(),
        e.getValue().stream().map(CollectiveId::value).sorted().toList())).toList();
  }
}
