package coop.lattice.collective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.InvalidKeyChangeException;
import coop.lattice.KeyNotInForceException;
import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Response;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Checkpoint;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.CollectiveSecret;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.KeyEvents;
import coop.lattice.ledger.KeyHistory;
import coop.lattice.ledger.RecoveryCountersignature;
import coop.lattice.ledger.RecoveryRequest;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's key rotates (signed by the key in force and by the new one) and is recovered when
 * lost (by the collective's agreement, countersigned by partners), on a file journal that is
 * reopened; every refused change leaves the ledger's size and root as they were; the collective's
 * secret, and so its members' handles and private area, never changes.
 */
class LedgerKeysTest {
  static final CollectiveId RIVERSIDE = CollectiveId.of("riverside");
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");
  static final CollectiveKey K0 = key(1);
  static final CollectiveKey K1 = key(2);
  static final CollectiveKey K2 = key(3);
  static final CollectiveSecret SECRET = CollectiveSecret.fromBytes(seed(9));
  static final String FIXIT = "https://fixit.example/collectives/fixit";
  static final String CARE = "https://care.example/collectives/care";

  final SteppingClock clock = SteppingClock.startingAt("2026-12-01T10:00:00Z", Duration.ZERO);

  @Test
  void aRotationIsSignedByBothKeysAndTheCollectiveReopensWithTheNewKey(@TempDir Path dir) {
    Entry rotated;
    CollectiveState before;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = founded(journal);
      coop.checkpoint();
      rotated = coop.ledgerKeys().rotate(ANA, K1);
      assertThat(rotated.event()).isInstanceOf(KeyEvents.KeyRotated.class);
      assertThat(rotated.author()).isEqualTo(Pseudonyms.of(SECRET).handle(ANA)); // the same handle as ever
      KeyHistory keys = coop.ledgerKeys().history();
      assertThat(keys.periods()).containsExactly(new KeyHistory.Period(K0.verificationKey(), 0, rotated.sequence()),
          new KeyHistory.Period(K1.verificationKey(), rotated.sequence() + 1, Long.MAX_VALUE));
      SignedCheckpoint after = coop.ledger().latestCheckpoint().orElseThrow();
      assertThat(after.checkpoint().size()).isEqualTo(rotated.sequence() + 1);
      assertThat(after.verify(K1.verificationKey())).isTrue();
      assertThat(after.verify(K0.verificationKey())).isFalse();
      before = coop.state();
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective again = Collective.open(journal, SECRET, K1, clock, Progress.none());
      assertThat(again.state()).isEqualTo(before);
      assertThat(again.ledgerKeys().history().current()).isEqualTo(K1.verificationKey());
      again.admit(ANA, MemberId.of("cleo"), Appearance.byName("Cleo"));
      assertThat(again.checkpoint().verify(K1.verificationKey())).isTrue();
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      assertThatThrownBy(() -> Collective.open(journal, SECRET, K0, clock, Progress.none()))
          .isInstanceOf(KeyNotInForceException.class).hasMessageContaining("not its key in force");
      assertThatThrownBy(() -> Collective.open(journal, K1, clock))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Collective.open(store, secret, key, clock)");
    }
  }

  @Test
  void aChangeOfKeyNotSignedAsItMustBeIsRefusedAndChangesNothing() {
    Collective coop = founded(LedgerStore.inMemory());
    long at = coop.ledger().size();
    Hash previous = coop.ledger().leafHash(at - 1);
    KeyEvents.KeyChange change = new KeyEvents.KeyChange(RIVERSIDE, at, previous, KeyEvents.ROTATION,
        K1.verificationKey().base64Url());
    unchanged(coop, () -> coop.ledgerKeys().rotate(ANA, K0), "a retired key never returns");
    unchanged(coop, () -> coop.submit(ANA, new KeyEvents.KeyRotated(change.publicKey(), change.sign(K2),
        change.sign(K1))), "not signed by the key in force");
    unchanged(coop, () -> coop.submit(ANA, new KeyEvents.KeyRotated(change.publicKey(), change.sign(K0),
        change.sign(K2))), "The new key did not sign the rotation");
    KeyEvents.KeyChange elsewhere = new KeyEvents.KeyChange(RIVERSIDE, at + 7, previous, KeyEvents.ROTATION,
        K1.verificationKey().base64Url());
    unchanged(coop, () -> coop.submit(ANA, new KeyEvents.KeyRotated(change.publicKey(), elsewhere.sign(K0),
        elsewhere.sign(K1))), "not signed by the key in force"); // a signature made for another place
    unchanged(coop, () -> coop.ledgerKeys().rotate(MemberId.of("zed"), K1), "not a member");
    assertThat(coop.ledgerKeys().history()).isEqualTo(KeyHistory.founding(K0.verificationKey()));
  }

  @Test
  void aLostKeyIsRecoveredUnderTheAgreementWithPartnersCountersignatures(@TempDir Path dir) {
    SignedCheckpoint basis;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = founded(journal);
      basis = coop.checkpoint();
      coop.admit(ANA, MemberId.of("cleo"), Appearance.byName("Cleo")); // recorded after the last checkpoint
    }
    Collective fixit = Collective.found(CollectiveId.of("fixit"), "Fixit", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), key(20), clock);
    Collective care = Collective.found(CollectiveId.of("care"), "Care", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), key(21), clock);
    try (FileJournal journal = FileJournal.open(dir)) {
      // K0 is lost: the collective opens to recover with K1, and signs nothing meanwhile.
      Collective coop = Collective.openToRecover(journal, SECRET, K1, clock);
      assertThatThrownBy(coop::checkpoint).isInstanceOf(ConflictException.class).hasMessageContaining("lost");
      RecoveryRequest request = coop.ledgerKeys().recoveryRequest(K1);
      assertThat(request.basis()).isEqualTo(basis);
      RecoveryCountersignature byFixit = fixit.ledgerKeys().countersign(request, FIXIT);
      RecoveryCountersignature byCare = care.ledgerKeys().countersign(request, CARE);
      assertThat(byFixit.verify(request)).isTrue();

      unchanged(coop, () -> coop.ledgerKeys().recover(ANA, K1, List.of(byFixit, byCare)), "adopt the new key first");
      adopt(coop, K1);
      unchanged(coop, () -> coop.ledgerKeys().recover(ANA, K1, List.of(byFixit)), "asks for 2");
      RecoveryCountersignature forAnotherKey = care.ledgerKeys().countersign(
          new RecoveryRequest(basis, K2.verificationKey().base64Url()), CARE);
      unchanged(coop, () -> coop.ledgerKeys().recover(ANA, K1, List.of(byFixit, forAnotherKey)), "does not verify");
      unchanged(coop, () -> coop.ledgerKeys().recover(ANA, K1, List.of(byFixit, byFixit)), "asks for 2");
      RecoveryCountersignature byItself = RecoveryCountersignature.sign(request, CARE, K0, clock.instant());
      unchanged(coop, () -> coop.ledgerKeys().recover(ANA, K1, List.of(byFixit, byItself)), "only partners do");

      Entry recovered = coop.ledgerKeys().recover(ANA, K1, List.of(byFixit, byCare));
      KeyHistory keys = coop.ledgerKeys().history();
      long b = basis.checkpoint().size();
      assertThat(keys.periods()).containsExactly(new KeyHistory.Period(K0.verificationKey(), 0, b),
          new KeyHistory.Period(K1.verificationKey(), recovered.sequence() + 1, Long.MAX_VALUE));
      assertThat(coop.ledger().latestCheckpoint().orElseThrow().verify(K1.verificationKey())).isTrue();
      // Whoever holds the lost key now signs nothing that counts beyond the basis.
      Checkpoint later = new Checkpoint(RIVERSIDE, b + 1, coop.ledger().root(b + 1), clock.instant());
      assertThat(keys.verifies(later.sign(K0))).isFalse();
      assertThat(keys.verifies(basis)).isTrue();
      assertThat(keys.at(b + 1)).isEmpty();
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective again = Collective.open(journal, SECRET, K1, clock, Progress.none());
      assertThat(again.ledgerKeys().history().current()).isEqualTo(K1.verificationKey());
      assertThat(KeyHistory.parse(again.ledgerKeys().history().encode())).isEqualTo(again.ledgerKeys().history());
    }
  }

  @Test
  void anAgreementNamesALedgerKeyAsAKeyOrNotAtAll() {
    assertThatThrownBy(() -> AgreementTerms.builder(AgreementId.of("keys"), "Our ledger key").text("t").scope("s")
        .reviewOn(LocalDate.of(2029, 1, 1)).rule(DecisionRule.consent(Duration.ofDays(7)))
        .set("ledger-key", "not a key").build())
        .isInstanceOf(coop.lattice.InvalidAgreementException.class).hasMessageContaining("does not fit ledger-key")
        .hasMessageContaining("an Ed25519 public key in URL-safe base64");
  }

  /** Every copy of the ledger derives the same keys from the same entries, and refuses a changed one. */
  @Test
  void aCopyDerivesTheSameKeysAndRefusesAChangedRotation() {
    Collective coop = founded(LedgerStore.inMemory());
    coop.ledgerKeys().rotate(ANA, K1);
    coop.admit(ANA, MemberId.of("cleo"), Appearance.byName("Cleo"));
    coop.ledgerKeys().rotate(ANA, K2);
    List<Entry> entries = coop.ledger().entries(0, coop.ledger().size());
    MerkleTree tree = new MerkleTree();
    KeyHistory copy = KeyHistory.founding(K0.verificationKey());
    for (Entry e : entries) {
      copy = copy.after(e, tree::root);
      tree.append(e.canonicalBytes());
    }
    assertThat(copy).isEqualTo(coop.ledgerKeys().history());
    assertThat(copy.periods()).hasSize(3);

    Entry first = entries.stream().filter(e -> e.event() instanceof KeyEvents.KeyRotated).findFirst().orElseThrow();
    KeyEvents.KeyRotated r = (KeyEvents.KeyRotated) first.event();
    Entry changed = new Entry(first.sequence(), first.time(), first.collective(), first.author(),
        new KeyEvents.KeyRotated(K2.verificationKey().base64Url(), r.signature(), r.proof()), first.previous());
    KeyHistory founding = KeyHistory.founding(K0.verificationKey());
    assertThatThrownBy(() -> founding.after(changed, tree::root)).isInstanceOf(InvalidKeyChangeException.class);
  }

  private Collective founded(LedgerStore store) {
    Collective coop = Collective.found(RIVERSIDE, "Riverside", ANA, Appearance.byName("Ana"), store, SECRET, K0,
        clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    return coop;
  }

  /** The members adopt {@code next} as the ledger's key, by consent, and ask two partners to countersign. */
  private void adopt(Collective coop, CollectiveKey next) {
    AgreementTerms terms = AgreementTerms.builder(AgreementId.of("keys"), "Our ledger key")
        .text("We recover our ledger's key with our partners.").scope("ledger")
        .reviewOn(LocalDate.of(2029, 1, 1)).rule(DecisionRule.consent(Duration.ofDays(7)))
        .set("ledger-key", next.verificationKey().base64Url()).set("key-recovery-countersignatures", "2").build();
    long p = coop.agreements().propose(ANA, terms, "");
    coop.agreements().respond(BO, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(ANA, p, "adopted");
  }

  private static void unchanged(Collective coop, Executable change, String why) {
    long size = coop.ledger().size();
    Hash root = coop.ledger().root();
    assertThatThrownBy(change::execute).hasMessageContaining(why)
        .isInstanceOfAny(InvalidKeyChangeException.class, UnknownMemberException.class);
    assertThat(coop.ledger().size()).isEqualTo(size);
    assertThat(coop.ledger().root()).isEqualTo(root);
  }

  private static CollectiveKey key(int n) {
    return CollectiveKey.fromSeed(seed(n));
  }

  private static byte[] seed(int n) {
    byte[] s = new byte[32];
    Arrays.fill(s, (byte) n);
    return s;
  }
}
