package coop.lattice.examples;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.store.FileJournal;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reopening a large journal with progress bars: the first run writes a journal of 200,000
 * entries (members joining, then contributions and their acknowledgements), later runs find it;
 * every run reopens it with {@link FileJournal#open(Path, Progress)}, which checks every frame,
 * and {@link Collective#open(coop.lattice.store.LedgerStore, CollectiveKey, Clock, Progress)},
 * which verifies every entry and rebuilds the collective's state, while bars on standard error
 * show how far each has come.
 *
 * <pre>
 * scanning  [##############################] 100%  57,226,383 of 57,226,383 bytes  0.2 s
 * verifying [########################------]  81%  163,840 of 200,001 entries  1.9 s
 * </pre>
 *
 * <p>Run it from the repository root with {@code mvn -q -pl examples -am package exec:java
 * -DskipTests -Dexec.mainClass=coop.lattice.examples.ReopenWithProgress}; the arguments are the
 * directory (by default {@code demo-data/reopen-with-progress}) and the number of entries to write
 * the first time.
 */
public final class ReopenWithProgress {
  /** A demo key from a fixed seed: a real collective keeps a secret one (see {@link FirstLedger}). */
  private static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  private static final CollectiveId ID = CollectiveId.of("big-tool-library");
  private static final int MEMBERS = 500;
  private static final int BATCH = 5_000;
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private ReopenWithProgress() {}

  public static void main(String[] args) {
    Path dir = Path.of(args.length > 0 ? args[0] : "demo-data/reopen-with-progress");
    long entries = args.length > 1 ? Long.parseLong(args[1]) : 200_000;
    try (FileJournal journal = FileJournal.open(dir)) {
      if (journal.size() == 0) {
        System.out.println("Writing " + String.format(Locale.ROOT, "%,d", entries) + " entries to " + dir
            + " (once; later runs reopen them)");
        write(journal, entries, new Bar("writing", "entries", System.err));
      }
    }
    long started = System.nanoTime();
    // Two steps, each with its bar: the journal checks every frame's checksums (bytes), then the
    // collective verifies every entry and rebuilds its state (entries).
    try (FileJournal journal = FileJournal.open(dir, new Bar("scanning", "bytes", System.err))) {
      Collective coop = Collective.open(journal, KEY, Clock.systemUTC(), new Bar("verifying", "entries", System.err));
      System.out.printf(Locale.ROOT, "Reopened %s: %,d entries verified and folded in %.1f s, root %s%n",
          coop.name(), coop.ledger().size(), (System.nanoTime() - started) / 1e9, coop.ledger().root());
    }
  }

  /**
   * A bulk import: drafts appended through the ledger in batches, each made durable with one
   * fsync (the collective's commands make every entry durable on its own, which is right for
   * people and slow for 200,000 entries). The entries follow the collective's rules, so the
   * journal opens as a {@link Collective}; the rules are checked then, as on every open.
   */
  private static void write(FileJournal journal, long entries, Progress progress) {
    Ledger ledger = Ledger.create(journal, ID, KEY.verificationKey());
    MemberId[] members = new MemberId[MEMBERS];
    List<Ledger.Draft> drafts = new ArrayList<>(BATCH);
    drafts.add(new Ledger.Draft(START, MemberId.of("m0"), new Event.CollectiveFounded("Big Tool Library",
        KEY.verificationKey().base64Url())));
    for (int i = 0; i < MEMBERS; i++) {
      members[i] = MemberId.of("m" + i);
      drafts.add(new Ledger.Draft(START.plusSeconds(drafts.size()), members[0],
          new Event.MemberJoined(members[i], Appearance.pseudonym("member-" + i))));
    }
    long seq = drafts.size();
    while (seq < entries) {
      // A member lends a tool to another; the one who received the help acknowledges it.
      int giver = (int) (seq % MEMBERS);
      int receiver = (giver + 1 + (int) (seq / MEMBERS) % (MEMBERS - 1)) % MEMBERS;
      Contribution c = Contribution.toMember(members[giver], members[receiver], ContributionKind.REPAIR,
          Quantity.hours("1.5")).note("a drill for the weekend");
      drafts.add(new Ledger.Draft(START.plusSeconds(seq), members[giver], new Event.ContributionRecorded(c)));
      drafts.add(new Ledger.Draft(START.plusSeconds(seq + 1), members[receiver],
          new Event.ContributionAcknowledged(seq)));
      seq += 2;
      if (drafts.size() >= BATCH || seq >= entries) {
        ledger.appendAll(drafts);
        ledger.sync();
        drafts.clear();
        progress.update(Math.min(seq, entries), entries);
      }
    }
    ledger.checkpoint(KEY, START.plusSeconds(seq));
  }

  /**
   * A progress bar on a terminal: redrawn in place with a carriage return when the percentage
   * moves, finished with a new line when {@code done == total}.
   */
  static final class Bar implements Progress {
    private static final int WIDTH = 30;
    private final String label;
    private final String unit;
    private final PrintStream out;
    private final long started = System.nanoTime();
    private int shown = -1;

    Bar(String label, String unit, PrintStream out) {
      this.label = label;
      this.unit = unit;
      this.out = out;
    }

    @Override
    public void update(long done, long total) {
      int percent = total == 0 ? 100 : (int) (100 * done / total);
      if (percent == shown && done < total) {
        return;
      }
      shown = percent;
      int filled = WIDTH * percent / 100;
      out.printf(Locale.ROOT, "\r%-9s [%s%s] %3d%%  %,d of %,d %s  %.1f s", label, "#".repeat(filled),
          "-".repeat(WIDTH - filled), percent, done, total, unit, (System.nanoTime() - started) / 1e9);
      if (done >= total) {
        out.println();
      }
      out.flush();
    }
  }
}
