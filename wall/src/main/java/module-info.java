/**
 * Lattice wall: what a collective's members look at (pages, a printable poster, calendar feeds),
 * rendered from the collective's views with precompiled jte templates and ical4j. No network
 * stack: the federation node serves it.
 */
// jte's runtime names its module in its manifest (Automatic-Module-Name).
@SuppressWarnings({"requires-automatic"})
module coop.lattice.wall {
  requires transitive coop.lattice.core;
  requires static org.jspecify;
  requires com.google.common;
  requires gg.jte.runtime;
  requires ical4j.core;
  // The generated templates carry @javax.annotation.processing.Generated (source retention).
  requires static java.compiler;

  exports coop.lattice.wall;
  // jte finds the precompiled templates by name and calls them reflectively.
  opens coop.lattice.wall.internal.templates to gg.jte.runtime;
}
