package coop.lattice.federation.sparql;

import coop.lattice.federation.rdf.ValueFlowsShapes;
import coop.lattice.federation.rdf.VfNode;
import coop.lattice.ledger.Entry;
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
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's {@link NetworkGraphs} current from ledgers it trusts: a hosted collective's own
 * entries once they are durable, a partner's once a pull verified them against its signed
 * checkpoint, never an entry pushed and not yet verified. Each source says how many of its entries
 * may go in; one writer thread takes what is due every {@value #PERIOD_MS} ms, in transactions of at
 * most {@value #BATCH} entries, so an entry is visible to queries well within a second of being
 * verified. A graph that holds fewer entries than its source (new, or missing after a restart) is
 * filled from the ledger the same way.
 */
public final class GraphFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GraphFeed.class);
  static final int BATCH = 10_000;
  static final long PERIOD_MS = 100;

  /** A ledger as the feed reads it: its entries, and how many of them are trusted now. */
  public record Source(LongFunction<Entry> entries, LongSupplier trusted) {}

  private final NetworkGraphs graphs;
  private final List<GraphSink> sinks;
  /** Sinks that failed last time, so that a remote store that is down is logged once, not every round. */
  private final Set<GraphSink> failing = ConcurrentHashMap.newKeySet();
  private final Map<String, Source> sources = new ConcurrentHashMap<>();
  private final Set<String> due = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "lattice-linked-data");
    t.setDaemon(true);
    return t;
  });

  /** Feeds the node's own store. */
  public GraphFeed(NetworkGraphs graphs) {
    this(graphs, List.of());
  }

  /** Feeds the node's own store and {@code remotes} (a Fuseki server: {@link FusekiGraphs}), each where it stands. */
  public GraphFeed(NetworkGraphs graphs, List<GraphSink> remotes) {
    this.graphs = graphs;
    List<GraphSink> all = new ArrayList<>();
    all.add(graphs);
    all.addAll(remotes);
    this.sinks = List.copyOf(all);
    writer.scheduleWithFixedDelay(this::drain, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  /** Keeps the graph of {@code actor}'s ledger, read from {@code source}, current from now on. */
  public void follow(String actor, Source source) {
    sources.put(actor, source);
    due.add(actor);
  }

  /** Stops keeping {@code actor}'s graph current (its collective is no longer hosted); the graph stays. */
  public void forget(String actor) {
    sources.remove(actor);
    due.remove(actor);
  }

  /** The ledgers whose graphs it keeps, by actor. */
  public Set<String> followed() {
    return Set.copyOf(sources.keySet());
  }

  /** {@code actor}'s ledger has more trusted entries. */
  public void grew(String actor) {
    if (sources.containsKey(actor)) {
      due.add(actor);
    }
  }

  /** Takes, now, on the writer thread, everything due, and returns once it is in (tests, benchmarks). */
  public void flush() {
    try {
      writer.submit(this::drain).get(1, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the linked-data feed could not take what is due: " + e, e);
    }
  }

  private void drain() {
    for (String actor : List.copyOf(due)) {
      due.remove(actor);
      Source source = sources.get(actor);
      if (source == null) {
        continue;
      }
      for (GraphSink sink : sinks) {
        try {
          fill(sink, actor, source);
          failing.remove(sink);
        } catch (RuntimeException e) {
          if (failing.add(sink)) {
            LOG.error("The linked-data graph of {} in {} could not take its ledger's entries; it is tried again", actor,
                sink, e);
          }
          due.add(actor);
        }
      }
    }
  }

  private void fill(GraphSink sink, String actor, Source source) {
    long target = source.trusted().getAsLong();
    long loaded = sink.loaded(actor);
    if (loaded > target) {
      if (sink != graphs) {
        return; // a remote store another node fed further: nothing to add
      }
      sink.drop(actor); // a copy rebuilt after a declared repair: the graph is rebuilt with it
      loaded = 0;
    }
    while (loaded < target) {
      long to = Math.min(target, loaded + BATCH);
      List<VfNode> shapes = new ArrayList<>();
      for (long i = loaded; i < to; i++) {
        ValueFlowsShapes.of(source.entries().apply(i), actor, source.entries()).ifPresent(shapes::add);
      }
      if (!sink.add(actor, loaded, to, shapes)) {
        return; // the graph moved on under us: the next round reads where it stands
      }
      loaded = to;
    }
  }

  /** Stops the writer, after what it is writing, and closes the store. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    graphs.close();
  }
}
