/** Runnable programs that show Lattice at work. */
module coop.lattice.examples {
  requires coop.lattice.core;
  requires coop.lattice.federation;
  requires coop.lattice.launcher;
  requires static org.jspecify;
}
