package coop.lattice.federation.sparql;

import coop.lattice.federation.rdf.ValueFlowsShapes;
import coop.lattice.federation.rdf.VfNode;
import coop.lattice.ledger.Entry;
import coop.lattice.merkle.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's {@link NetworkGraphs} (and any remote store) current from ledgers it trusts: a
 * hosted collective's own entries once they are durable, a partner's once a pull verified them
 * against its signed checkpoint, never an entry pushed and not yet verified. Each sink has a writer
 * thread of its own (a remote store that is slow or down never holds the node's own store back),
 * which takes what is due every {@value #PERIOD_MS} ms, in transactions of at most {@value #BATCH}
 * entries, so an entry is visible to queries well within a second of being trusted. Each graph
 * records the ledger's root at the entries it holds: a graph that holds fewer entries than its
 * source (new, or missing after a restart) is filled from the ledger, and one whose entries are
 * not the source's any more (a copy rebuilt after a declared repair) is dropped and filled again.
 */
public final class GraphFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphFeed.class);
  static final int BATCH = 10_000;
  static final long PERIOD_MS = 100;

  /** A ledger as the feed reads it at one moment: its entries, how many are trusted, its roots. */
  public record View(LongFunction<Entry> entries, long trusted, LongFunction<Hash> root) {
    public static final View EMPTY = new View(i -> {
      throw new IllegalStateException("no entry " + i);
    }, 0, n -> Hash.of(new byte[32]));
  }

  /** A ledger the feed follows: read once per round ({@link View}), so a round sees one copy of it. */
  @FunctionalInterface
  public interface Source {
    View now();
  }

  /** One sink and its writer: what is due for it, and whether it failed last time. */
  private final class Lane {
    final GraphSink sink;
    final boolean local;
    final Set<String> due = ConcurrentHashMap.newKeySet();
    final ScheduledExecutorService writer;
    volatile boolean failing;

    Lane(GraphSink sink, boolean local, String name) {
      this.sink = sink;
      this.local = local;
      this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
      });
      writer.scheduleWithFixedDelay(this::drain, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    void drain() {
      for (String actor : List.copyOf(due)) {
        due.remove(actor);
        Source source = sources.get(actor);
        if (source == null) {
          continue;
        }
        try {
          if (local || published.test(actor)) {
            fill(this, actor, source.now());
          } else {
            sink.drop(actor); // its agreements close it: what a remote store held of it goes too
          }
          failing = false;
        } catch (RuntimeException e) {
          if (!failing) {
            LOG.error("The linked-data graph of {} in {} could not take its ledger's entries; it is tried again",
                actor, sink, e);
          }
          failing = true;
          due.add(actor);
        }
      }
    }
  }

  private final NetworkGraphs graphs;
  private final List<Lane> lanes = new ArrayList<>();
  private final Map<String, Source> sources = new ConcurrentHashMap<>();
  private final Predicate<String> published;

  /** Feeds the node's own store. */
  public GraphFeed(NetworkGraphs graphs) {
    this(graphs, List.of(), actor -> true);
  }

  /**
   * Feeds the node's own store and {@code remotes} (a Fuseki server: {@link FusekiGraphs}), each where
   * it stands; a remote store gets only the graphs {@code published} lets out (their agreements leave
   * the collective's linked data open), and loses one that it no longer does.
   */
  public GraphFeed(NetworkGraphs graphs, List<GraphSink> remotes, Predicate<String> published) {
    this.graphs = graphs;
    this.published = published;
    lanes.add(new Lane(graphs, true, "lattice-linked-data"));
    for (GraphSink remote : remotes) {
      lanes.add(new Lane(remote, false, "lattice-linked-data-remote"));
    }
  }

  /** Keeps the graph of {@code actor}'s ledger, read from {@code source}, current from now on. */
  public void follow(String actor, Source source) {
    sources.put(actor, source);
    grew(actor);
  }

  /** Stops keeping {@code actor}'s graph current (its collective is no longer hosted); the graph stays. */
  public void forget(String actor) {
    sources.remove(actor);
  }

  /** The ledgers whose graphs it keeps, by actor. */
  public Set<String> followed() {
    return Set.copyOf(sources.keySet());
  }

  /** {@code actor}'s ledger has more trusted entries, or its agreements changed. */
  public void grew(String actor) {
    if (sources.containsKey(actor)) {
      lanes.forEach(l -> l.due.add(actor));
    }
  }

  /** Takes, now, on each writer, everything due, and returns once it is in (tests, benchmarks). */
  public void flush() {
    for (Lane lane : lanes) {
      try {
        lane.writer.submit(lane::drain).get(1, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("the linked-data feed could not take what is due: " + e, e);
      }
    }
  }

  private void fill(Lane lane, String actor, View source) {
    GraphSink sink = lane.sink;
    long target = source.trusted();
    long loaded = sink.loaded(actor);
    if (loaded > target && !lane.local) {
      return; // a remote store another node fed further: nothing to add
    }
    if (loaded > target || loaded > 0 && !source.root().apply(loaded).hex().equals(sink.loadedRoot(actor))) {
      sink.drop(actor); // not this ledger's entries any more (a copy rebuilt after a repair): rebuilt with it
      loaded = 0;
    }
    while (loaded < target) {
      long to = Math.min(target, loaded + BATCH);
      List<VfNode> shapes = new ArrayList<>();
      for (long i = loaded; i < to; i++) {
        ValueFlowsShapes.of(source.entries().apply(i), actor, source.entries()).ifPresent(shapes::add);
      }
      if (!sink.add(actor, loaded, to, shapes, source.root().apply(to).hex())) {
        return; // the graph moved on under us: the next round reads where it stands
      }
      loaded = to;
    }
  }

  /** Stops the writers, after what each is writing (a few seconds at most), and closes the node's store. */
  @Override
  public void close() {
    for (Lane lane : lanes) {
      lane.writer.shutdown();
    }
    for (Lane lane : lanes) {
      try {
        lane.writer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    graphs.close();
  }
}
