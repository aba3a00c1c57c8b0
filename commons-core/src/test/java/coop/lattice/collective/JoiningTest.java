package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.JoiningFixture.ANSWERS;
import static coop.lattice.collective.JoiningFixture.ELI;
import static coop.lattice.collective.JoiningFixture.FAY;
import static coop.lattice.collective.JoiningFixture.wayIn;
import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.ConflictException;
import coop.lattice.ContributionKind;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidApplicationException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.TooEarlyException;
import coop.lattice.Unit;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.exchange.ClaimDetails;
import coop.lattice.exchange.FundId;
import coop.lattice.joining.Answer;
import coop.lattice.joining.Permission;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.JoiningEvents;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.store.FileJournal;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 4: a way in. Applications answering the collective's own questions go through the
 * ledger as a seal the collective records, are read by members and decided under the agreement in
 * force; an accepted applicant joins the way every member joins. Newcomers gain the permissions an
 * agreement names once enough members trust them, and count as new until then where it says so;
 * every bad input changes nothing.
 */
class JoiningTest {
  final SteppingClock clock = JoiningFixture.clock();
  @TempDir Path dir;

  Collective found(LedgerStore store) {
    return JoiningFixture.found(store, clock);
  }

  @Test
  void anApplicationAnsweringTheQuestionsIsReadByMembersAcceptedAndTheApplicantJoins() {
    Collective coop = found(LedgerStore.inMemory());
    Adopt.adopt(coop, clock, ANA, wayIn(2).build());
    assertThat(coop.joining().questions()).extracting(q -> q.id() + ":" + q.required())
        .containsExactly("why:true", "skills:false");

    long application = coop.joining().apply(ELI, Appearance.byName("Eli"), ANSWERS);
    Entry received = coop.ledger().entry(application);
    assertThat(received.author()).isEqualTo(Collective.ITSELF);
    assertThat(received.event()).isInstanceOf(JoiningEvents.ApplicationReceived.class);
    assertThat(received.format()).as("an event type after format 1").isEqualTo(2);
    ApplicationRecord seen = coop.joining().application(BO, application).orElseThrow();
    assertThat(seen.applicant()).isEqualTo(ELI);
    assertThat(seen.answers()).isEqualTo(ANSWERS);
    assertThat(seen.status()).isEqualTo(ApplicationRecord.Status.OPEN);
    assertThat(coop.member(ELI)).isEmpty();
    assertThatThrownBy(() -> coop.joining().applications(ELI)).isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("eli is not a member: applications to join, with the answers in them, are for the"
            + " collective's members to read");

    assertThat(coop.agenda()).filteredOn(i -> i.kind() == AgendaItem.Kind.APPLICATION_TO_DECIDE)
        .extracting(AgendaItem::detail).containsExactly("An application to join (entry " + application + ") waits for a"
            + " member to accept or decline it.");
    Entry decision = coop.joining().accept(BO, application, "Welcome, Eli!");
    assertThat(coop.agenda()).noneMatch(i -> i.kind() == AgendaItem.Kind.APPLICATION_TO_DECIDE);
    Entry joined = coop.ledger().entry(decision.sequence() + 1);
    assertThat(joined.event()).isInstanceOf(Event.MemberJoined.class); // the one join path every member takes
    assertThat(coop.privacy().authorOf(joined)).isEqualTo(BO);
    assertThat(coop.member(ELI).orElseThrow().appearance()).isEqualTo(Appearance.byName("Eli"));
    assertThat(coop.joining().application(ANA, application).orElseThrow())
        .extracting(ApplicationRecord::status, ApplicationRecord::decision, ApplicationRecord::note)
        .containsExactly(ApplicationRecord.Status.JOINED, decision.sequence(), "Welcome, Eli!");
    assertThat(coop.isNewcomer(ELI, clock.instant())).isTrue();
  }

  @Test
  void underTheAgreementsRuleMembersRespondAndTheDecisionIsTheOneTheRuleGives() {
    Collective coop = found(LedgerStore.inMemory());
    Adopt.adopt(coop, clock, ANA, wayIn(0).set(Parameter.JOINING_DECISION.name(), "agreement-rule")
        .rule(DecisionRule.consent(Duration.ofDays(3))).build());
    long eli = coop.joining().apply(ELI, Appearance.byName("Eli"), ANSWERS);
    long fay = coop.joining().apply(FAY, Appearance.pseudonym("fay-fixes"), ANSWERS.subList(0, 1));
    coop.joining().respond(ANA, eli, Response.CONSENT, "");
    coop.joining().respond(BO, eli, Response.CONCERN, "We are many on Thursdays already.");
    coop.joining().respond(CY, fay, Response.OBJECTION, "Fay asked us to wait until she moves here in May.");
    assertThat(coop.joining().application(ANA, eli).orElseThrow().rule()).isEqualTo(DecisionRule.consent(
        Duration.ofDays(3)));

    assertThat(coop.agenda()).noneMatch(i -> i.kind() == AgendaItem.Kind.APPLICATION_TO_DECIDE); // still open
    rejected(coop, () -> coop.joining().decide(ANA, eli, "too soon"), TooEarlyException.class,
        "The window for responses to application " + eli + " is open until");
    rejected(coop, () -> coop.joining().respond(ANA, eli, Response.CONSENT, ""), ConflictException.class,
        "ana already responded to application " + eli + "; a member answers an application once");
    rejected(coop, () -> coop.joining().respond(DEE, eli, Response.VOTE_FOR, ""), InvalidApplicationException.class,
        "is decided by consent, which does not take vote for");
    rejected(coop, () -> coop.joining().respond(DEE, eli, Response.OBJECTION, " "),
        InvalidApplicationException.class, "An objection needs a reason");
    clock.advance(Duration.ofDays(3));
    rejected(coop, () -> coop.joining().respond(DEE, eli, Response.CONSENT, ""), ExpiredException.class,
        "The window for responses to application " + eli + " closed");
    rejected(coop, () -> coop.joining().accept(ANA, fay, "welcome"), ConflictException.class,
        "Under consent, with the responses given, application " + fay + " is not accepted");

    assertThat(coop.agenda()).filteredOn(i -> i.kind() == AgendaItem.Kind.APPLICATION_TO_DECIDE)
        .extracting(AgendaItem::subject).containsExactly(String.valueOf(eli), String.valueOf(fay));
    coop.joining().decide(ANA, eli, "Consent, with a concern noted.");
    coop.joining().decide(ANA, fay, "Not before May.");
    assertThat(coop.member(ELI)).isPresent();
    assertThat(coop.member(FAY)).isEmpty();
    assertThat(coop.joining().applications(CY)).extracting(ApplicationRecord::status)
        .containsExactly(ApplicationRecord.Status.JOINED, ApplicationRecord.Status.DECLINED);
    assertThat(coop.joining().application(CY, fay).orElseThrow().responses())
        .containsExactly(new ApplicationRecord.Responded(CY, Response.OBJECTION,
            "Fay asked us to wait until she moves here in May."));
    long again = coop.joining().apply(FAY, Appearance.pseudonym("fay-fixes"), ANSWERS); // declined, she may apply again
    assertThat(coop.joining().application(CY, again).orElseThrow().status()).isEqualTo(ApplicationRecord.Status.OPEN);
  }

  @Test
  void aNewcomerGainsTheNamedPermissionsOnceAsManyMembersAsTheAgreementSetsTrustThem() {
    Collective coop = found(LedgerStore.inMemory());
    FundId fund = FundId.of("hardship");
    coop.aidFund().open(ANA, fund, "Hardship", Unit.HOURS);
    coop.aidFund().payIn(BO, fund, Quantity.hours("30"));
    Adopt.adopt(coop, clock, ANA, wayIn(2).set(Parameter.AID_FUND_MAX_CLAIM, new BigDecimal("20"))
        .set(Parameter.AID_FUND_APPROVALS, 1).build());
    coop.admit(ANA, ELI, Appearance.byName("Eli"));
    long bread = coop.record(Contribution.toMember(BO, ELI, ContributionKind.FOOD, Quantity.kilograms("2")));
    long claim = coop.aidFund().claim(CY, fund, Quantity.hours("5"), ClaimDetails.of(CY, "a month without work"));
    assertThat(coop.joining().standing(ELI)).isEqualTo(new TrustStanding(true, 0, 2,
        java.util.Set.of(Permission.ACKNOWLEDGE, Permission.PROPOSE, Permission.STEWARD)));
    assertThat(coop.joining().standing(BO)).isEqualTo(new TrustStanding(false, 0, 2, java.util.Set.of()));

    String needs = "eli is new here and may %s once 2 member(s) trust them (trust-threshold, agreement \"way-in\"); %d do"
        + " so far, so %d more. Members who know them trust them with joining().trust.";
    rejected(coop, () -> coop.agreements().propose(ELI, Adopt.terms("bikes").build(), ""), NotPermittedException.class,
        needs.formatted("make a proposal", 0, 2));
    rejected(coop, () -> coop.acknowledge(ELI, bread), NotPermittedException.class,
        needs.formatted("acknowledge a contribution", 0, 2));
    rejected(coop, () -> coop.aidFund().approve(ELI, claim), NotPermittedException.class,
        needs.formatted("act as a steward", 0, 2));

    coop.joining().trust(ANA, ELI);
    rejected(coop, () -> coop.agreements().propose(ELI, Adopt.terms("bikes").build(), ""), NotPermittedException.class,
        needs.formatted("make a proposal", 1, 1));
    coop.joining().trust(DEE, ELI); // a member who appears only in aggregates trusts under a tag
    assertThat(coop.joining().standing(ELI)).isEqualTo(new TrustStanding(true, 2, 2, java.util.Set.of()));
    coop.acknowledge(ELI, bread);
    coop.agreements().propose(ELI, Adopt.terms("bikes").build(), "A bicycle repair evening.");
    coop.aidFund().approve(ELI, claim);
    assertThat(coop.aidFund().claim(claim).orElseThrow().approvals()).containsExactly(ELI);
  }

  @Test
  void theAgreementNamesWhichPermissionsWaitForTrust() {
    Collective coop = found(LedgerStore.inMemory());
    Adopt.adopt(coop, clock, ANA, wayIn(1).set(Parameter.TRUST_PERMISSIONS.name(), "propose").build());
    coop.admit(ANA, ELI, Appearance.byName("Eli"));
    long bread = coop.record(Contribution.toMember(BO, ELI, ContributionKind.FOOD, Quantity.kilograms("2")));
    coop.acknowledge(ELI, bread); // acknowledging does not wait for trust here
    assertThat(coop.joining().standing(ELI).notYet()).containsExactly(Permission.PROPOSE);
    rejected(coop, () -> coop.agreements().propose(ELI, Adopt.terms("bikes").build(), ""), NotPermittedException.class,
        "may make a proposal once 1 member(s) trust them");
  }

  @Test
  void withoutAnAgreementNothingWaitsForTrustAndNewcomersAreNewByTheWindow() {
    Collective coop = found(LedgerStore.inMemory());
    coop.admit(ANA, ELI, Appearance.byName("Eli"));
    long bread = coop.record(Contribution.toMember(BO, ELI, ContributionKind.FOOD, Quantity.kilograms("2")));
    coop.acknowledge(ELI, bread);
    coop.agreements().propose(ELI, Adopt.terms("bikes").build(), "");
    assertThat(coop.joining().standing(ELI)).isEqualTo(new TrustStanding(false, 0, 0, java.util.Set.of()));
    assertThat(coop.isNewcomer(ELI, clock.instant())).isTrue();
    assertThat(coop.isNewcomer(ELI, clock.instant().plus(Duration.ofDays(91)))).isFalse();
    rejected(coop, () -> coop.joining().trust(ANA, ELI), ConflictException.class,
        "No agreement in force asks members to trust newcomers (trust-threshold is 0, the default while no agreement"
            + " sets trust-threshold), so there is nothing to give");
    long application = coop.joining().apply(FAY, Appearance.byName("Fay"), List.of());
    rejected(coop, () -> coop.joining().respond(BO, application, Response.CONSENT, ""), NotPermittedException.class,
        "is decided by any one member (joining-decision was any-member when it came): accept or decline it");
  }

  @Test
  void aReopenedFileJournalGivesTheSameApplicationsTrustAndPermissions() throws IOException {
    long eli;
    long fay;
    CollectiveState before;
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective coop = found(journal);
      Adopt.adopt(coop, clock, ANA, wayIn(1).set(Parameter.NEWCOMER_UNTIL.name(), "trusted").build());
      eli = coop.joining().apply(ELI, Appearance.byName("Eli"), ANSWERS);
      fay = coop.joining().apply(FAY, Appearance.onlyInAggregates(), ANSWERS.subList(0, 1));
      coop.joining().accept(BO, eli, "Welcome!");
      coop.joining().trust(CY, ELI);
      before = coop.state();
    }
    try (FileJournal journal = FileJournal.open(dir)) {
      Collective reopened = Collective.open(journal, KEY, clock);
      assertThat(reopened.state()).isEqualTo(before);
      assertThat(reopened.joining().applications(ANA))
          .extracting(ApplicationRecord::entry, ApplicationRecord::applicant, ApplicationRecord::status)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(eli, ELI, ApplicationRecord.Status.JOINED),
              org.assertj.core.groups.Tuple.tuple(fay, FAY, ApplicationRecord.Status.OPEN));
      assertThat(reopened.joining().application(ANA, fay).orElseThrow().answers()).isEqualTo(ANSWERS.subList(0, 1));
      assertThat(reopened.joining().standing(ELI)).isEqualTo(new TrustStanding(true, 1, 1, java.util.Set.of()));
      assertThat(reopened.isNewcomer(ELI, clock.instant())).isFalse(); // trusted, so no longer new
      reopened.agreements().propose(ELI, Adopt.terms("bikes").build(), "");
      reopened.joining().accept(ANA, fay, "Welcome, Fay!");
      assertThat(reopened.isNewcomer(FAY, clock.instant())).isTrue();
    }
  }

  @Test
  void applicantsAndMembersWhoChoseAggregatesOnlyAppearNowhereIndividually() {
    Collective coop = found(LedgerStore.inMemory());
    Adopt.adopt(coop, clock, ANA, wayIn(2).set(Parameter.JOINING_DECISION.name(), "agreement-rule").build());
    long fay = coop.joining().apply(FAY, Appearance.onlyInAggregates(), ANSWERS);
    coop.joining().respond(DEE, fay, Response.CONSENT, "");
    coop.joining().respond(BO, fay, Response.CONSENT, "");
    clock.advance(Duration.ofDays(7));
    coop.joining().decide(CY, fay, "Welcome.");
    coop.joining().trust(DEE, FAY);
    coop.joining().trust(ANA, FAY);
    long bread = coop.record(Contribution.toMember(BO, FAY, ContributionKind.FOOD, Quantity.kilograms("2")));
    coop.acknowledge(FAY, bread);

    Pseudonyms pseudonyms = Pseudonyms.of(CollectiveSecret.of(KEY));
    List<Entry> entries = coop.ledger().entries(0, coop.ledger().size());
    String ledger = entries.stream().map(e -> new String(LedgerJson.canonicalBytes(e), StandardCharsets.UTF_8))
        .reduce("", String::concat);
    for (MemberId onlyInAggregates : List.of(FAY, DEE)) {
      assertThat(ledger).doesNotContain("\"" + onlyInAggregates.value() + "\"")
          .doesNotContain(pseudonyms.handle(onlyInAggregates).value());
    }
    for (Answer a : ANSWERS) {
      assertThat(ledger).as("answers stay with the collective").doesNotContain(a.text());
    }
    List<MemberId> trusters = entries.stream().filter(e -> e.event() instanceof JoiningEvents.TrustGiven)
        .map(Entry::author).toList();
    assertThat(trusters).hasSize(2).anyMatch(Pseudonyms::isTag);
    assertThat(entries.stream().map(Entry::event).filter(e -> e instanceof JoiningEvents.TrustGiven)
        .map(e -> ((JoiningEvents.TrustGiven) e).newcomer())).allMatch(Pseudonyms::isTag).hasSize(2)
        .doesNotHaveDuplicates(); // a different tag in every entry
    assertThat(coop.publicFeed(100).toString()).doesNotContain("fay").doesNotContain("dee");
    assertThat(coop.privacy().toOutsiders("fay was welcomed")).isEqualTo("a member was welcomed");

    Replica mirror = new Replica(); // a partner's copy folds every entry, the seal and the tags included
    entries.forEach(mirror::apply);
    assertThat(mirror.size()).isEqualTo(coop.ledger().size());
  }

  @Test
  void theRotationsNewcomerGuaranteeKnowsWhoIsNewFromTrust() {
    Collective coop = found(LedgerStore.inMemory());
    Adopt.adopt(coop, clock, ANA, wayIn(1).set(Parameter.NEWCOMER_UNTIL.name(), "trusted").build());
    coop.admit(ANA, ELI, Appearance.byName("Eli"));
    coop.admit(ANA, FAY, Appearance.byName("Fay"));
    coop.joining().trust(BO, FAY);
    clock.advance(Duration.ofDays(200)); // long past the 90-day window: eli is new until trusted
    LocalDate from = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    List<Role> roles = List.of(Role.of(RoleId.of("pickup"), "Saturday pickup", Cadence.weekly(from)));
    PlanRequest request = coop.rotations().request(coop.rotations().roster(), roles, from, from.plusWeeks(4));
    assertThat(coop.rotations().roster().stream().filter(request::newcomer).map(Participant::member)).containsExactly(ELI);
    assertThat(coop.isNewcomer(ELI, clock.instant())).isTrue();
    assertThat(coop.isNewcomer(FAY, clock.instant())).isFalse();
    List<LocalDate> firstTwo = roles.get(0).cadence().between(from, from.plusWeeks(4)).subList(0, 2);
    assertThat(coop.rotations().plan(RotationPolicy.fair(7L), request).assignments()).as("a first real role within two")
        .anyMatch(a -> ELI.equals(a.member()) && firstTwo.contains(a.slot().date()));

    coop.joining().trust(CY, ELI);
    PlanRequest after = coop.rotations().request(coop.rotations().roster(), roles, from, from.plusWeeks(4));
    assertThat(coop.rotations().roster().stream().filter(after::newcomer)).isEmpty();
    assertThat(coop.rotations().plan(RotationPolicy.fair(7L), after).assignments()).as("no longer guaranteed one")
        .noneMatch(a -> ELI.equals(a.member()) && firstTwo.contains(a.slot().date()));
  }

  @Test
  void aMigrationCarriesTheApplicationsAndForgettingAMemberDropsTheirs() {
    LedgerStore from = LedgerStore.inMemory();
    Collective coop = found(from);
    long eli = coop.joining().apply(ELI, Appearance.byName("Eli"), List.of());
    coop.joining().accept(ANA, eli, "Welcome!");
    Collective migrated = Migration.migrate(from, LedgerStore.inMemory(), KEY, clock);
    assertThat(migrated.joining().applications(ANA)).isEqualTo(coop.joining().applications(ANA)).hasSize(1);

    coop.leave(ELI);
    coop.privacy().forget(ELI);
    assertThat(coop.joining().applications(ANA)).isEmpty();
    assertThat(new String(coop.privateFile(JoiningFold.FILE).orElseThrow(), StandardCharsets.UTF_8))
        .doesNotContain("eli");
  }
}
