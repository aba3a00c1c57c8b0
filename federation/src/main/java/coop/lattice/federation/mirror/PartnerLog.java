package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.federation.hosting.NodeStore;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a node keeps its partner links and the map from a partner's trade entries to its own.
 * The line log {@code partners} holds {@code link local partner actor relay} and {@code ref key
 * entry} (tab-separated), written and read only here.
 */
final class PartnerLog {
  private final NodeStore.Log log;

  PartnerLog(NodeStore store) {
    this.log = store.log("partners");
  }

  void linked(TradeRelay.Link l) {
    log.append("link\t" + l.local() + "\t" + l.partner() + "\t" + l.partnerActor() + "\t" + l.relay());
  }

  void referenced(String key, long entry) {
    log.append("ref\t" + key + "\t" + entry);
  }

  void replay(Consumer<TradeRelay.Link> links, BiConsumer<String, Long> refs) {
    log.replay(line -> {
      String[] f = line.split("\t");
      if (f[0].equals("link")) {
        links.accept(new TradeRelay.Link(CollectiveId.of(f[1]), CollectiveId.of(f[2]), f[3], MemberId.of(f[4])));
      } else if (f[0].equals("ref")) {
        refs.accept(f[1], Long.parseLong(f[2]));
      }
    });
  }
}
