package coop.lattice.federation.node;

import coop.lattice.CollectiveId;
import coop.lattice.federation.Partners;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.mirror.Flags;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.outbox.FlowAlarm;
import coop.lattice.wall.PartnerSignals;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sees a hosted collective's partners as its deliveries do: a linked partner whose host's circuit
 * breaker has been open (no delivery through since it first opened) for longer than the flow
 * alarm's {@link FlowAlarm#stuckFor} falters ({@link Partners}). The same, with the partners this
 * node flagged, is what the wall's lattice page shows ({@link PartnerSignals}).
 */
final class PartnerWatch {
  private final TradeRelay trades;
  private final Deliveries deliveries;
  private final Flags flags;
  private final FlowAlarm alarm;
  private final Clock clock;

  PartnerWatch(TradeRelay trades, Deliveries deliveries, Flags flags, FlowAlarm alarm, Clock clock) {
    this.trades = trades;
    this.deliveries = deliveries;
    this.flags = flags;
    this.alarm = alarm;
    this.clock = clock;
  }

  Partners of(HostedCollective h) {
    Map<String, Instant> troubled = deliveries.troubledHosts();
    Instant faltersBefore = clock.instant().minus(alarm.stuckFor());
    List<Partners.Partner> partners = trades.links(h.collectiveId()).stream().map(l -> {
      URI actor = URI.create(l.partnerActor());
      Instant since = troubled.get(actor.getAuthority());
      return new Partners.Partner(l.partner(), actor, since, since != null && !since.isAfter(faltersBefore));
    }).toList();
    return new Partners(partners, h.collective().trade().redundancy());
  }

  /** What the wall shows of {@code h}'s partners: those flagged, those failing and since when, those faltering. */
  PartnerSignals signals(HostedCollective h) {
    Set<CollectiveId> flagged = new HashSet<>();
    Map<CollectiveId, Instant> failing = new HashMap<>();
    Set<CollectiveId> faltering = new HashSet<>();
    for (Partners.Partner p : of(h).partners()) {
      if (flags.why(p.actor().toString()).isPresent()) {
        flagged.add(p.id());
      }
      if (p.failingSince() != null) {
        failing.put(p.id(), p.failingSince());
      }
      if (p.faltering()) {
        faltering.add(p.id());
      }
    }
    return new PartnerSignals(flagged, failing, faltering);
  }
}
