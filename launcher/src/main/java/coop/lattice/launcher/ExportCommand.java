package coop.lattice.launcher;

import coop.lattice.store.FileJournal;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lattice export DIR}: the journal's entries as canonical JSON lines on standard output,
 * exactly the bytes that are hashed (RFC 8785), one entry a line, after verifying them.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Writes the journal's entries to standard output as canonical JSON (RFC 8785), one a line"
        + " (read-only; works on the journal of a running node).",
        "Only entries that verify are written; exit code 1 if the journal is damaged."})
final class ExportCommand implements Callable<Integer> {
  private static final int BATCH = 4096;

  @Parameters(paramLabel = "DIR", description = "The journal's directory.")
  Path dir;

  @Override
  public Integer call() throws Exception {
    Journals.requireJournal(dir);
    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      JournalCheck check = JournalCheck.of(journal);
      OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
      for (long from = 0; from < check.size(); from += BATCH) {
        for (byte[] record : journal.read(from, Math.min(check.size(), from + BATCH))) {
          out.write(record);
          out.write('\n');
        }
      }
      out.flush();
      check.damage().ifPresent(d -> System.err.println("lattice: the journal is damaged at entry "
          + d.firstBadIndex() + " (" + d.reason() + "); the " + d.firstBadIndex() + " entries before it were written"));
      return check.damage().isPresent() ? 1 : 0;
    }
  }
}
