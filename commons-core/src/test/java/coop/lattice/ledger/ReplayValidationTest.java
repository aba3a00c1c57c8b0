package coop.lattice.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ContributionKind;
import coop.lattice.LedgerDamagedException;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.Collective;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replay re-checks the collective's rules, not only hashes: a ledger written by a faulty or
 * hostile writer, with valid hashes and a valid signature, is still refused where an entry
 * breaks a rule. And checkpoints are only as good as their signature.
 */
class ReplayValidationTest {
  static final CollectiveKey KEY = CollectiveKey.fromSeed(new byte[32]);
  static final MemberId ANA = MemberId.of("ana");
  static final MemberId BO = MemberId.of("bo");

  @Test
  void anEntryThatBreaksARuleIsDamageAtItsIndexEvenWithValidHashes() {
    LedgerStore store = LedgerStore.inMemory();
    Ledger ledger = Ledger.create(store, CollectiveId.of("repair-cafe"), KEY.verificationKey());
    Instant t = Instant.parse("2026-02-01T10:00:00Z");
    ledger.appendAll(List.of(
        new Ledger.Draft(t, ANA, new Event.CollectiveFounded("Repair Café", KEY.verificationKey().base64Url())),
        new Ledger.Draft(t, ANA, new Event.MemberJoined(ANA, Appearance.byName("Ana"))),
        new Ledger.Draft(t, ANA, new Event.MemberJoined(BO, Appearance.byName("Bo"))),
        new Ledger.Draft(t, BO, new Event.ContributionRecorded(
            Contribution.toCollective(BO, ContributionKind.REPAIR, Quantity.hours("2")))),
        // Bo acknowledges his own contribution: the Ledger does not judge, the collective does.
        new Ledger.Draft(t, BO, new Event.ContributionAcknowledged(3))));
    ledger.checkpoint(KEY, t);

    assertThatThrownBy(() -> Collective.open(store, KEY, SteppingClock.startingAt("2026-03-01T00:00:00Z", Duration.ofMinutes(1))))
        .isInstanceOf(LedgerDamagedException.class)
        .hasMessageContaining("entry 4 breaks the collective's rules")
        .hasMessageContaining("cannot confirm their own contribution")
        .satisfies(e -> assertThat(((LedgerDamagedException) e).firstBadIndex()).isEqualTo(4));
  }

  @Test
  void aCheckpointWithAForgedSignatureOrAnotherKeyDoesNotVerify() {
    LedgerStore store = LedgerStore.inMemory();
    Collective c = Collective.found(CollectiveId.of("repair-cafe"), "Repair Café", ANA, Appearance.byName("Ana"),
        store, KEY, SteppingClock.startingAt("2026-02-01T10:00:00Z", Duration.ofMinutes(1)));
    SignedCheckpoint cp = c.checkpoint();
    assertThat(cp.verify(KEY.verificationKey())).isTrue();
    assertThat(cp.verify(CollectiveKey.fromSeed(new byte[] {
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32})
        .verificationKey())).isFalse();
    Checkpoint moved = new Checkpoint(cp.checkpoint().collective(), cp.checkpoint().size() + 1, cp.checkpoint().root(),
        cp.checkpoint().time());
    assertThat(new SignedCheckpoint(moved, cp.signature()).verify(KEY.verificationKey())).isFalse();
    assertThat(new SignedCheckpoint(cp.checkpoint(), cp.signature().substring(1) + "A").verify(KEY.verificationKey()))
        .isFalse();
    assertThat(new SignedCheckpoint(cp.checkpoint(), "not base64!").verify(KEY.verificationKey())).isFalse();
    assertThat(SignedCheckpoint.parse(cp.toBytes())).isEqualTo(cp);
  }

  @Test
  void listenersHearEachDurableEntryInOrder() {
    Collective c = Collective.found(CollectiveId.of("repair-cafe"), "Repair Café", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, SteppingClock.startingAt("2026-02-01T10:00:00Z", Duration.ofMinutes(1)));
    List<Long> heard = new ArrayList<>();
    List<Hash> roots = new ArrayList<>();
    c.onEntry(e -> {
      heard.add(e.sequence());
      roots.add(c.ledger().root(e.sequence() + 1));
    });
    c.admit(ANA, BO, Appearance.byName("Bo"));
    long ref = c.record(Contribution.toCollective(BO, ContributionKind.REPAIR, Quantity.hours("1")));
    c.acknowledge(ANA, ref);
    assertThatThrownBy(() -> c.acknowledge(ANA, ref)).isInstanceOf(ConflictException.class);
    assertThat(heard).containsExactly(2L, 3L, 4L); // the rejected command was never heard
    assertThat(roots).hasSize(3).doesNotHaveDuplicates();
  }
}
