package coop.lattice.launcher;

import coop.lattice.store.FileJournal;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lattice truncate DIR --at N}: the operator's deliberate repair, cutting a journal back to
 * its first N entries. It asks for confirmation (type N again), or takes {@code --yes}; without a
 * confirmation nothing changes. It takes the journal's writer lock, so it refuses a journal a node
 * is running on.
 */
@Command(name = "truncate", mixinStandardHelpOptions = true,
    description = {"Cuts a journal back to its first N entries, dropping everything after them for good (and a"
        + " checkpoint that covers more).", "Asks to type N again to confirm, unless --yes is given;"
        + " without confirmation nothing changes. Stop the node that uses the journal first."})
final class TruncateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The journal's directory.")
  Path dir;

  @Option(names = "--at", required = true, paramLabel = "N", description = "How many entries to keep.")
  long at;

  @Option(names = "--yes", description = "Do not ask: the operator has decided.")
  boolean yes;

  @Override
  public Integer call() throws Exception {
    Journals.requireJournal(dir);
    try (FileJournal journal = FileJournal.open(dir)) {
      long size = journal.size();
      if (at < 0 || at > size) {
        throw new LauncherException("--at " + at + " is outside the journal, which holds " + size
            + " readable entries: give a number from 0 to " + size);
      }
      if (!yes) {
        System.out.println("This keeps the first " + at + " of " + size + " entries in " + dir + " and drops the "
            + (size - at) + " after them for good. Type " + at + " to confirm:");
        String answer = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (answer == null || !answer.strip().equals(Long.toString(at))) {
          throw new LauncherException("not confirmed: nothing changed in " + dir);
        }
      }
      journal.truncate(at);
      System.out.println("truncated " + dir + " to " + at + " entries");
      return 0;
    }
  }
}
