package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.InclusionProof;
import coop.lattice.store.FileJournal;
import java.nio.file.Path;
import java.time.Clock;

/** The README's "Embedding" snippet: a collective on a file journal, founded once and reopened after. */
final class Embedding {
  private Embedding() {}

  // snippet:start embedding
  static boolean recordAndProve(Path dir, byte[] seedYouKeepSecret) {
    try (FileJournal journal = FileJournal.open(dir)) {
      CollectiveKey key = CollectiveKey.fromSeed(seedYouKeepSecret);        // or CollectiveKey.generate(), kept
      MemberId ana = MemberId.of("ana");
      MemberId bo = MemberId.of("bo");
      Collective coop;
      if (journal.size() == 0) {
        coop = Collective.found(CollectiveId.of("riverside-food-coop"), "Riverside Food Co-op", ana,
            Appearance.byName("Ana"), journal, key, Clock.systemUTC());
        coop.admit(ana, bo, Appearance.pseudonym("bo-the-baker"));
      } else {
        coop = Collective.open(journal, key, Clock.systemUTC());          // re-verifies everything
      }

      long bread = coop.record(Contribution.toCollective(bo, ContributionKind.FOOD, Quantity.kilograms("12.5"))
          .servedFor("Thursday pantry"));
      coop.acknowledge(ana, bread);   // a member cannot acknowledge their own

      SignedCheckpoint cp = coop.checkpoint();
      InclusionProof proof = coop.ledger().inclusionProof(bread);
      return Ledger.verifyInclusion(coop.ledger().entryBytes(bread), proof, cp.checkpoint().root());
    }
  }
  // snippet:end
}
