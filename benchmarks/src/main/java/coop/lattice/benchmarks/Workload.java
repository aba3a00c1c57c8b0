package coop.lattice.benchmarks;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.store.LedgerStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A realistic, deterministic stream of entries: a collective of 200 members in which every
 * contribution is followed by its receiver's acknowledgement. Valid for the collective's rules,
 * so a journal built from it reopens as a {@link coop.lattice.collective.Collective}.
 */
final class Workload {
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final CollectiveId ID = CollectiveId.of("benchmark-coop");
  static final int MEMBERS = 200;
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private static final ContributionKind[] KINDS = {
      ContributionKind.FOOD, ContributionKind.CARE, ContributionKind.REPAIR, ContributionKind.WORK};
  private static final MemberId[] IDS = new MemberId[MEMBERS];

  static {
    for (int i = 0; i < MEMBERS; i++) {
      IDS[i] = MemberId.of("member-" + i);
    }
  }

  private Workload() {}

  /** Entry 0 (the founding) and one join per member. */
  static List<Ledger.Draft> founding() {
    List<Ledger.Draft> out = new ArrayList<>();
    out.add(new Ledger.Draft(START, IDS[0], new Event.CollectiveFounded("Benchmark Co-op", KEY.verificationKey().base64Url())));
    for (int i = 0; i < MEMBERS; i++) {
      out.add(new Ledger.Draft(START.plusSeconds(i + 1), i == 0 ? IDS[0] : IDS[0],
          new Event.MemberJoined(IDS[i], i % 3 == 0 ? Appearance.onlyInAggregates() : Appearance.pseudonym("p" + i))));
    }
    return out;
  }

  /** The draft for entry {@code seq} (seq > MEMBERS): a contribution, or the acknowledgement of the one before. */
  static Ledger.Draft draft(long seq) {
    long k = (seq - MEMBERS - 1) / 2;
    int giver = (int) (k % MEMBERS);
    int receiver = (int) ((k * 7 + 1) % MEMBERS);
    if (receiver == giver) {
      receiver = (receiver + 1) % MEMBERS;
    }
    Instant time = START.plusSeconds(seq);
    if ((seq - MEMBERS - 1) % 2 == 0) {
      Contribution c = Contribution.toMember(IDS[giver], IDS[receiver], KINDS[(int) (k % KINDS.length)],
          Quantity.hours((1 + k % 9) + ".5")).servedFor("weekly rota").note("entry " + seq);
      return new Ledger.Draft(time, IDS[giver], new Event.ContributionRecorded(c));
    }
    return new Ledger.Draft(time, IDS[receiver], new Event.ContributionAcknowledged(seq - 1));
  }

  /** A new ledger of {@code entries} entries on {@code store}, appended in batches. */
  static Ledger build(LedgerStore store, long entries, int batch) {
    Ledger ledger = Ledger.create(store, ID, KEY.verificationKey());
    ledger.appendAll(founding());
    List<Ledger.Draft> drafts = new ArrayList<>(batch);
    for (long seq = ledger.size(); seq < entries; seq++) {
      drafts.add(draft(seq));
      if (drafts.size() == batch) {
        ledger.appendAll(drafts);
        ledger.sync();
        drafts.clear();
      }
    }
    if (!drafts.isEmpty()) {
      ledger.appendAll(drafts);
      ledger.sync();
    }
    return ledger;
  }
}
