package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.Unit;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.Parameter;
import coop.lattice.exchange.ClaimDetails;
import coop.lattice.exchange.FundId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.privacy.Vault;
import coop.lattice.store.FileJournal;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 18: a member who left and asks to be forgotten is named by nothing on disk; the ledger still verifies. */
class ForgettingTest {
  static final MemberId DANI = MemberId.of("dani-k");
  static final String NAME = "Dani Kowalczyk";
  static final String WHY = "dani's boiler broke";
  final SteppingClock clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(3));
  @TempDir Path dir;

  @Test
  void aForgottenMemberIsNamedByNothingOnDiskAndTheLedgerStillVerifies() throws IOException {
    FundId fund = FundId.of("hardship");
    long size;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = Collective.found(CollectiveId.of("pantry"), "Pantry", ANA, Appearance.byName("Ana"), journal,
          KEY, clock);
      coop.admit(ANA, BO, Appearance.byName("Bo"));
      coop.admit(ANA, CY, Appearance.byName("Cy"));
      coop.admit(ANA, DANI, Appearance.byName(NAME));
      coop.acknowledge(ANA, coop.record(Contribution.toMember(DANI, ANA, ContributionKind.FOOD, Quantity.kilograms("3"))));
      coop.changeAppearance(DANI, Appearance.onlyInAggregates());
      coop.acknowledge(DANI, coop.record(Contribution.toMember(BO, DANI, ContributionKind.CARE, Quantity.hours("2"))));
      coop.aidFund().open(ANA, fund, "Hardship", Unit.HOURS);
      coop.aidFund().payIn(ANA, fund, Quantity.hours("20"));
      Adopt.adopt(coop, clock, ANA, Adopt.terms("fund").set(Parameter.AID_FUND_MAX_CLAIM, new BigDecimal("10")).build());
      long claim = coop.aidFund().claim(DANI, fund, Quantity.hours("4"), ClaimDetails.of(DANI, WHY));

      rejected(coop, () -> coop.privacy().forget(DANI), NotPermittedException.class, "still a member");
      coop.leave(DANI);
      rejected(coop, () -> coop.privacy().forget(DANI), NotPermittedException.class, "is still open");
      coop.aidFund().approve(ANA, claim);
      coop.aidFund().approve(BO, claim);
      coop.aidFund().pay(CY, claim);
      rejected(coop, () -> coop.privacy().forget(MemberId.of("nobody")), UnknownMemberException.class, "never a member");

      coop.privacy().forget(DANI);
      MemberId handle = Pseudonyms.of(CollectiveSecret.of(KEY)).handle(DANI);
      assertThat(coop.member(DANI)).isEmpty();
      assertThat(coop.member(handle)).hasValueSatisfying(m -> assertThat(m.appearance())
          .isEqualTo(Appearance.onlyInAggregates()));
      assertThat(coop.publicFeed(100)).allSatisfy(i -> assertThat(i.toString()).doesNotContain("Dani"));
      size = coop.ledger().size();
    }

    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        assertThat(text).as(f.toString()).doesNotContain(DANI.value()).doesNotContain("Dani").doesNotContain("boiler");
      }
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Vault vault = Vault.of(CollectiveSecret.of(KEY));
      for (String name : List.of(Profiles.FILE, SealedClaims.FILE)) {
        String plain = new String(vault.read(journal.privateArea(), name).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(plain).as(name).doesNotContain(DANI.value()).doesNotContain("Dani").doesNotContain("boiler");
      }
      Collective reopened = Collective.open(journal, KEY, clock); // re-verifies every entry and checkpoint
      assertThat(reopened.ledger().size()).isEqualTo(size);
      assertThat(reopened.member(DANI)).isEmpty();
      assertThat(reopened.members()).extracting(Member::id).contains(ANA, BO, CY).doesNotContain(DANI);
    }
  }
}
