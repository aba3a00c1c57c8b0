package coop.lattice.federation.mirror;

import coop.lattice.federation.hosting.NodeLog;
import coop.lattice.federation.hosting.NodeStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Partners flagged (they equivocated, served a ledger that does not match what they signed, or
 * declared a repair this node does not accept), with why, until a logged decision lifts the flag;
 * kept in the line log {@code flagged} as {@code actor  why} and {@code -  actor  decision}
 * (tab-separated), written and read only here; compacted to the first line of each actor flagged
 * now, and every decision. A new flag is logged
 * at WARN and counted ({@code lattice.mirror.flagged}). Thread-safe.
 */
public final class Flags {
  private static final Logger LOG = LoggerFactory.getLogger(Flags.class);

  private final NodeLog log;
  private final Map<String, String> flagged = new ConcurrentHashMap<>();
  private final Counter flags;
  private final List<BiConsumer<String, String>> listeners = new CopyOnWriteArrayList<>();

  public Flags(NodeStore store, MeterRegistry registry) {
    this.flags = Counter.builder("lattice.mirror.flagged")
        .description("Partners flagged for equivocating or serving a ledger that does not match what they signed")
        .register(registry);
    this.log = store.log("flagged", Flags::live);
    log.replay(line -> apply(line, flagged));
  }

  /**
   * The first line of each actor flagged now (its first reason stays), and every decision that
   * lifted a flag ({@code -  actor  decision}), which is kept for good.
   */
  static List<String> live(List<String> lines) {
    Map<String, String> now = new LinkedHashMap<>();
    List<String> decisions = new ArrayList<>();
    for (String line : lines) {
      apply(line, now);
      if (line.startsWith("-\t")) {
        decisions.add(line);
      }
    }
    List<String> live = new ArrayList<>(decisions);
    now.forEach((actor, why) -> live.add(actor + "\t" + why));
    return live;
  }

  private static void apply(String line, Map<String, String> into) {
    if (line.startsWith("-\t")) {
      String[] f = line.split("\t", 3);
      into.remove(f.length > 1 ? f[1] : "");
      return;
    }
    int tab = line.indexOf('\t');
    if (tab > 0) {
      into.putIfAbsent(line.substring(0, tab), line.substring(tab + 1));
    }
  }

  /**
   * Lifts the flag on {@code actor}, recording {@code decision} for good; durable when this
   * returns. Nothing happens, and nothing is recorded, if the actor is not flagged.
   */
  public void lift(String actor, String decision) {
    if (flagged.remove(actor) != null) {
      log.append("-\t" + actor + "\t" + decision.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
      LOG.warn("Lifted the flag on {}: {}", actor, decision);
    }
  }

  /** Why {@code actor} is flagged, if it is. */
  public Optional<String> why(String actor) {
    return Optional.ofNullable(flagged.get(actor));
  }

  /** Called with (actor, why) each time an actor is flagged, once the flag is durable. */
  public void onFlag(BiConsumer<String, String> listener) {
    listeners.add(listener);
  }

  /** Flags {@code actor} (the first reason stays); durable when this returns. */
  void flag(String actor, String why) {
    if (flagged.putIfAbsent(actor, why) == null) {
      log.append(actor + "\t" + why.replace('\t', ' ').replace('\n', ' '));
      flags.increment();
      LOG.warn("Flagged {}: {}. Nothing more is accepted from it, or mirrored.", actor, why);
      listeners.forEach(l -> l.accept(actor, why));
    }
  }
}
