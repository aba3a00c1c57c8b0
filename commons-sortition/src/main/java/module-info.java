/**
 * Lattice sortition: panels drawn by lot that meet quotas (at least 2 of the 6 from each
 * neighbourhood), with the fairest selection probabilities the quotas allow, and a transcript
 * anyone can verify. Kept out of {@code commons-core} because it brings an LP solver (ojAlgo).
 */
module coop.lattice.sortition {
  requires transitive coop.lattice.core;
  requires ojalgo;
  requires static org.jspecify;

  exports coop.lattice.sortition;
}
