package coop.lattice.collective;

import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.DEE;
import static coop.lattice.collective.People.KEY;

import coop.lattice.CollectiveId;
import coop.lattice.MemberId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.Parameter;
import coop.lattice.joining.Answer;
import coop.lattice.ledger.Appearance;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.util.List;

/** The collective, the applicants and the way-in agreement the joining tests share. */
final class JoiningFixture {
  static final MemberId ELI = MemberId.of("eli");
  static final MemberId FAY = MemberId.of("fay");
  static final String QUESTIONS = "why: Why would you like to join? | skills (optional): What would you like to share?";
  static final List<Answer> ANSWERS = List.of(new Answer("why", "I already cook for the Thursday pantry."),
      new Answer("skills", "Bread, and fixing bicycles."));

  private JoiningFixture() {}

  static SteppingClock clock() {
    return SteppingClock.startingAt("2027-03-01T09:00:00Z", Duration.ofMinutes(1));
  }

  /** Riverside, founded by ana, with bo (a pseudonym), cy (by name) and dee (only in aggregates). */
  static Collective found(LedgerStore store, SteppingClock clock) {
    Collective coop = Collective.found(CollectiveId.of("riverside"), "Riverside Food Co-op", ANA,
        Appearance.byName("Ana"), store, KEY, clock);
    coop.admit(ANA, BO, Appearance.pseudonym("bo-the-baker"));
    coop.admit(ANA, CY, Appearance.byName("Cy"));
    coop.admit(ANA, DEE, Appearance.onlyInAggregates());
    return coop;
  }

  /** The way-in agreement: the questions, trust from {@code threshold} members, and more settings. */
  static AgreementTerms.Builder wayIn(int threshold) {
    return Adopt.terms("way-in").set(Parameter.JOINING_QUESTIONS.name(), QUESTIONS)
        .set(Parameter.TRUST_THRESHOLD.name(), String.valueOf(threshold));
  }
}
