/** jqwik helpers and laws for testing collectives and their ledgers. */
module coop.lattice.testkit {
  requires transitive coop.lattice.core;
  requires static org.jspecify;
  requires transitive net.jqwik.api;
  requires com.google.common;

  exports coop.lattice.testkit;
}
