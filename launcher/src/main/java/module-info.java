/**
 * The {@code lattice} command, and {@link coop.lattice.launcher.RunningNode}: a configuration's
 * node in a program's own process (the examples run two this way). The command runs on the class
 * path (see {@code bin/lattice}); this module exists so that programs on the module path can
 * start a node as the command does.
 */
module coop.lattice.launcher {
  requires transitive coop.lattice.federation;
  requires static org.jspecify;
  requires info.picocli;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.slf4j;

  exports coop.lattice.launcher;
  exports coop.lattice.launcher.config;
  opens coop.lattice.launcher to info.picocli;
  opens coop.lattice.launcher.config to com.fasterxml.jackson.databind;
}
