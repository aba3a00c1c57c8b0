package coop.lattice.store;

import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@code CrashConsistencyIT}: opens (or founds) a collective on a journal,
 * then appends batches forever, printing {@code durable N} after each batch is fsynced. Its
 * arguments: the directory, a seed, and how many bytes a write may write at most (0: as the
 * journal writes them; a small number makes a kill likely to land inside a frame).
 */
public final class CrashWriter {
  private CrashWriter() {}

  /** The event expected at entry {@code i} (i >= 3), so the parent can check every entry's content. */
  static Event expected(long i) {
    return new Event.AppearanceChanged(MemberId.of("bo"), Appearance.pseudonym("turn-" + i));
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    int piece = args.length > 2 ? Integer.parseInt(args[2]) : 0;
    FileJournal journal = FileJournal.open(dir, 1 << 20, Progress.none(),
        piece > 0 ? new PiecewiseFiles(piece) : JournalFiles.DISK);
    if (journal.size() == 0) {
      JournalFixture.build(journal, 0, true).ledger();
    }
    Ledger ledger = Ledger.open(journal, JournalFixture.KEY.verificationKey(), e -> {});
    if (ledger.damage().isPresent()) {
      System.out.println("damaged " + ledger.damage().get());
      System.exit(3);
    }
    System.out.println("opened " + ledger.size());
    for (int batch = 0; ; batch++) {
      int n = 1 + random.nextInt(200);
      List<Ledger.Draft> drafts = new ArrayList<>(n);
      long next = ledger.size();
      for (int k = 0; k < n; k++) {
        drafts.add(new Ledger.Draft(Instant.parse("2026-05-01T10:00:00Z").plusSeconds(next + k), MemberId.of("bo"),
            expected(next + k)));
      }
      ledger.appendAll(drafts);
      ledger.sync();
      System.out.println("durable " + ledger.size());
      if (batch % 7 == 3) {
        ledger.checkpoint(JournalFixture.KEY, Instant.parse("2026-05-01T10:00:00Z").plusSeconds(ledger.size()));
      }
    }
  }
}
