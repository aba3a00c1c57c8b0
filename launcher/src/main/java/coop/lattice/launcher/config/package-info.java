/**
 * A node's configuration file. {@link coop.lattice.launcher.config.ConfigFile#read} reads the YAML
 * into a {@link coop.lattice.launcher.config.LatticeConfig} ({@link
 * coop.lattice.launcher.config.NodeSettings} and one {@link
 * coop.lattice.launcher.config.CollectiveSettings} per collective) or refuses it with a {@link
 * coop.lattice.launcher.config.ConfigException} that names the file, the line and what to write
 * instead. {@link coop.lattice.launcher.config.KeyFiles} reads and makes the collectives' key files
 * (owner-only).
 */
@NullMarked
package coop.lattice.launcher.config;

import org.jspecify.annotations.NullMarked;
