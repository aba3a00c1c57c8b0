package coop.lattice.federation.node;

import coop.lattice.federation.Partners;
import coop.lattice.federation.hosting.HostedCollective;
import coop.lattice.federation.mirror.TradeRelay;
import coop.lattice.federation.outbox.Deliveries;
import coop.lattice.federation.outbox.FlowAlarm;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sees a hosted collective's partners as its deliveries do: a linked partner whose host's circuit
 * breaker has been open (no delivery through since it first opened) for longer than the flow
 * alarm's {@link FlowAlarm#stuckFor} falters ({@link Partners}).
 */
final class PartnerWatch {
  private final TradeRelay trades;
  private final Deliveries deliveries;
  private final FlowAlarm alarm;
  private final Clock clock;

  PartnerWatch(TradeRelay trades, Deliveries deliveries, FlowAlarm alarm, Clock clock) {
    this.trades = trades;
    this.deliveries = deliveries;
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
}
