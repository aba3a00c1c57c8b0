package coop.lattice.federation.sparql;

import coop.lattice.federation.rdf.VfNode;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.tdb2.TDB2Factory;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's store of the network's ledgers as linked data: a Jena dataset with a named graph per
 * collective, named by its actor, holding the ValueFlows shapes of its entries ({@code
 * rdf.ValueFlowsShapes}), the node's own collectives' and each verified copy's. Each graph says how
 * many of its ledger's entries it holds ({@code lattice:entriesLoaded}), so a feed carries on where
 * it stopped and a graph that is missing is rebuilt from the ledger. TDB2 on disk by default, in
 * memory for tests; writes are transactions, one per batch, and queries read a snapshot.
 */
public final class NetworkGraphs implements GraphSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NetworkGraphs.class);
  static final Node LOADED = NodeFactory.createURI("https://lattice.coop/ns#entriesLoaded");
  static final Node ROOT = NodeFactory.createURI("https://lattice.coop/ns#rootLoaded");

  private final Dataset dataset;

  private NetworkGraphs(Dataset dataset) {
    this.dataset = dataset;
  }

  /** A store in memory, transactional, gone when the node stops (tests). */
  public static NetworkGraphs inMemory() {
    return new NetworkGraphs(DatasetFactory.createTxnMem());
  }

  /** A TDB2 store in {@code dir}, kept across restarts. */
  public static NetworkGraphs onDisk(Path dir) {
    return new NetworkGraphs(TDB2Factory.connectDataset(dir.toString()));
  }

  /** The dataset, for queries (in a read transaction). */
  public Dataset dataset() {
    return dataset;
  }

  @Override
  public long loaded(String graph) {
    return Txn.calculateRead(dataset, () -> loaded(dataset.asDatasetGraph(), NodeFactory.createURI(graph)));
  }

  private static long loaded(DatasetGraph dsg, Node g) {
    var found = dsg.getGraph(g).find(g, LOADED, Node.ANY);
    return found.hasNext() ? Long.parseLong(found.next().getObject().getLiteralLexicalForm()) : 0;
  }

  @Override
  public String loadedRoot(String graph) {
    return Txn.calculateRead(dataset, () -> {
      Node g = NodeFactory.createURI(graph);
      var found = dataset.asDatasetGraph().getGraph(g).find(g, ROOT, Node.ANY);
      return found.hasNext() ? found.next().getObject().getLiteralLexicalForm() : "";
    });
  }

  @Override
  public boolean add(String graph, long from, long to, List<VfNode> shapes, String root) {
    return Txn.calculateWrite(dataset, () -> {
      DatasetGraph dsg = dataset.asDatasetGraph();
      Node g = NodeFactory.createURI(graph);
      if (loaded(dsg, g) != from) {
        return false;
      }
      Graph target = dsg.getGraph(g);
      for (VfNode shape : shapes) {
        shape.triples(target::add);
      }
      MonthlyTotals.of(shapes, iri -> MonthlyTotals.in(target, iri)).forEach((key, delta) -> {
        Node total = key.node(graph);
        var before = target.find(total, MonthlyTotals.VALUE, Node.ANY);
        BigDecimal sum = before.hasNext() ? new BigDecimal(before.next().getObject().getLiteralLexicalForm()).add(delta)
            : delta;
        target.remove(total, MonthlyTotals.VALUE, Node.ANY);
        key.triples(graph, sum).forEach(target::add);
      });
      target.remove(g, LOADED, Node.ANY);
      target.add(Triple.create(g, LOADED, NodeFactory.createLiteralDT(Long.toString(to), XSDDatatype.XSDlong)));
      target.remove(g, ROOT, Node.ANY);
      target.add(Triple.create(g, ROOT, NodeFactory.createLiteralString(root)));
      return true;
    });
  }

  /**
   * Loads {@code shapes}, the shapes of {@code graph}'s ledger's first {@code size} entries, into the
   * empty graph {@code graph} at once: through TDB2's bulk loader (parallel) for a store on disk, in
   * one transaction for one in memory. For rebuilding a graph from a ledger of many entries.
   */
  public void bulkLoad(String graph, Iterator<VfNode> shapes, long size, String root) {
    if (loaded(graph) != 0) {
      throw new IllegalStateException("bulk loading is for an empty graph; " + graph + " holds " + loaded(graph)
          + " entries");
    }
    DatasetGraph dsg = dataset.asDatasetGraph();
    Node g = NodeFactory.createURI(graph);
    if (!TDB2Factory.isTDB2(dataset)) {
      Txn.executeWrite(dataset, () -> {
        Graph target = dsg.getGraph(g);
        Map<MonthlyTotals.Key, BigDecimal> totals = new TreeMap<>();
        shapes.forEachRemaining(shape -> {
          shape.triples(target::add);
          MonthlyTotals.of(List.of(shape), iri -> MonthlyTotals.in(target, iri))
              .forEach((k, v) -> totals.merge(k, v, BigDecimal::add));
        });
        totals.forEach((k, v) -> k.triples(graph, v).forEach(target::add));
        target.add(Triple.create(g, LOADED, NodeFactory.createLiteralDT(Long.toString(size), XSDDatatype.XSDlong)));
        target.add(Triple.create(g, ROOT, NodeFactory.createLiteralString(root)));
      });
      return;
    }
    DataLoader loader = LoaderFactory.parallelLoader(dsg, g, (format, args) -> LOG.debug(String.format(format, args)));
    loader.startBulk();
    try {
      StreamRDF out = loader.stream();
      Map<MonthlyTotals.Key, BigDecimal> totals = new TreeMap<>();
      Map<String, MonthlyTotals.Counted> counted = new HashMap<>(); // what a later correction may withdraw
      shapes.forEachRemaining(shape -> {
        shape.triples(out::triple);
        MonthlyTotals.of(List.of(shape), iri -> Optional.ofNullable(counted.get(iri)))
            .forEach((k, v) -> totals.merge(k, v, BigDecimal::add));
        MonthlyTotals.countedOf(shape).ifPresent(c -> counted.put(shape.id(), c));
      });
      totals.forEach((k, v) -> k.triples(graph, v).forEach(out::triple));
      out.triple(Triple.create(g, LOADED, NodeFactory.createLiteralDT(Long.toString(size), XSDDatatype.XSDlong)));
      out.triple(Triple.create(g, ROOT, NodeFactory.createLiteralString(root)));
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      throw e;
    }
  }

  @Override
  public void drop(String graph) {
    Txn.executeWrite(dataset, () -> dataset.asDatasetGraph().removeGraph(NodeFactory.createURI(graph)));
  }

  @Override
  public void close() {
    dataset.close();
  }

  @Override
  public String toString() {
    return "the node's linked-data store";
  }
}
