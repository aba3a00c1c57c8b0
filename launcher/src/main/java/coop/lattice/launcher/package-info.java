/**
 * The {@code lattice} command, for operators. {@link coop.lattice.launcher.Lattice} is the entry
 * point; each subcommand is a class: {@code NodeCommand} ({@code lattice node}: serve the
 * collectives of a configuration file, taking changes to the file without a restart, through
 * {@code RunningNode} and {@code ConfigWatcher}), {@code VerifyCommand}, {@code BackupCommand},
 * {@code ExportCommand} (read-only, on a running node's journal too; {@code JournalCheck} verifies
 * without the private key) and {@code TruncateCommand} (the deliberate repair, confirmed). Refusals
 * are {@link coop.lattice.launcher.LauncherException}s whose message is all the operator sees.
 *
 * <p>An application, not a library: the command runs on the class path (picocli and Jackson
 * reflect into it) and ships a logging provider, which the libraries never do. A program that
 * wants the command's node in its own process starts a {@link
 * coop.lattice.launcher.RunningNode} from a configuration read by {@code config.ConfigFile}.
 */
@NullMarked
package coop.lattice.launcher;

import org.jspecify.annotations.NullMarked;
