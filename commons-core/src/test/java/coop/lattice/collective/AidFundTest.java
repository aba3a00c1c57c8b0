package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.Unit;
import coop.lattice.agreement.Parameter;
import coop.lattice.exchange.ClaimDetails;
import coop.lattice.exchange.FundId;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The mutual aid fund: public totals, sealed claims, rules from the agreement in force. */
class AidFundTest {
  static final FundId LEGAL = FundId.of("legal-defence");
  SteppingClock clock;
  Collective coop;
  AidFund fund;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    coop = Collective.found(CollectiveId.of("tenants-union"), "Tenants' Union", ANA, Appearance.byName("Ana"),
        LedgerStore.inMemory(), KEY, clock);
    for (MemberId m : List.of(BO, CY, DEE)) {
      coop.admit(ANA, m, Appearance.byName(m.value()));
    }
    fund = coop.aidFund();
    fund.open(ANA, LEGAL, "Legal defence", Unit.HOURS);
    fund.payIn(BO, LEGAL, Quantity.hours("30"));
  }

  void rules() {
    Adopt.adopt(coop, clock, ANA, Adopt.terms("legal-fund").set(Parameter.AID_FUND_MAX_CLAIM, new BigDecimal("20"))
        .set(Parameter.AID_FUND_APPROVALS, 2).set(Parameter.AID_FUND_STEWARDS, List.of(ANA, BO, CY)).build());
  }

  @Test
  void aClaimIsSealedApprovedByTwoStewardsAndPaidAndOnlyTheTotalsArePublic() {
    rules();
    ClaimDetails details = ClaimDetails.of(DEE, "eviction hearing on the 14th; needs a lawyer's hours");
    long claim = fund.claim(ANA, LEGAL, Quantity.hours("12"), details); // a steward files for dee
    String ledger = coop.ledger().entries(0, coop.ledger().size()).stream()
        .map(e -> new String(LedgerJson.canonicalBytes(e), StandardCharsets.UTF_8)).reduce("", String::concat);
    assertThat(ledger).contains("AidClaimed").doesNotContain("eviction").doesNotContain(details.salt());
    assertThat(fund.claim(claim).orElseThrow().sealed()).isEqualTo(details.seal());

    rejected(coop, () -> fund.approve(ANA, claim), NotPermittedException.class,
        "ana filed claim " + claim + " or is the one it would help");
    rejected(coop, () -> fund.approve(DEE, claim), NotPermittedException.class, "Only the stewards");
    MemberId eli = MemberId.of("eli");
    coop.admit(ANA, eli, Appearance.byName("Eli"));
    rejected(coop, () -> fund.approve(eli, claim), NotPermittedException.class,
        "Only the stewards [ana, bo, cy] (agreement \"legal-fund\") approve claims");
    fund.approve(BO, claim);
    rejected(coop, () -> fund.approve(BO, claim), ConflictException.class, "already approved");
    rejected(coop, () -> fund.pay(CY, claim), ConflictException.class, "is open, so it cannot be paid");
    fund.approve(CY, claim);
    assertThat(fund.claim(claim).orElseThrow().status()).isEqualTo(ClaimRecord.Status.APPROVED);
    fund.pay(BO, claim);
    FundRecord f = fund.fund(LEGAL).orElseThrow();
    assertThat(f.balance()).isEqualByComparingTo("18");
    assertThat(f.claimsPaid()).isEqualTo(1);

    assertThat(fund.details(CY, claim)).contains(details);
    assertThatThrownBy(() -> fund.details(DEE, claim)).isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("only the stewards");
  }

  @Test
  void claimsBeyondTheFundsRulesAreRefused() {
    rejected(coop, () -> fund.claim(DEE, LEGAL, Quantity.hours("1"), ClaimDetails.of(DEE, "rent court")),
        NotPermittedException.class, "No agreement in force lets the fund pay claims");
    rules();
    rejected(coop, () -> fund.claim(DEE, LEGAL, Quantity.hours("25"), ClaimDetails.of(DEE, "rent court")),
        LimitExceededException.class, "at most 20 hours (agreement \"legal-fund\"); this one asks for 25 hours");
    rejected(coop, () -> fund.claim(DEE, LEGAL, Quantity.kilograms("5"), ClaimDetails.of(DEE, "rent court")),
        InvalidQuantityException.class, "pays out hours");
    rejected(coop, () -> fund.claim(DEE, FundId.of("nope"), Quantity.hours("5"), ClaimDetails.of(DEE, "x")),
        RejectedCommandException.class, "no fund called nope");

    long first = fund.claim(DEE, LEGAL, Quantity.hours("20"), ClaimDetails.of(DEE, "first hearing"));
    long second = fund.claim(DEE, LEGAL, Quantity.hours("20"), ClaimDetails.of(DEE, "appeal"));
    for (long c : List.of(first, second)) {
      fund.approve(ANA, c);
      fund.approve(BO, c);
    }
    fund.pay(CY, first);
    rejected(coop, () -> fund.pay(CY, second), LimitExceededException.class, "holds 10 hours, less than the 20 hours");

    // A steward's own claim: the details show it is theirs, so they cannot approve it.
    long own = fund.claim(CY, LEGAL, Quantity.hours("2"), ClaimDetails.of(CY, "a fine for the rent strike"));
    rejected(coop, () -> fund.approve(CY, own), NotPermittedException.class, "cy filed claim " + own);
    // Someone who is neither the claimant nor a steward cannot file for another.
    rejected(coop, () -> fund.claim(DEE, LEGAL, Quantity.hours("2"), ClaimDetails.of(CY, "x")),
        NotPermittedException.class, "by a steward on their behalf (agreement \"legal-fund\"); dee is neither");
  }

  @Test
  void claimsLeftUndecidedPastTheAgreedTimeGoOnTheAgendaWithoutDetails() {
    rules();
    long claim = fund.claim(ANA, LEGAL, Quantity.hours("5"), ClaimDetails.of(DEE, "private"));
    clock.advance(Duration.ofDays(8));
    assertThat(fund.overdue(clock.instant())).extracting(ClaimRecord::entry).containsExactly(claim);
    assertThat(coop.agenda(clock.instant())).filteredOn(i -> i.kind() == AgendaItem.Kind.AID_CLAIM_WAITING)
        .singleElement().satisfies(i -> assertThat(i.detail()).doesNotContain("dee").doesNotContain("private"));
  }

  @Test
  void detailsHandedBackAreCheckedAgainstTheSeal() {
    rules();
    ClaimDetails details = ClaimDetails.of(DEE, "eviction");
    long claim = fund.claim(ANA, LEGAL, Quantity.hours("5"), details);
    assertThatThrownBy(() -> fund.restoreDetails(claim, ClaimDetails.of(DEE, "eviction")))
        .isInstanceOf(RejectedCommandException.class).hasMessageContaining("do not match the seal");
    fund.restoreDetails(claim, details);
    assertThat(fund.details(BO, claim)).contains(details);
  }
}
