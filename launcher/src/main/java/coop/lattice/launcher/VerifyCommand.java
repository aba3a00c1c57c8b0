package coop.lattice.launcher;

import coop.lattice.store.FileJournal;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lattice verify DIR}: a full verification report; exit code 1 if the journal is damaged. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Verifies a journal in full (read-only; works on the journal of a running node): every entry,"
        + " its chain, the collective's rules, the Merkle root and the signed checkpoint.",
        "Exit code 0 when it verifies, 1 when it is damaged (the report names the first bad entry)."})
final class VerifyCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "The journal's directory.")
  Path dir;

  @Override
  public Integer call() {
    Journals.requireJournal(dir);
    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      JournalCheck check = JournalCheck.of(journal);
      System.out.print(check.report());
      return check.damage().isPresent() ? 1 : 0;
    }
  }
}
