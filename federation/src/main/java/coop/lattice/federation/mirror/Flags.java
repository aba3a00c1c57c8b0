package coop.lattice.federation.mirror;

import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partners flagged for good (they equivocated, or served a ledger that does not match what they
 * signed), with why; kept in the line log {@code flagged} as {@code actor  why} (tab-separated),
 * written and read only here; compacted to one line per actor, the first. A new flag is logged
 * at WARN and counted ({@code lattice.mirror.flagged}). Thread-safe.
 */
public final class Flags {
  private static final Logger LOG = LoggerFactory.getLogger(Flags.class);

  private final NodeLog log;
  private final Map<String, String> flagged = new ConcurrentHashMap<>();
  private final Counter flags;

  public Flags(NodeStore store, MeterRegistry registry) {
    this.flags = Counter.builder("lattice.mirror.flagged")
        .description("Partners flagged for equivocating or serving a ledger that does not match what they signed")
        .register(registry);
    this.log = store.log("flagged", Flags::live);
    log.replay(line -> {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        flagged.putIfAbsent(line.substring(0, tab), line.substring(tab + 1));
      }
    });
  }

  /** The first line of each actor: a flag is for good, and its first reason stays. */
  static List<String> live(List<String> lines) {
    Set<String> actors = new HashSet<>();
    List<String> live = new ArrayList<>();
    for (String line : lines) {
      int tab = line.indexOf('\t');
      if (tab > 0 && actors.add(line.substring(0, tab))) {
        live.add(line);
      }
    }
    return live;
  }

  /** Why {@code actor} is flagged, if it is. */
  public Optional<String> why(String actor) {
    return Optional.ofNullable(flagged.get(actor));
  }

  /** Flags {@code actor} (the first reason stays); durable when this returns. */
  void flag(String actor, String why) {
    if (flagged.putIfAbsent(actor, why) == null) {
      log.append(actor + "\t" + why.replace('\t', ' ').replace('\n', ' '));
      flags.increment();
      LOG.warn("Flagged {}: {}. Nothing more is accepted from it, or mirrored.", actor, why);
    }
  }
}
