package coop.lattice.examples;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.collective.ContributionTotals;
import coop.lattice.collective.FeedItem;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.InclusionProof;
import coop.lattice.store.FileJournal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A food co-op's first ledger, end to end: found it on a file journal (or open the one a
 * previous run left), record and acknowledge contributions, print the ledger's size and root and
 * a verified inclusion proof, then reopen the journal from disk and verify all of it.
 *
 * <p>Run it from the repository root with {@code mvn -q -pl examples -am package exec:java
 * -DskipTests}; pass a directory as the first argument to keep the journal elsewhere.
 */
public final class FirstLedger {
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final MemberId CY = MemberId.of("cy");

  private FirstLedger() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "demo-data/riverside-food-coop");
    Files.createDirectories(dir);
    CollectiveKey key = loadOrCreateKey(dir.resolve("collective.key"));
    Clock clock = Clock.systemUTC();

    SignedCheckpoint previous;
    long recorded;
    try (FileJournal journal = FileJournal.open(dir.resolve("journal"))) {
      Collective coop;
      if (journal.size() == 0) {
        coop = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op", ANA,
            Appearance.byName("Ana"), journal, key, clock);
        coop.admit(ANA, BO, Appearance.pseudonym("bo-the-baker"));
        coop.admit(BO, CY, Appearance.onlyInAggregates());
        coop.checkpoint();
        System.out.println("Founded " + coop.name() + " in " + dir.toAbsolutePath());
      } else {
        coop = Collective.open(journal, key, clock); // re-verifies every entry
        System.out.println("Opened " + coop.name() + ": " + coop.ledger().size() + " entries verified");
      }
      previous = coop.ledger().latestCheckpoint().orElseGet(coop::checkpoint);

      // Bo brings bread for the Thursday pantry; Ana, for the collective, acknowledges it.
      long bread = coop.record(Contribution.toCollective(BO, ContributionKind.FOOD, Quantity.kilograms("12.5"))
          .servedFor("Thursday pantry"));
      coop.acknowledge(ANA, bread);
      // Cy repairs Ana's bike; Ana, who received the help, acknowledges it.
      long repair = coop.record(Contribution.toMember(CY, ANA, ContributionKind.REPAIR, Quantity.hours("1.5"))
          .note("brakes and a new chain"));
      coop.acknowledge(ANA, repair);
      // Ana looks after Bo's children; it waits for Bo's acknowledgement.
      coop.record(Contribution.toMember(ANA, BO, ContributionKind.CARE, Quantity.hours("3")));
      SignedCheckpoint now = coop.checkpoint();
      recorded = repair;

      Ledger ledger = coop.ledger();
      System.out.println();
      System.out.println("Ledger size: " + ledger.size());
      System.out.println("Ledger root: " + ledger.root());
      System.out.println("Signed checkpoint valid: " + now.verify(key.verificationKey()));

      InclusionProof proof = ledger.inclusionProof(repair);
      boolean included = Ledger.verifyInclusion(ledger.entryBytes(repair), proof, now.checkpoint().root());
      System.out.println("Inclusion proof for entry " + repair + " (" + proof.path().size() + " hashes): "
          + (included ? "verified" : "FAILED"));
      boolean grew = ledger.consistencyProof(previous.checkpoint().size(), ledger.size())
          .verify(previous.checkpoint().root(), now.checkpoint().root());
      System.out.println("Consistency from size " + previous.checkpoint().size() + " to " + ledger.size() + ": "
          + (grew ? "verified, history only grew" : "FAILED"));

      System.out.println();
      System.out.println("Public feed (each member appears as they chose):");
      for (FeedItem item : coop.publicFeed(5)) {
        System.out.println("  #" + item.entry() + "  " + item.sentence());
      }
      SortedMap<YearMonth, ContributionTotals> months = coop.monthlyTotals(ZoneOffset.UTC);
      YearMonth latest = months.lastKey(); // there is at least this run's bread and repair
      System.out.println("Acknowledged in " + latest + ", by kind of help (a group total, never a ranking):");
      months.get(latest).amounts().forEach((kind, units) -> units.forEach((unit, amount) ->
          System.out.println("  " + kind + ": " + amount.toPlainString() + " " + unit.symbol())));
      if (!included || !grew) {
        System.exit(1);
      }
    }

    // Reopen from disk: every frame's checksum, every hash link and the signed checkpoint are checked.
    try (FileJournal journal = FileJournal.open(dir.resolve("journal"))) {
      Collective again = Collective.open(journal, key, clock);
      Optional<SignedCheckpoint> cp = again.ledger().latestCheckpoint();
      System.out.println();
      System.out.println("Reopened the journal: " + again.ledger().size() + " entries verified against the signed"
          + " checkpoint at size " + cp.map(c -> c.checkpoint().size()).orElse(0L) + "; root " + again.ledger().root());
      System.out.println("Entry " + recorded + " after reopening: " + again.contribution(recorded).orElseThrow().status());
    }
  }

  /** The collective's secret key: created once, kept readable only by its owner. */
  private static CollectiveKey loadOrCreateKey(Path file) throws IOException {
    if (Files.exists(file)) {
      return CollectiveKey.fromSeed(Files.readAllBytes(file));
    }
    CollectiveKey key = CollectiveKey.generate();
    Files.write(file, key.seed());
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException ignored) {
      // not a POSIX file system; the key is still written
    }
    return key;
  }
}
