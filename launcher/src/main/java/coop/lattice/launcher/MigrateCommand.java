package coop.lattice.launcher;

import coop.lattice.collective.Collective;
import coop.lattice.collective.Migration;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Event;
import coop.lattice.launcher.config.KeyFiles;
import coop.lattice.store.FileJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lattice migrate DIR TO --key FILE}: converts a journal written before members appeared
 * as handles into a new one that names nobody ({@link Migration}): the same entries at the same
 * places, members as handles and tags, names in the new journal's encrypted profiles, entry 0
 * committing to the old ledger's last signed checkpoint. The new collective must fold to exactly
 * the old one's state, or nothing is claimed. Stop the node first; the old journal is kept.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = {"Writes the journal in DIR into the new journal TO so that its ledger names nobody (members as"
        + " handles and tags, names in encrypted profiles), checking that it folds to the same state.",
        "TO must not exist or be empty. Stop the node that uses DIR first; DIR is left as it is."})
final class MigrateCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The journal to convert.")
  Path dir;

  @Parameters(index = "1", paramLabel = "TO", description = "Where the new journal goes (a new directory).")
  Path to;

  @Option(names = "--key", required = true, paramLabel = "FILE", description = "The collective's key file.")
  Path keyFile;

  @Override
  public Integer call() throws Exception {
    Journals.requireJournal(dir);
    if (Files.exists(to) && (!Files.isDirectory(to) || Files.list(to).findAny().isPresent())) {
      throw new LauncherException(to + " exists and is not an empty directory: name a new directory for the new journal");
    }
    CollectiveKey key;
    try {
      key = KeyFiles.read(keyFile);
    } catch (IllegalArgumentException e) {
      throw new LauncherException(e.getMessage());
    }
    try (FileJournal old = FileJournal.open(dir); FileJournal fresh = FileJournal.open(to)) {
      Collective migrated = Migration.migrate(old, fresh, key, Clock.systemUTC());
      Event.CollectiveFounded founded = (Event.CollectiveFounded) migrated.ledger().entry(0).event();
      System.out.println("migrated " + migrated.ledger().size() + " entries of " + migrated.id() + " to " + to
          + "; it folds to the same state, and its entry 0 continues the old ledger (checkpoint SHA-256 "
          + founded.continues() + "). Point the node's journal at " + to + " and keep " + dir
          + " until partners have the new ledger.");
    }
    return 0;
  }
}
