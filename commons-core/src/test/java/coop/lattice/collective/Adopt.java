package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.LocalDate;

/** Adopts an agreement the way a collective does: proposed, consented to by everyone else, decided after its window. */
final class Adopt {
  private Adopt() {}

  /** An agreement setting {@code parameter} to {@code value} (written as in an agreement), reviewed in a year. */
  static AgreementTerms setting(String id, Parameter<?> parameter, String value) {
    return terms(id).set(parameter.name(), value).build();
  }

  /** Terms to add settings to: consent within a week, reviewed in December 2027. */
  static AgreementTerms.Builder terms(String id) {
    return AgreementTerms.builder(AgreementId.of(id), "Agreement " + id).text("What we agreed.").scope("exchanges")
        .reviewOn(LocalDate.of(2027, 12, 1)).rule(DecisionRule.consent(Duration.ofDays(7)));
  }

  static void adopt(Collective coop, SteppingClock clock, MemberId proposer, AgreementTerms terms) {
    long p = coop.agreements().propose(proposer, terms, "");
    for (Member m : coop.members()) {
      if (!m.id().equals(proposer)) {
        coop.agreements().respond(m.id(), p, Response.CONSENT, "");
      }
    }
    clock.advance(Duration.ofDays(8));
    coop.agreements().decide(proposer, p, "adopted");
  }
}
