package coop.lattice.federation.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.InvalidKeyChangeException;
import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.KeyEvents;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import coop.lattice.store.LedgerStore;
import coop.lattice.testkit.KeyChanges;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A copy takes a partner's recovery of its ledger key only when a collective this node hosts or
 * mirrors countersigned it: countersignatures that verify but come from keys nobody here knows stop
 * the copy before the recovery, and it stays as it was.
 */
class RecoveryVouchingTest {
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final String FIXIT = "https://fixit.example/collectives/fixit";
  static final String CARE = "https://care.example/collectives/care";
  final SteppingClock clock = SteppingClock.startingAt("2026-12-01T10:00:00Z", Duration.ZERO);

  @Test
  void aRecoveryIsTakenOnlyWithACountersignatureOfACollectiveKnownHere() {
    LedgerStore store = LedgerStore.inMemory();
    CollectiveKey lost = KeyChanges.key(1);
    CollectiveKey next = KeyChanges.key(2);
    CollectiveSecret secret = KeyChanges.secret(9);
    Collective food = Collective.found(CollectiveId.of("food"), "Food", ANA, Appearance.byName("Ana"), store, secret,
        lost, clock);
    food.admit(ANA, BO, Appearance.byName("Bo"));
    food.checkpoint();
    Collective recovering = Collective.openToRecover(store, secret, next, clock);
    RecoveryRequest request = recovering.ledgerKeys().recoveryRequest(next);
    CollectiveKey fixitKey = KeyChanges.key(20);
    List<RecoveryCountersignature> countersigned = List.of(
        RecoveryCountersignature.sign(request, FIXIT, fixitKey, clock.instant()),
        RecoveryCountersignature.sign(request, CARE, KeyChanges.key(21), clock.instant()));
    KeyChanges.adoptKey(recovering, ANA, BO, clock, next, 2);
    recovering.ledgerKeys().recover(ANA, next, countersigned);
    List<Entry> entries = recovering.ledger().entries(0, recovering.ledger().size());

    Map<String, MirrorCopy> copies = new ConcurrentHashMap<>();
    RecoveryVouching vouching = new RecoveryVouching(copies);
    MirrorCopy copy = copyUpTo(entries, vouching);
    long before = copy.tree.size();
    Entry recovery = entries.get((int) before);
    assertThat(recovery.event()).isInstanceOf(KeyEvents.KeyRecovered.class);
    assertThatThrownBy(() -> copy.append(recovery, LedgerJson.canonicalBytes(recovery)))
        .isInstanceOf(InvalidKeyChangeException.class).hasMessageContaining("no collective this node hosts or mirrors");
    assertThat(copy.tree.size()).isEqualTo(before);
    assertThat(copy.keys).isEqualTo(KeyHistory.founding(lost.verificationKey()));

    // The node mirrors the repair café, by the key that countersigned: the recovery is taken.
    MirrorCopy fixit = new MirrorCopy();
    fixit.keys = KeyHistory.founding(fixitKey.verificationKey());
    copies.put(FIXIT, fixit);
    copy.append(recovery, LedgerJson.canonicalBytes(recovery));
    assertThat(copy.keys).isEqualTo(recovering.ledgerKeys().history());

    // Or it hosts the childcare co-op: known by its ledger's keys.
    copies.remove(FIXIT);
    vouching.hostedBy(actor -> actor.equals(CARE) ? Optional.of(KeyHistory.founding(KeyChanges.key(21).verificationKey()))
        : Optional.empty());
    MirrorCopy again = copyUpTo(entries, vouching);
    again.append(recovery, LedgerJson.canonicalBytes(recovery));
    assertThat(again.keys.current()).isEqualTo(next.verificationKey());
  }

  /** A copy holding every entry before the recovery. */
  private static MirrorCopy copyUpTo(List<Entry> entries, RecoveryVouching vouching) {
    MirrorCopy copy = new MirrorCopy(LedgerStore.inMemory(), vouching);
    copy.keys = KeyHistory.founding(KeyChanges.key(1).verificationKey());
    for (Entry e : entries) {
      if (e.event() instanceof KeyEvents.KeyRecovered) {
        break;
      }
      copy.append(e, LedgerJson.canonicalBytes(e));
    }
    return copy;
  }
}
