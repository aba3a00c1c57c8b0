package coop.lattice.examples.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import coop.lattice.Unit;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameter;
import coop.lattice.collective.Collective;
import coop.lattice.collective.DecisionRecord;
import coop.lattice.finance.BudgetReport;
import coop.lattice.finance.Money;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.metrics.Need;
import coop.lattice.metrics.SovereigntyMetrics;
import coop.lattice.poll.Tally;
import coop.lattice.rotation.Lottery;
import coop.lattice.signup.PlannedSlot;
import coop.lattice.store.FileJournal;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java blocks are exactly the snippet regions in {@code coop.lattice.examples.readme},
 * so they cannot drift from code that compiles; and each snippet, run as written, does what the
 * README says it does. The federation snippet runs two nodes and is {@code ReadmeFederationIT}.
 */
class ReadmeTest {
  @Test
  void theReadmeShowsEverySnippetExactlyAsTheCodeHasIt() {
    Map<String, List<String>> blocks = Snippets.blocks(Snippets.readme());
    Map<String, List<String>> regions = Snippets.regions(Snippets.sources());
    assertEquals(regions.keySet(), blocks.keySet(), "the README's snippets and the regions in " + Snippets.sources());
    regions.forEach((name, code) -> assertEquals(String.join("\n", code), String.join("\n", blocks.get(name)),
        "README snippet \"" + name + "\" differs from its region in " + Snippets.sources()
            + "; copy the region into the README"));
  }

  @Test
  void embeddingFoundsOnceReopensAfterAndProvesTheEntry(@TempDir Path dir) throws Exception {
    byte[] seed = new byte[32];
    assertTrue(Embedding.recordAndProve(dir, seed), "the first run's bread is in the ledger");
    long afterFirst = sizeOf(dir, seed);
    assertTrue(Embedding.recordAndProve(dir, seed), "the second run reopens, re-verifies and proves again");
    assertEquals(afterFirst + 2, sizeOf(dir, seed), "the second run added its record and its acknowledgement");
  }

  private static long sizeOf(Path dir, byte[] seed) {
    try (FileJournal journal = FileJournal.openReadOnly(dir)) {
      return Collective.open(journal, CollectiveKey.fromSeed(seed), Clock.systemUTC()).ledger().size();
    }
  }

  @Test
  void theAgreementIsAdoptedAfterTheObjectionIsAnsweredAndGovernsAcknowledgements() throws Exception {
    Snippets.Run<Collective> run = Snippets.run(Agreements::agreeWhoAcknowledges);
    Collective coop = run.result();
    assertEquals(AcknowledgementRule.RECEIVER, coop.agreements().parameters().get(Parameter.ACKNOWLEDGED_BY));
    DecisionRecord decision = coop.agreements().decisions().get(coop.agreements().decisions().size() - 1);
    assertEquals(Outcome.ADOPTED, decision.outcome());
    assertEquals("RECEIVER", run.printed().get(0));
    assertTrue(coop.agreements().openProposals().isEmpty());
  }

  @Test
  void thePlanIsPublishedAndTheSwapHappensOnceBoAgrees() throws Exception {
    Snippets.Run<Collective> run = Snippets.run(Rotation::planTheRoles);
    assertTrue(run.result().rotations().current().isPresent(), "the plan is published");
    assertEquals(1, run.printed().size());
    assertTrue(run.printed().get(0).endsWith(" now goes to bo"), run.printed().get(0));
  }

  @Test
  void theLotteryIsDrawnFromItsEntriesWithTheWithheldMemberListedAndChecksOut() throws Exception {
    Snippets.Run<Lottery.Transcript> run = Snippets.run(Draw::drawTheKeeper);
    assertEquals(List.of("withheld [cy]; the copy re-derives the draw: true; bo's receipt holds: true"), run.printed());
    assertEquals(1, run.result().drawn().size());
    assertEquals(2, run.result().reveals().size());
  }

  @Test
  void theSecretPollIsCountedBySchulzeAndACopyOfTheLedgerChecksIt() throws Exception {
    Snippets.Run<Tally> run = Snippets.run(Deciding::chooseWhereTheFairIs);
    // hall beats park 2 to 1 and school 2 to 1; school beats park 2 to 1: no tie for the seed to break
    assertEquals(List.of("[hall, school, park]; the copy checks out: true"), run.printed());
    assertEquals(3, run.result().ballots());
    assertTrue(run.result().bySeed().isEmpty());
  }

  @Test
  void theBooksShowEveryMovementAndNameNobodyWhoChoseNotToBeShown() throws Exception {
    Snippets.Run<BudgetReport> run = Snippets.run(OpenFinances::keepTheBooksOpen);
    assertEquals(List.of("IN 300.00 EUR dues ", "OUT 18.40 EUR tools Bo", "OUT 120.00 EUR tools a member",
        "balance 161.60 EUR"), run.printed());
    assertEquals(Money.of("250", "EUR"), run.result().planned());
    assertEquals(Money.of("138.40", "EUR"), run.result().spent());
    assertEquals(Money.of("300", "EUR"), run.result().income());
  }

  @Test
  void membersSignUpFirstAndTheRotationFillsTheRest() throws Exception {
    Snippets.Run<List<PlannedSlot>> run = Snippets.run(SigningUp::signUpThenRotate);
    List<PlannedSlot> plan = run.result();
    assertEquals(4, plan.size());
    assertEquals(List.of("2027-03-13 CHOSEN", "2027-03-13 CHOSEN", "2027-03-20 ASSIGNED", "2027-03-20 ASSIGNED"),
        plan.stream().map(s -> s.slot().date() + " " + s.how()).toList());
    assertEquals(Set.of("cy", "dee"), plan.subList(2, 4).stream().map(s -> s.member().value())
        .collect(Collectors.toSet()), "the Saturday nobody chose goes to the two who chose none");
    assertTrue(plan.stream().anyMatch(s -> s.reason().contains("which they would rather not")),
        "dee's wish could not be kept within everyone's share, and the reason says so");
    assertEquals(4, run.printed().size());
  }

  @Test
  void theHealthReportAndTheMetricsAreReadForTheGroup() throws Exception {
    Snippets.Run<SovereigntyMetrics> run = Snippets.run(HealthAndMetrics::readTheHealthAndTheNeedsMet);
    assertTrue(run.result().report(YearMonth.of(2027, 3)).gained().contains(Need.FOOD),
        "food is a need the co-op met itself in March that it did not in February");
    assertEquals("[" + Need.FOOD + "]", run.printed().get(run.printed().size() - 1));
  }

  @Test
  void twoHoursMoveOnceTheReceiverConfirms() throws Exception {
    Snippets.Run<Collective> run = Snippets.run(TimeBank::giveTwoHours);
    assertEquals(List.of("2 / -2"), run.printed());
  }

  @Test
  void theCycleIsClearedAndNoNetPositionChanges() throws Exception {
    Snippets.Run<Collective> run = Snippets.run(TradeAndClearing::tradeAndClear);
    Collective coop = run.result();
    assertEquals(List.of("[]"), run.printed());
    BigDecimal net = coop.trade().partnerships().stream().map(p -> p.balance(Unit.HOURS))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, new BigDecimal("2").compareTo(net), "5 given less 3 received, before and after clearing: " + net);
  }
}
