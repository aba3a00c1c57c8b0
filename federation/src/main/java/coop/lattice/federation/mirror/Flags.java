package coop.lattice.federation.mirror;

import coop.lattice.federation.hosting.NodeStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Partners flagged for good (they equivocated, or served a ledger that does not match what they
 * signed), with why; kept in the line log {@code flagged} as {@code actor  why} (tab-separated),
 * written and read only here. Thread-safe.
 */
public final class Flags {
  private final NodeStore.Log log;
  private final Map<String, String> flagged = new ConcurrentHashMap<>();

  public Flags(NodeStore store) {
    this.log = store.log("flagged");
    log.replay(line -> {
      int tab = line.indexOf('\t');
      flagged.put(line.substring(0, tab), line.substring(tab + 1));
    });
  }

  /** Why {@code actor} is flagged, if it is. */
  public Optional<String> why(String actor) {
    return Optional.ofNullable(flagged.get(actor));
  }

  /** Flags {@code actor} (the first reason stays); durable when this returns. */
  void flag(String actor, String why) {
    if (flagged.putIfAbsent(actor, why) == null) {
      log.append(actor + "\t" + why.replace('\t', ' ').replace('\n', ' '));
    }
  }
}
