package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.ContributionKind;
import coop.lattice.InvalidAgreementException;
import coop.lattice.NotPermittedException;
import coop.lattice.Quantity;
import coop.lattice.RejectedCommandException;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementStatus;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgreementsTest {
  static final AgreementId ACK = AgreementId.of("acknowledgements");

  SteppingClock clock;
  LedgerStore store;
  Collective coop;

  @BeforeEach
  void found() {
    clock = SteppingClock.startingAt("2026-03-02T09:00:00Z", Duration.ofMinutes(1));
    store = LedgerStore.inMemory();
    coop = Collective.found(CollectiveId.of("childcare-coop"), "Childcare Co-op", ANA, Appearance.byName("Ana"),
        store, KEY, clock);
    coop.admit(ANA, BO, Appearance.byName("Bo"));
    coop.admit(ANA, CY, Appearance.byName("Cy"));
  }

  static AgreementTerms.Builder acknowledgements(AcknowledgementRule rule) {
    return AgreementTerms.builder(ACK, "Who acknowledges help")
        .text("Help counts once someone who saw it acknowledges it.")
        .scope("acknowledging contributions")
        .reviewOn(LocalDate.of(2026, 9, 1))
        .rule(DecisionRule.consent(Duration.ofDays(7)))
        .set(Parameter.ACKNOWLEDGED_BY, rule);
  }

  /** Proposes, lets the window pass with the given consents, decides; returns the proposal. */
  long adopt(AgreementTerms terms) {
    long p = coop.agreements().propose(ANA, terms, "first draft");
    coop.agreements().respond(BO, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(ANA, p, "adopted at the March meeting");
    return p;
  }

  @Test
  void aParameterReallyGovernsAndAnAmendmentChangesItForTheNextCommand() {
    long help = coop.record(Contribution.toMember(BO, ANA, ContributionKind.CARE, Quantity.hours("2")));
    assertThatThrownBy(() -> coop.acknowledge(CY, help)).isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("Only ana, who received this help").hasMessageContaining("the default");

    adopt(acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build());
    assertThat(coop.agreements().parameters().get(Parameter.ACKNOWLEDGED_BY)).isEqualTo(AcknowledgementRule.ANY_OTHER_MEMBER);
    assertThat(coop.agreements().parameters().source(Parameter.ACKNOWLEDGED_BY)).contains(ACK);
    coop.acknowledge(CY, help);
    assertThat(coop.contribution(help).orElseThrow().acknowledgedBy()).isEqualTo(CY);

    // Amend back: the amendment names the current version by its hash and follows that version's rule.
    AgreementRecord v1 = coop.agreements().agreement(ACK).orElseThrow();
    long amend = coop.agreements().proposeAmendment(BO, v1.hash(), acknowledgements(AcknowledgementRule.RECEIVER).build(), false,
        "only the receiver knows");
    coop.agreements().respond(ANA, amend, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(BO, amend, "back to the receiver");
    assertThat(coop.agreements().agreement(ACK).orElseThrow().version()).isEqualTo(2);

    long more = coop.record(Contribution.toMember(BO, ANA, ContributionKind.CARE, Quantity.hours("1")));
    assertThatThrownBy(() -> coop.acknowledge(CY, more)).isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("agreement \"acknowledgements\"");
    coop.acknowledge(ANA, more);
  }

  @Test
  void anObjectionBlocksConsentUntilTheProposalIsRevisedAndTheTrailStaysVisible() {
    long p = coop.agreements().propose(ANA, acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build(), "");
    coop.agreements().respond(BO, p, Response.CONCERN, "might be abused");
    coop.agreements().respond(CY, p, Response.OBJECTION, "children's care should be confirmed by the parent");
    clock.advance(Duration.ofDays(3));
    List<AgendaItem> agenda = coop.agenda(clock.instant());
    assertThat(agenda).filteredOn(i -> i.kind() == AgendaItem.Kind.UNRESOLVED_OBJECTION).singleElement()
        .satisfies(i -> assertThat(i.age()).isGreaterThan(Duration.ofDays(2)));

    coop.agreements().revise(ANA, p, acknowledgements(AcknowledgementRule.RECEIVER).build(), "keep it with the receiver");
    coop.agreements().respond(CY, p, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(BO, p, "adopted after revision");

    ProposalRecord record = coop.agreements().proposal(p).orElseThrow();
    assertThat(record.decision().outcome()).isEqualTo(Outcome.ADOPTED);
    assertThat(record.revision()).isEqualTo(1);
    assertThat(record.trail()).extracting(ResponseRecord::response, ResponseRecord::resolution).containsExactly(
        tuple(Response.CONCERN, "answered by revision 1"),
        tuple(Response.OBJECTION, "answered by revision 1"),
        tuple(Response.CONSENT, null));
    assertThat(coop.agreements().decisions()).singleElement().satisfies(d -> {
      assertThat(d.rule().kind()).isEqualTo(DecisionRule.Kind.CONSENT);
      assertThat(d.eligible()).isEqualTo(3);
      assertThat(d.note()).isEqualTo("adopted after revision");
    });
  }

  @Test
  void anUnresolvedObjectionMeansNotAdoptedAndWithdrawingItClearsTheWay() {
    long p = coop.agreements().propose(ANA, acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build(), "");
    coop.agreements().respond(CY, p, Response.OBJECTION, "too loose");
    clock.advance(Duration.ofDays(8));
    assertThatThrownBy(() -> coop.submit(ANA, new Event.ProposalDecided(p, Outcome.ADOPTED, "")))
        .isInstanceOf(RejectedCommandException.class).hasMessageContaining("comes out not adopted; it cannot be recorded as adopted");
    long q = coop.agreements().proposal(p).orElseThrow().entry();
    coop.agreements().decide(ANA, q, "not this time");
    assertThat(coop.agreements().proposal(p).orElseThrow().decision().outcome()).isEqualTo(Outcome.NOT_ADOPTED);
    assertThat(coop.agreements().agreement(ACK)).isEmpty();

    long again = coop.agreements().propose(ANA, acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build(), "again");
    coop.agreements().respond(CY, again, Response.OBJECTION, "still too loose");
    coop.agreements().withdrawObjection(CY, again);
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(ANA, again, "");
    assertThat(coop.agreements().agreement(ACK)).isPresent();
    assertThat(coop.agreements().proposal(again).orElseThrow().trail()).singleElement()
        .extracting(ResponseRecord::resolution).isEqualTo("withdrawn");
  }

  @Test
  void consensusIsBlockedByOneObjectionAndNeedsEveryone() {
    AgreementTerms t = acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).rule(DecisionRule.consensus(Duration.ofDays(5)))
        .build();
    long p = coop.agreements().propose(ANA, t, "");
    coop.agreements().respond(ANA, p, Response.CONSENT, "");
    coop.agreements().respond(BO, p, Response.STAND_ASIDE, "");
    clock.advance(Duration.ofDays(6));
    coop.agreements().decide(ANA, p, "cy never answered");
    assertThat(coop.agreements().proposal(p).orElseThrow().decision().outcome()).isEqualTo(Outcome.NOT_ADOPTED);
  }

  @Test
  void aMajorityVoteNeedsItsQuorum() {
    AgreementTerms t = acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER)
        .rule(DecisionRule.majority(Duration.ofDays(5), 60)).build();
    long p = coop.agreements().propose(ANA, t, "");
    coop.agreements().respond(ANA, p, Response.VOTE_FOR, "");
    assertThatThrownBy(() -> coop.agreements().respond(BO, p, Response.CONSENT, "")).isInstanceOf(RejectedCommandException.class)
        .hasMessageContaining("A majority proposal does not take consent; it takes stand aside, vote for, vote against");
    clock.advance(Duration.ofDays(6));
    coop.agreements().decide(ANA, p, "one of three is no quorum");
    assertThat(coop.agreements().proposal(p).orElseThrow().decision().outcome()).isEqualTo(Outcome.NOT_ADOPTED);
  }

  @Test
  void inAnAdviceProcessTheProposerDecidesOnceEveryoneAffectedHasAdvised() {
    AgreementTerms t = acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).rule(DecisionRule.advice(Duration.ofDays(14)))
        .build();
    long p = coop.agreements().propose(ANA, new Event.ProposalMade(ProposalKind.ADOPT, t, null, false, "asking the parents",
        List.of(BO, CY)));
    coop.agreements().respond(BO, p, Response.ADVICE, "fine by me");
    assertThatThrownBy(() -> coop.agreements().decideAdvice(ANA, p, true, "")).isInstanceOf(RejectedCommandException.class)
        .hasMessageContaining("once everyone affected has given advice");
    coop.agreements().respond(CY, p, Response.ADVICE, "write down who confirmed");
    assertThatThrownBy(() -> coop.agreements().decide(ANA, p, "")).isInstanceOf(RejectedCommandException.class)
        .hasMessageContaining("its proposer decides with decideAdvice");
    assertThatThrownBy(() -> coop.agreements().decideAdvice(BO, p, true, "")).isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("the proposer, ana, decides");
    coop.agreements().decideAdvice(ANA, p, true, "advice taken: we note who confirmed");
    assertThat(coop.agreements().agreement(ACK)).isPresent();
  }

  @Test
  void reviewLifecycleDueOverdueRenewedThenLapsedWithFallback() {
    AgreementTerms t = acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).reviewOn(LocalDate.of(2026, 4, 1))
        .lapseAfterDays(30).build();
    adopt(t);
    AgreementRecord v1 = coop.agreements().agreement(ACK).orElseThrow();
    assertThat(v1.statusAt(Instant.parse("2026-03-31T12:00:00Z"))).isEqualTo(AgreementStatus.ACTIVE);
    assertThat(coop.agenda(Instant.parse("2026-03-25T12:00:00Z"))).extracting(AgendaItem::kind)
        .contains(AgendaItem.Kind.REVIEW_UPCOMING);

    clock.advance(Duration.between(clock.instant(), Instant.parse("2026-04-02T09:00:00Z")));
    assertThat(v1.statusAt(clock.instant())).isEqualTo(AgreementStatus.REVIEW_DUE);
    assertThat(coop.agenda(clock.instant())).extracting(AgendaItem::kind).contains(AgendaItem.Kind.REVIEW_DUE);

    clock.advance(Duration.ofDays(14));
    assertThat(v1.statusAt(clock.instant())).isEqualTo(AgreementStatus.OVERDUE);
    assertThat(coop.agenda(clock.instant())).extracting(AgendaItem::kind).contains(AgendaItem.Kind.REVIEW_OVERDUE);
    assertThat(coop.agreements().parameters().get(Parameter.ACKNOWLEDGED_BY)).isEqualTo(AcknowledgementRule.ANY_OTHER_MEMBER);

    long renew = coop.agreements().proposeRenewal(BO, ACK, LocalDate.of(2026, 10, 1), "still works for us");
    coop.agreements().respond(CY, renew, Response.CONSENT, "");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(BO, renew, "renewed");
    AgreementRecord v2 = coop.agreements().agreement(ACK).orElseThrow();
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.adoptedBy()).isEqualTo(ProposalKind.RENEW);
    assertThat(v2.statusAt(clock.instant())).isEqualTo(AgreementStatus.ACTIVE);

    // Nobody reviews it again: 30 days after 1 October it lapses and the default applies again.
    Instant lapsed = Instant.parse("2026-10-31T00:00:00Z");
    assertThat(v2.statusAt(lapsed.minusSeconds(1))).isEqualTo(AgreementStatus.OVERDUE);
    assertThat(v2.statusAt(lapsed)).isEqualTo(AgreementStatus.LAPSED);
    assertThat(coop.agreements().parameters(lapsed).get(Parameter.ACKNOWLEDGED_BY)).isEqualTo(AcknowledgementRule.RECEIVER);
    assertThat(coop.agreements().parameters(lapsed).source(Parameter.ACKNOWLEDGED_BY)).isEmpty();
    assertThat(coop.agenda(lapsed)).first().extracting(AgendaItem::kind).isEqualTo(AgendaItem.Kind.AGREEMENT_LAPSED);

    clock.advance(Duration.between(clock.instant(), lapsed.plus(Duration.ofDays(1))));
    long help = coop.record(Contribution.toMember(BO, ANA, ContributionKind.CARE, Quantity.hours("1")));
    assertThatThrownBy(() -> coop.acknowledge(CY, help)).isInstanceOf(NotPermittedException.class);
    assertThatThrownBy(() -> coop.agreements().proposeRenewal(BO, ACK, LocalDate.of(2027, 6, 1), ""))
        .isInstanceOf(ConflictException.class).hasMessageContaining("has lapsed; propose to adopt it again");
    adopt(acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).reviewOn(LocalDate.of(2027, 6, 1)).build());
    assertThat(coop.agreements().agreement(ACK).orElseThrow().version()).isEqualTo(3);
  }

  @Test
  void aMajorAmendmentAsksEveryoneToAcceptAndNewcomersAcceptOnJoining() {
    adopt(acknowledgements(AcknowledgementRule.RECEIVER).build());
    assertThat(coop.agreements().awaitingAcceptance(ACK)).isEmpty();

    AgreementRecord v1 = coop.agreements().agreement(ACK).orElseThrow();
    long p = coop.agreements().proposeAmendment(ANA, v1.hash(),
        acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build(), true, "a real change");
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(ANA, p, "");
    assertThat(coop.agreements().awaitingAcceptance(ACK)).containsExactly(ANA, BO, CY);
    coop.agreements().accept(BO, ACK);
    assertThat(coop.agreements().awaitingAcceptance(ACK)).containsExactly(ANA, CY);
    assertThat(coop.agenda(clock.instant())).extracting(AgendaItem::kind).contains(AgendaItem.Kind.ACCEPTANCE_PENDING);

    coop.admit(ANA, DEE, Appearance.byName("Dee"));
    assertThat(coop.agreements().awaitingAcceptance(ACK)).containsExactly(ANA, CY, DEE);
    coop.agreements().accept(DEE, ACK);
    assertThat(coop.agreements().awaitingAcceptance(ACK)).doesNotContain(DEE);
    assertThatThrownBy(() -> coop.submit(CY, new Event.AgreementAccepted(ACK, 1))).isInstanceOf(ConflictException.class)
        .hasMessageContaining("accept version 2");
  }

  @Test
  void replayGivesTheSameAgreementsProposalsAndDecisions() {
    adopt(acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build());
    long p = coop.agreements().proposeAmendment(BO, coop.agreements().agreement(ACK).orElseThrow().hash(),
        acknowledgements(AcknowledgementRule.RECEIVER).build(), true, "");
    coop.agreements().respond(CY, p, Response.OBJECTION, "not yet");
    coop.agreements().respond(ANA, p, Response.CONCERN, "hm");
    coop.agreements().withdrawObjection(CY, p);
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(ANA, p, "");
    coop.agreements().accept(CY, ACK);
    coop.checkpoint();

    Collective replayed = Collective.open(store, KEY, clock);
    assertThat(replayed.state()).isEqualTo(coop.state());
    assertThat(replayed.agreements().decisions()).isEqualTo(coop.agreements().decisions());
    assertThat(replayed.agreements().history(ACK)).isEqualTo(coop.agreements().history(ACK));
  }

  /** Every rejected governance command explains itself and appends nothing. */
  @Nested
  class BadInput {
    long open;

    @BeforeEach
    void oneOpenProposal() {
      open = coop.agreements().propose(ANA, acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build(), "");
    }

    void rejected(ThrowingCallable command, Class<? extends RuntimeException> type, String says) {
      Rejections.rejected(coop, command, type, says);
    }

    @Test
    void responsesFromNonMembers() {
      rejected(() -> coop.agreements().respond(DEE, open, Response.CONSENT, ""), UnknownMemberException.class,
          "dee is not a member of this collective, so cannot respond to a proposal");
    }

    @Test
    void objectionsWithoutAReason() {
      rejected(() -> coop.agreements().respond(BO, open, Response.OBJECTION, "  "), RejectedCommandException.class,
          "An objection needs a reason");
    }

    @Test
    void decidingBeforeTheWindowCloses() {
      rejected(() -> coop.agreements().decide(ANA, open, ""), RejectedCommandException.class,
          "is open until 2026-03-09T09:04:00Z; decide after it closes");
    }

    @Test
    void respondingAfterTheWindowCloses() {
      clock.advance(Duration.ofDays(8));
      rejected(() -> coop.agreements().respond(BO, open, Response.CONSENT, ""), RejectedCommandException.class,
          "closed at 2026-03-09T09:04:00Z");
    }

    @Test
    void amendingAVersionThatIsNoLongerCurrent() {
      clock.advance(Duration.ofDays(8));
      coop.agreements().decide(ANA, open, "");
      Hash v1 = coop.agreements().agreement(ACK).orElseThrow().hash();
      long amend = coop.agreements().proposeAmendment(BO, v1, acknowledgements(AcknowledgementRule.RECEIVER).build(), false, "");
      clock.advance(Duration.ofDays(8));
      coop.agreements().decide(BO, amend, "");
      rejected(() -> coop.agreements().proposeAmendment(CY, v1,
          acknowledgements(AcknowledgementRule.ANY_OTHER_MEMBER).build(), false, ""), ConflictException.class,
          "a version of \"acknowledgements\" that is no longer current: the current version is 2");
    }

    @Test
    void adoptingWithoutAReviewDateOrWithOneInThePast() {
      rejected(() -> AgreementTerms.builder(AgreementId.of("rota"), "Rota").build(), InvalidAgreementException.class,
          "\"Rota\" needs a review date");
      rejected(() -> coop.agreements().propose(BO, acknowledgements(AcknowledgementRule.RECEIVER)
              .reviewOn(LocalDate.of(2026, 1, 1)).build(), ""), InvalidAgreementException.class,
          "review date (2026-01-01) that is not in the future");
    }

    @Test
    void parametersOfTheWrongTypeOutOfRangeOrUnknown() {
      rejected(() -> acknowledgements(AcknowledgementRule.RECEIVER).set("newcomer-window-days", "soon"),
          InvalidAgreementException.class, "\"soon\" does not fit newcomer-window-days");
      rejected(() -> acknowledgements(AcknowledgementRule.RECEIVER).set("newcomer-window-days", "400"),
          InvalidAgreementException.class, "expected a whole number from 1 to 365");
      rejected(() -> acknowledgements(AcknowledgementRule.RECEIVER).set("acknowledged-by", "anyone"),
          InvalidAgreementException.class, "expected one of receiver, any-other-member");
      rejected(() -> acknowledgements(AcknowledgementRule.RECEIVER).set("coffee-strength", "3"),
          InvalidAgreementException.class, "\"coffee-strength\" is not a parameter an agreement can set");
    }

    @Test
    void aSecondAgreementForAParameterAlreadyGoverned() {
      clock.advance(Duration.ofDays(8));
      coop.agreements().decide(ANA, open, "");
      AgreementTerms other = AgreementTerms.builder(AgreementId.of("care"), "Care").reviewOn(LocalDate.of(2026, 12, 1))
          .set(Parameter.ACKNOWLEDGED_BY, AcknowledgementRule.RECEIVER).build();
      rejected(() -> coop.agreements().propose(BO, other, ""), InvalidAgreementException.class,
          "already set by agreement \"acknowledgements\"; amend that agreement instead");
    }

    @Test
    void revisingSomeoneElsesProposalOrDecidingTwice() {
      rejected(() -> coop.agreements().revise(BO, open, acknowledgements(AcknowledgementRule.RECEIVER).build(), ""),
          NotPermittedException.class, "Only ana, who made proposal");
      clock.advance(Duration.ofDays(8));
      coop.agreements().decide(ANA, open, "");
      rejected(() -> coop.agreements().decide(ANA, open, ""), ConflictException.class, "was already decided (adopted)");
    }
  }
}
