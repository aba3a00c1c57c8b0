package coop.lattice.federation.sparql;

import coop.lattice.federation.rdf.VfNode;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

/**
 * A node's store of the network's ledgers as linked data: a Jena dataset with a named graph per
 * collective, named by its actor, holding the ValueFlows shapes of its entries ({@code
 * rdf.ValueFlowsShapes}), the node's own collectives' and each verified copy's. Each graph says how
 * many of its ledger's entries it holds ({@code lattice:entriesLoaded}), so a feed carries on where
 * it stopped and a graph that is missing is rebuilt from the ledger. TDB2 on disk by default, in
 * memory for tests; writes are transactions, one per batch, and queries read a snapshot.
 */
public final class NetworkGraphs implements AutoCloseable {
  static final Node LOADED = NodeFactory.createURI("https://lattice.coop/ns#entriesLoaded");

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

  /** How many of {@code graph}'s ledger's entries the graph holds: 0 for a graph it does not have. */
  public long loaded(String graph) {
    return Txn.calculateRead(dataset, () -> loaded(dataset.asDatasetGraph(), NodeFactory.createURI(graph)));
  }

  private static long loaded(DatasetGraph dsg, Node g) {
    var found = dsg.getGraph(g).find(g, LOADED, Node.ANY);
    return found.hasNext() ? Long.parseLong(found.next().getObject().getLiteralLexicalForm()) : 0;
  }

  /**
   * Adds to {@code graph} the shapes of its ledger's entries {@code from} (inclusive) to {@code to}
   * (exclusive), in one transaction, if it holds exactly {@code from} entries now; returns whether it
   * did (a batch that does not follow what the graph holds changes nothing).
   */
  public boolean add(String graph, long from, long to, List<VfNode> shapes) {
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
      target.remove(g, LOADED, Node.ANY);
      target.add(Triple.create(g, LOADED, NodeFactory.createLiteralDT(Long.toString(to), XSDDatatype.XSDlong)));
      return true;
    });
  }

  /** Removes {@code graph}, to be rebuilt from its ledger (its copy was dropped after a declared repair). */
  public void drop(String graph) {
    Txn.executeWrite(dataset, () -> dataset.asDatasetGraph().removeGraph(NodeFactory.createURI(graph)));
  }

  @Override
  public void close() {
    dataset.close();
  }
}
