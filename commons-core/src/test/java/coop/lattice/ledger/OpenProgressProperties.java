package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.LedgerDamagedException;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.collective.Collective;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The progress of opening a ledger: {@code done} never goes down, {@code total} is the stored
 * size throughout, the last report is {@code (total, total)} (damaged or not), and reports come
 * per chunk of entries, not per entry. A file journal reports the bytes it scans the same way.
 */
class OpenProgressProperties {
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final Instant T = Instant.parse("2027-03-01T09:00:00Z");

  /** The reports, in order. */
  static final class Reports implements Progress {
    final List<long[]> calls = new ArrayList<>();

    @Override
    public void update(long done, long total) {
      calls.add(new long[] {done, total});
    }

    void holdTheContract(long total) {
      assertThat(calls).isNotEmpty();
      long before = 0;
      for (long[] c : calls) {
        assertThat(c[1]).as("total").isEqualTo(total);
        assertThat(c[0]).as("done").isBetween(before, total);
        before = c[0];
      }
      assertThat(calls.get(calls.size() - 1)).containsExactly(total, total);
      assertThat(calls).as("one report per chunk of 4,096 entries, and the last").hasSizeLessThanOrEqualTo(
          (int) (total / 4096) + 2);
    }
  }

  /** A store holding a ledger of {@code n} entries (a founding and members joining). */
  static LedgerStore ledgerOf(int n) {
    LedgerStore store = LedgerStore.inMemory();
    Ledger.create(store, CollectiveId.of("food"), KEY.verificationKey()).appendAll(drafts(n));
    return store;
  }

  static List<Ledger.Draft> drafts(int n) {
    List<Ledger.Draft> drafts = new ArrayList<>();
    drafts.add(new Ledger.Draft(T, MemberId.of("ana"), new Event.CollectiveFounded("Food", KEY.verificationKey()
        .base64Url())));
    for (int i = 1; i < n; i++) {
      drafts.add(new Ledger.Draft(T, MemberId.of("ana"), new Event.MemberJoined(MemberId.of("m" + i),
          Appearance.byName("M" + i))));
    }
    return drafts;
  }

  @Property(tries = 8, seed = "20261130")
  void openingReportsMonotoneProgressUpToTheStoredSize(@ForAll @IntRange(min = 1, max = 13_000) int n) {
    LedgerStore store = ledgerOf(n);
    Reports reports = new Reports();
    Ledger opened = Ledger.open(store, KEY.verificationKey(), e -> { }, reports);
    assertThat(opened.size()).isEqualTo(n);
    reports.holdTheContract(n);
  }

  @Example
  void aDamagedLedgerStillEndsItsProgressAtTheStoredSize() {
    LedgerStore good = ledgerOf(10_000);
    LedgerStore damaged = LedgerStore.inMemory();
    List<byte[]> records = new ArrayList<>(good.read(0, good.size()));
    records.set(5_000, "{\"not\":\"an entry\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    damaged.append(records);
    Reports reports = new Reports();
    Ledger opened = Ledger.open(damaged, KEY.verificationKey(), e -> { }, reports);
    assertThat(opened.damage()).hasValueSatisfying(d -> assertThat(d.firstBadIndex()).isEqualTo(5_000));
    reports.holdTheContract(10_000);
  }

  @Example
  void aFileJournalReportsTheBytesOfItsSegmentsAsItScansThem() throws IOException {
    Path dir = Files.createTempDirectory("lattice-progress");
    try {
      scan(dir);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void scan(Path dir) throws IOException {
    try (FileJournal j = FileJournal.open(dir, 4096)) { // small segments: many of them
      Ledger ledger = Ledger.create(j, CollectiveId.of("food"), KEY.verificationKey());
      List<Ledger.Draft> all = drafts(2_000);
      for (int i = 0; i < all.size(); i += 20) { // a segment rolls over between appends
        ledger.appendAll(all.subList(i, i + 20));
      }
      j.sync();
    }
    long bytes;
    try (Stream<Path> files = Files.list(dir)) {
      bytes = files.filter(f -> f.getFileName().toString().endsWith(".seg")).mapToLong(f -> f.toFile().length()).sum();
    }
    Reports reports = new Reports();
    try (FileJournal j = FileJournal.open(dir, reports)) {
      assertThat(j.size()).isEqualTo(2_000);
    }
    assertThat(reports.calls).hasSizeGreaterThan(10); // one per segment
    long before = 0;
    for (long[] c : reports.calls) {
      assertThat(c[1]).isEqualTo(bytes);
      assertThat(c[0]).isBetween(before, bytes);
      before = c[0];
    }
    assertThat(reports.calls.get(reports.calls.size() - 1)).containsExactly(bytes, bytes);
  }

  @Example
  void aCollectiveOpensWithProgressAndItsDamageStillThrows() {
    Clock clock = Clock.fixed(T, ZoneOffset.UTC);
    LedgerStore store = LedgerStore.inMemory();
    Collective coop = Collective.found(CollectiveId.of("food"), "Food", MemberId.of("ana"), Appearance.byName("Ana"),
        store, KEY, clock);
    for (int i = 0; i < 50; i++) {
      coop.admit(MemberId.of("ana"), MemberId.of("m" + i), Appearance.byName("M" + i));
    }
    Reports reports = new Reports();
    assertThat(Collective.open(store, KEY, clock, reports).state()).isEqualTo(coop.state());
    reports.holdTheContract(store.size());

    LedgerStore damaged = LedgerStore.inMemory();
    List<byte[]> records = new ArrayList<>(store.read(0, store.size()));
    records.set(20, records.get(21));
    damaged.append(records);
    Reports again = new Reports();
    assertThatThrownBy(() -> Collective.open(damaged, KEY, clock, again)).isInstanceOf(LedgerDamagedException.class);
    again.holdTheContract(damaged.size());
  }
}
