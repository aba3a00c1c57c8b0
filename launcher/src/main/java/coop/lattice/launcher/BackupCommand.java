package coop.lattice.launcher;

import coop.lattice.store.FileJournal;
import coop.lattice.store.PrivateArea;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lattice backup DIR TO}: a consistent copy of a journal, also of a running node's. The
 * source is read without its writer's lock and verified; the copy holds every entry that verified
 * at that moment (a prefix: entries appended meanwhile go in the next backup) and the stored
 * checkpoint if it covers no more, and the private files beside the ledger (the members' profiles
 * and sealed claims, encrypted, copied as they are: without them the copy verifies but no longer
 * knows who its handles are); then the copy is verified on its own.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Copies a journal consistently (read-only on the source; works on the journal of a running"
        + " node), then verifies the copy.", "TO must not exist or be empty."})
final class BackupCommand implements Callable<Integer> {
  private static final int BATCH = 4096;

  @Parameters(index = "0", paramLabel = "DIR", description = "The journal's directory.")
  Path dir;

  @Parameters(index = "1", paramLabel = "TO", description = "Where the copy goes (a new directory).")
  Path to;

  @Override
  public Integer call() throws Exception {
    Journals.requireJournal(dir);
    if (Files.exists(to) && (!Files.isDirectory(to) || Files.list(to).findAny().isPresent())) {
      throw new LauncherException(to + " exists and is not an empty directory: name a new directory for the copy");
    }
    try (FileJournal source = FileJournal.openReadOnly(dir)) {
      JournalCheck check = JournalCheck.of(source);
      if (check.damage().isPresent()) {
        System.out.print(check.report());
        throw new LauncherException("the journal in " + dir + " is damaged; a backup copies only a journal that"
            + " verifies. Restore it from an earlier backup, or truncate it first.");
      }
      long n = check.size();
      try (FileJournal copy = FileJournal.open(to)) {
        for (long from = 0; from < n; from += BATCH) {
          copy.append(source.read(from, Math.min(n, from + BATCH)));
        }
        copy.sync();
        source.checkpoint().filter(cp -> cp.size() <= n).ifPresent(cp -> copy.writeCheckpoint(cp.size(), cp.bytes()));
        PrivateArea from = source.privateArea();
        for (String name : from.names()) {
          from.read(name).ifPresent(bytes -> copy.privateArea().write(name, bytes));
        }
      }
    }
    try (FileJournal copy = FileJournal.openReadOnly(to)) {
      JournalCheck again = JournalCheck.of(copy);
      System.out.print(again.report());
      if (again.damage().isPresent()) {
        throw new LauncherException("the copy in " + to + " does not verify: do not rely on it");
      }
      System.out.println("backed up " + again.size() + " entries to " + to);
    }
    return 0;
  }
}
