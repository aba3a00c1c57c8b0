package coop.lattice.federation.sparql;

import coop.lattice.federation.rdf.VfNode;
import java.util.List;

/**
 * Where a {@link GraphFeed} writes the network's ledgers as linked data: the node's own store
 * ({@link NetworkGraphs}), or a remote one ({@link FusekiGraphs}). Each graph is named by its
 * ledger's actor and says how many of the ledger's entries it holds, so the feed carries on where
 * each sink stands.
 */
public interface GraphSink {
  /** How many of {@code graph}'s ledger's entries the graph holds: 0 for a graph it does not have. */
  long loaded(String graph);

  /** The ledger's root at the entries the graph holds, in hex, as {@link #add} recorded it; empty if none. */
  String loadedRoot(String graph);

  /**
   * Adds to {@code graph} the shapes of its ledger's entries {@code from} (inclusive) to {@code to}
   * (exclusive), with {@code root}, the ledger's root at {@code to}, as one transaction, if it holds
   * exactly {@code from} entries now; returns whether it did.
   */
  boolean add(String graph, long from, long to, List<VfNode> shapes, String root);

  /** Removes {@code graph}, to be rebuilt from its ledger. */
  void drop(String graph);
}
