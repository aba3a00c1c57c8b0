package coop.lattice.launcher;

import coop.lattice.LatticeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lattice} command. Each subcommand is a class of its own; a refusal (a {@link
 * LauncherException}, or a {@link LatticeException} such as a journal locked by a running node)
 * is printed as its message alone, and the exit code is 1 (2 for a usage error).
 */
@Command(name = "lattice", mixinStandardHelpOptions = true, version = "lattice 0.1.0",
    description = "Runs a Lattice federation node, and checks and repairs collectives' journals.",
    subcommands = {NodeCommand.class, VerifyCommand.class, BackupCommand.class, TruncateCommand.class,
        ExportCommand.class, MigrateCommand.class, RotateKeyCommand.class})
public final class Lattice {
  private Lattice() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line {@code args}; returns the exit code. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Lattice());
    cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof LauncherException || e instanceof LatticeException) {
        commandLine.getErr().println("lattice: " + e.getMessage());
        return 1;
      }
      throw e;
    });
    return cli.execute(args);
  }
}
