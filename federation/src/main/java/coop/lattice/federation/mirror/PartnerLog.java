package coop.lattice.federation.mirror;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Where a node keeps its partner links and the map from a partner's trade entries to its own.
 * The line log {@code partners} holds {@code link local partner actor relay} and {@code ref key
 * entry} (tab-separated), written and read only here. The refs are kept for good: they are how a
 * partner's step is recognised as done however late it is sent again. Compaction keeps the
 * latest link of each (actor, local collective), in the order they were last made (the last link
 * of a partner names the actor its trade steps are addressed to), and one ref per key.
 */
final class PartnerLog {
  private final NodeLog log;

  PartnerLog(NodeStore store) {
    this.log = store.log("partners", PartnerLog::live);
  }

  void linked(TradeRelay.Link l) {
    log.append("link\t" + l.local() + "\t" + l.partner() + "\t" + l.partnerActor() + "\t" + l.relay());
  }

  void referenced(String key, long entry) {
    log.append("ref\t" + key + "\t" + entry);
  }

  static List<String> live(List<String> lines) {
    Map<String, String> links = new LinkedHashMap<>();
    Map<String, String> refs = new LinkedHashMap<>();
    for (String line : lines) {
      String[] f = line.split("\t");
      if (f[0].equals("link") && f.length >= 5) {
        // Keyed as TradeRelay keys its links; moved to the end, so that the latest link of a partner replays last.
        links.remove(f[3] + "\t" + f[1]);
        links.put(f[3] + "\t" + f[1], line);
      } else if (f[0].equals("ref") && f.length >= 3) {
        refs.put(f[1], line);
      }
    }
    List<String> live = new ArrayList<>(links.values());
    live.addAll(refs.values());
    return live;
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
