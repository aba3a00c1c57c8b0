/** Runnable programs that show Lattice at work. */
module coop.lattice.examples {
  requires coop.lattice.core;
  requires static org.jspecify;
}
