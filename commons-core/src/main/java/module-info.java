/**
 * Lattice core: the open ledger, collectives and their contributions, and the durable journal.
 * Depends on Guava, Jackson, BouncyCastle (Ed25519) and the SLF4J API only (a damaged or stopped journal is logged; the
 * application chooses the logging provider); never on a network or RDF stack.
 */
module coop.lattice.core {
  requires com.google.common;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;
  requires org.bouncycastle.provider;
  requires static transitive org.jspecify;

  exports coop.lattice;
  exports coop.lattice.agreement;
  exports coop.lattice.canonical;
  exports coop.lattice.health;
  exports coop.lattice.circle;
  exports coop.lattice.merkle;
  exports coop.lattice.metrics;
  exports coop.lattice.rotation;
  exports coop.lattice.store;
  exports coop.lattice.ledger;
  exports coop.lattice.collective;
  exports coop.lattice.cycle;
  exports coop.lattice.exchange;
  exports coop.lattice.time;
  exports coop.lattice.privacy;
  exports coop.lattice.poll;
  exports coop.lattice.finance;
  exports coop.lattice.joining;
  exports coop.lattice.signup;
}
