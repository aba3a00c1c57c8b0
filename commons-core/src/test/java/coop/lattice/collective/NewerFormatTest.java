package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.NewerFormatException;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.EntryFormat;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.NewerEvent;
import coop.lattice.store.FileJournal;
import coop.lattice.time.SteppingClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, item 8: a copy of a ledger holds what a newer version wrote without folding it, and
 * without doubting the rest; the collective's own ledger with such an entry is not opened with a
 * wrong state, and a NewerEvent is no command.
 */
class NewerFormatTest {
  static final NewerEvent HARVEST = new NewerEvent("HarvestShared", EntryFormat.CURRENT + 1, "{\"crates\":12,\"type\":\"HarvestShared\"}");
  final SteppingClock clock = SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
  @TempDir Path dir;

  Collective found(FileJournal journal) {
    Collective coop = Collective.found(CollectiveId.of("riverside"), "Riverside", ANA, Appearance.byName("Ana"),
        journal, KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    return coop;
  }

  @Test
  void aCopyHoldsANewerEntryUnreadAndFoldsTheRest() throws Exception {
    long at;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      coop.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("3")));
      CollectiveState before = Replica.of(coop.ledger()).state();
      // What a newer version of the collective's software would append: an event this one cannot read.
      Ledger ledger = coop.ledger();
      Entry newer = ledger.append(clock.instant(), ANA, HARVEST);
      at = newer.sequence();
      assertThat(ledger.entry(newer.sequence())).isEqualTo(newer);

      Replica copy = Replica.of(ledger);
      assertThat(copy.size()).isEqualTo(ledger.size());
      assertThat(copy.unread()).containsExactly(new Replica.Unread(newer.sequence(), "HarvestShared", EntryFormat.CURRENT + 1));
      assertThat(copy.state()).usingRecursiveComparison().ignoringFields("size", "unread").isEqualTo(before);
      assertThat(copy.state().unread()).isEqualTo(copy.unread());
      assertThat(copy.state().size()).isEqualTo(ledger.size());
    }
    // The collective's own software, a version behind, does not open it with a state that leaves the entry out.
    try (FileJournal journal = FileJournal.open(dir)) {
      assertThatThrownBy(() -> Collective.open(journal, KEY, clock)).isInstanceOf(NewerFormatException.class)
          .hasMessageContaining("Entry " + at + " of riverside's ledger is in format " + (EntryFormat.CURRENT + 1) + " (HarvestShared)")
          .hasMessageContaining("reads format " + EntryFormat.CURRENT + " at most")
          .satisfies(e -> assertThat(((NewerFormatException) e).entry()).isEqualTo(at));
    }
  }

  @Test
  void aNewerEventIsNoCommand() throws Exception {
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      rejected(coop, () -> coop.submit(ANA, HARVEST), NotPermittedException.class, "no command");
    }
  }
}
