package coop.lattice.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks shared by the journal commands. */
final class Journals {
  private Journals() {}

  /** Refuses a path that is not an existing directory, before anything is opened or made there. */
  static void requireJournal(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new LauncherException(dir + " is not a journal directory: give the directory a collective's journal"
          + " is kept in (the `journal:` of its entry in the configuration)");
    }
  }
}
