package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.agreement.Parameter;
import coop.lattice.exchange.ClaimDetails;
import coop.lattice.exchange.FundId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.privacy.Vault;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, items 2 and 3: a claimant who files their own claim is not on the ledger, and a
 * claimant-steward never decides on their own claim, by any path, before and after a restart,
 * with the details kept encrypted in the journal's directory.
 */
class SealedClaimsTest {
  static final FundId RENT = FundId.of("rent-fund");
  static final String WHY = "eviction hearing on the 14th";
  final SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
  @TempDir Path dir;

  Collective found(LedgerStore store) {
    Collective coop = Collective.found(CollectiveId.of("tenants-union"), "Tenants' Union", ANA,
        Appearance.byName("Ana"), store, KEY, clock);
    for (MemberId m : List.of(BO, CY, DEE)) {
      coop.admit(ANA, m, Appearance.byName(m.value()));
    }
    coop.aidFund().open(ANA, RENT, "Rent fund", Unit.HOURS);
    coop.aidFund().payIn(BO, RENT, Quantity.hours("30"));
    Adopt.adopt(coop, clock, ANA, Adopt.terms("rent-fund").set(Parameter.AID_FUND_MAX_CLAIM, new BigDecimal("20"))
        .set(Parameter.AID_FUND_APPROVALS, 2).set(Parameter.AID_FUND_STEWARDS, List.of(ANA, BO, CY)).build());
    return coop;
  }

  /** Every way a steward could approve, decline or pay a claim. */
  static List<Consumer<Collective>> decisions(MemberId steward, long claim) {
    return List.of(
        c -> c.aidFund().approve(steward, claim),
        c -> c.aidFund().decline(steward, claim, "no"),
        c -> c.submit(steward, new Event.AidApproved(claim)),
        c -> c.submit(steward, new Event.AidDeclined(claim, "no")));
  }

  @Test
  void aClaimantWhoFilesTheirOwnClaimIsNotOnItsEntry() {
    Collective coop = found(LedgerStore.inMemory());
    long claim = coop.aidFund().claim(DEE, RENT, Quantity.hours("5"), ClaimDetails.of(DEE, WHY));

    Entry entry = coop.ledger().entry(claim);
    String bytes = new String(LedgerJson.canonicalBytes(entry), StandardCharsets.UTF_8);
    assertThat(entry.author()).isEqualTo(Collective.ITSELF);
    assertThat(bytes).contains("\"author\":\"collective\"").doesNotContain("dee").doesNotContain("eviction");
    assertThat(coop.aidFund().claim(claim).orElseThrow().filedBy()).isEqualTo(Collective.ITSELF);
  }

  @Test
  void aClaimantStewardCannotDecideOnTheirOwnClaimByAnyPathBeforeOrAfterARestart() throws IOException {
    long claim;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      claim = coop.aidFund().claim(CY, RENT, Quantity.hours("5"), ClaimDetails.of(CY, WHY));
      for (Consumer<Collective> decision : decisions(CY, claim)) {
        rejected(coop, () -> decision.accept(coop), NotPermittedException.class, "cy filed claim " + claim);
      }
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective reopened = Collective.open(journal, KEY, clock);
      for (Consumer<Collective> decision : decisions(CY, claim)) {
        rejected(reopened, () -> decision.accept(reopened), NotPermittedException.class, "cy filed claim " + claim);
      }
      assertThat(reopened.aidFund().details(ANA, claim)).map(ClaimDetails::circumstances).contains(WHY);
      reopened.aidFund().approve(ANA, claim);
      reopened.aidFund().approve(BO, claim);
      rejected(reopened, () -> reopened.aidFund().pay(CY, claim), NotPermittedException.class, "cy filed claim");
      reopened.aidFund().pay(BO, claim);
    }
  }

  @Test
  void theDetailsOnDiskAreEncrypted() throws IOException {
    try (FileJournal journal = FileJournal.open(dir)) {
      found(journal).aidFund().claim(BO, RENT, Quantity.hours("5"), ClaimDetails.of(DEE, WHY));
    }
    Path file = dir.resolve("private").resolve(SealedClaims.FILE);
    String onDisk = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    assertThat(onDisk).startsWith("LTV1").doesNotContain("dee").doesNotContain("eviction");
  }

  @Test
  void aRefusedClaimLeavesNoSealedDetailsBehind() throws IOException {
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      rejected(coop, () -> coop.aidFund().claim(DEE, RENT, Quantity.hours("25"), ClaimDetails.of(DEE, WHY)),
          LimitExceededException.class, "at most 20 hours");
      assertThat(Files.exists(dir.resolve("private").resolve(SealedClaims.FILE))).isTrue();
      assertThat(coop.sealedClaims().get(ClaimDetails.of(DEE, WHY).seal())).isEmpty();
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      assertThat(SealedClaims.open(journal.privateArea(), Vault.of(CollectiveSecret.of(KEY))).isEmpty()).isTrue();
    }
  }

  @Test
  void nobodyActsAsTheCollectiveOrFilesAClaimAroundTheFund() {
    Collective coop = found(LedgerStore.inMemory());
    ClaimDetails details = ClaimDetails.of(DEE, WHY);
    rejected(coop, () -> coop.submit(Collective.ITSELF, new Event.FundContribution(RENT, Quantity.hours("1"))),
        NotPermittedException.class, "no member has it or acts as it");
    rejected(coop, () -> coop.submit(DEE, new Event.AidClaimed(RENT, Quantity.hours("1"), details.seal())),
        NotPermittedException.class, "filed through aidFund().claim");
    rejected(coop, () -> coop.admit(ANA, Collective.ITSELF, Appearance.byName("The collective")),
        NotPermittedException.class, "Choose another member id");
  }

  @Test
  void aMirrorFoldsTheClaimWithoutItsDetails() {
    Collective coop = found(LedgerStore.inMemory());
    long claim = coop.aidFund().claim(DEE, RENT, Quantity.hours("5"), ClaimDetails.of(DEE, WHY));
    coop.aidFund().approve(ANA, claim);

    Replica mirror = new Replica();
    coop.ledger().entries(0, coop.ledger().size()).forEach(mirror::apply);
    assertThat(mirror.size()).isEqualTo(coop.ledger().size());
  }
}
