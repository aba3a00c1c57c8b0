/**
 * Lattice federation: collectives as ActivityPub Group actors on a Vert.x node, with ledger
 * replication and a ValueFlows RDF view through Apache Jena. Only the module frame exists so far;
 * the node arrives with the federation work.
 */
module coop.lattice.federation {
  requires transitive coop.lattice.core;
  requires static org.jspecify;
  // Nothing is exported until the node exists: an empty API is better than a stub.
}
