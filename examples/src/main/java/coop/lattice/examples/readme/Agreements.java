package coop.lattice.examples.readme;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.collective.AgendaItem;
import coop.lattice.collective.Collective;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;

/** The README's "Agreements that are in charge" snippet: an agreement adopted by consent, after an objection. */
final class Agreements {
  private Agreements() {}

  // snippet:start agreements
  static Collective agreeWhoAcknowledges() {
    SteppingClock clock = SteppingClock.startingAt("2027-02-01T18:00:00Z", Duration.ofMinutes(1));  // or Clock.systemUTC()
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    Collective coop = Collective.found(CollectiveId.of("sunflower-childcare"), "Sunflower Childcare Co-op", ana,
        Appearance.byName("Ana"), LedgerStore.inMemory(), CollectiveKey.generate(), clock);
    coop.admit(ana, bo, Appearance.byName("Bo"));

    AgreementTerms terms = AgreementTerms.builder(AgreementId.of("acknowledgements"), "Who acknowledges help")
        .text("Help counts once someone who saw it acknowledges it.")
        .reviewOn(LocalDate.of(2027, 9, 1))                      // required: good enough for now, until then
        .rule(DecisionRule.consent(Duration.ofDays(7)))          // how it changes
        .set(Parameter.ACKNOWLEDGED_BY, AcknowledgementRule.ANY_OTHER_MEMBER)
        .lapseAfterDays(30)                                      // lapses if nobody reviews it
        .build();
    long proposal = coop.agreements().propose(ana, terms, "as discussed on Thursday");
    coop.agreements().respond(bo, proposal, Response.OBJECTION, "care should be confirmed by the parent");
    AgreementTerms revisedTerms = terms.toBuilder()
        .text("Help counts once the member who received it acknowledges it.")
        .set(Parameter.ACKNOWLEDGED_BY, AcknowledgementRule.RECEIVER)
        .build();
    coop.agreements().revise(ana, proposal, revisedTerms, "keeps it with the receiver");   // answers the objection
    coop.agreements().respond(bo, proposal, Response.CONSENT, "");

    clock.advance(Duration.ofDays(8));   // a week on, the window has closed (a real collective just waits)
    coop.agreements().decide(ana, proposal, "adopted at the February meeting");
    // RECEIVER: every acknowledgement follows it
    System.out.println(coop.agreements().parameters().get(Parameter.ACKNOWLEDGED_BY));
    for (AgendaItem item : coop.agenda()) {   // reviews due or overdue, proposals to decide, objections by age
      System.out.println(item.kind() + ": " + item.detail());
    }
    return coop;
  }
  // snippet:end
}
