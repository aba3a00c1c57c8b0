package coop.lattice.collective;

import coop.lattice.ledger.CollectiveSecret;

import static coop.lattice.collective.JoiningFixture.ANSWERS;
import static coop.lattice.collective.JoiningFixture.ELI;
import static coop.lattice.collective.JoiningFixture.FAY;
import static coop.lattice.collective.JoiningFixture.wayIn;
import static coop.lattice.collective.People.ANA;
import static coop.lattice.collective.People.BO;
import static coop.lattice.collective.People.CY;
import static coop.lattice.collective.People.KEY;
import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.ConflictException;
import coop.lattice.InvalidApplicationException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownMemberException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.joining.Answer;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.JoiningEvents;
import coop.lattice.privacy.Pseudonyms;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 4: every bad input to the way in is a clear error that appends nothing (the
 * ledger's size and root and the state unchanged, no refused application kept), and a partner's
 * mirror refuses the entries it can check on handles.
 */
class JoiningRefusalsTest {
  final SteppingClock clock = JoiningFixture.clock();

  Collective found(LedgerStore store) {
    return JoiningFixture.found(store, clock);
  }

  @Test
  void everyBadInputIsAClearErrorAndAppendsNothing() {
    Collective coop = found(LedgerStore.inMemory());
    Adopt.adopt(coop, clock, ANA, wayIn(2).set(Parameter.JOINING_BY_APPLICATION.name(), "required").build());
    long eli = coop.joining().apply(ELI, Appearance.byName("Eli"), ANSWERS);

    // applications
    rejected(coop, () -> coop.joining().apply(FAY, Appearance.byName("Fay"), ANSWERS.subList(1, 2)),
        InvalidApplicationException.class, "The application leaves \"why\" unanswered (Why would you like to join?)");
    rejected(coop, () -> coop.joining().apply(FAY, Appearance.byName("Fay"), List.of(new Answer("why", " "))),
        InvalidApplicationException.class, "leaves \"why\" unanswered");
    rejected(coop, () -> coop.joining().apply(FAY, Appearance.byName("Fay"), List.of(ANSWERS.get(0),
        new Answer("age", "41"))), InvalidApplicationException.class,
        "The collective does not ask \"age\"; it asks why, skills");
    rejected(coop, () -> coop.joining().apply(ELI, Appearance.byName("Eli"), ANSWERS), ConflictException.class,
        "eli already applied (entry " + eli + ") and members have not decided yet: an application is answered once");
    rejected(coop, () -> coop.joining().apply(BO, Appearance.byName("Bo"), ANSWERS), ConflictException.class,
        "bo is already a member; there is nothing to apply for");
    rejected(coop, () -> coop.joining().apply(Collective.ITSELF, Appearance.byName("Us"), ANSWERS),
        NotPermittedException.class, "An applicant is named by an id of the app's choosing");
    rejected(coop, () -> coop.submit(ANA, new JoiningEvents.ApplicationReceived(coop.ledger().root())),
        NotPermittedException.class, "An application to join is received by the collective itself");
    rejected(coop, () -> coop.admit(ANA, FAY, Appearance.byName("Fay")), NotPermittedException.class,
        "fay joins through an application members accept (joining-by-application is required, agreement"
            + " \"way-in\"): they apply with joining().apply");
    rejected(coop, () -> coop.joining().accept(ANA, 3, ""), UnknownReferenceException.class,
        "There is no application at entry 3");
    rejected(coop, () -> coop.joining().decide(ANA, 3, ""), UnknownReferenceException.class,
        "There is no application at entry 3 to decide");
    rejected(coop, () -> coop.joining().decide(ANA, eli, ""), NotPermittedException.class,
        "Application " + eli + " has no rule that gives its decision: accept or decline it");
    assertThat(new String(coop.privateFile(JoiningFold.FILE).orElseThrow(), StandardCharsets.UTF_8))
        .as("no refused application is kept").contains("eli").doesNotContain("fay").doesNotContain("\"bo\"");

    Entry decided = coop.joining().accept(CY, eli, "Welcome!");
    rejected(coop, () -> coop.joining().decline(ANA, eli, "changed my mind"), ConflictException.class,
        "Application " + eli + " was already decided (accepted) at entry " + decided.sequence());
    rejected(coop, () -> coop.joining().apply(ELI, Appearance.byName("Eli"), ANSWERS), ConflictException.class,
        "eli is already a member");

    // trust
    coop.joining().accept(CY, coop.joining().apply(FAY, Appearance.byName("Fay"), ANSWERS), "Welcome too!");
    MemberId gus = MemberId.of("gus");
    rejected(coop, () -> coop.joining().trust(ANA, ANA), NotPermittedException.class,
        "A member cannot trust themselves; trust is what other members give");
    rejected(coop, () -> coop.joining().trust(ELI, ELI), NotPermittedException.class, "cannot trust themselves");
    rejected(coop, () -> coop.joining().trust(ANA, BO), ConflictException.class,
        "bo is not a newcomer to trust: they joined before the agreement asked newcomers for trust");
    rejected(coop, () -> coop.joining().trust(ANA, gus), UnknownMemberException.class,
        "gus is not a member of this collective, so there is no newcomer to trust");
    rejected(coop, () -> coop.joining().trust(gus, ELI), UnknownMemberException.class,
        "gus is not a member of this collective, so cannot trust a newcomer");
    rejected(coop, () -> coop.joining().trust(FAY, ELI), NotPermittedException.class,
        "fay is new here and not trusted yet, so cannot vouch for another newcomer");
    coop.joining().trust(ANA, ELI);
    rejected(coop, () -> coop.joining().trust(ANA, ELI), ConflictException.class,
        "ana already trusts eli; each member gives their trust once");
    coop.joining().trust(BO, ELI);
    rejected(coop, () -> coop.joining().trust(CY, ELI), ConflictException.class,
        "eli is trusted already, by 2 member(s) where 2 are asked for");
    coop.joining().trust(ELI, FAY); // trusted now, eli may vouch for the next newcomer
    assertThat(coop.joining().standing(FAY).trustedBy()).isEqualTo(1);
  }


  @Test
  void aPartnersMirrorChecksWhoReceivesRespondsDecidesAndTrusts() {
    Collective coop = found(LedgerStore.inMemory());
    Adopt.adopt(coop, clock, ANA, wayIn(2).set(Parameter.JOINING_DECISION.name(), "agreement-rule").build());
    long eli = coop.joining().apply(ELI, Appearance.byName("Eli"), ANSWERS);
    coop.joining().respond(BO, eli, Response.OBJECTION, "We agreed to wait for the spring.");
    List<Entry> entries = coop.ledger().entries(0, coop.ledger().size());
    Pseudonyms pseudonyms = Pseudonyms.of(CollectiveSecret.of(KEY));
    MemberId ana = pseudonyms.handle(ANA);
    Entry last = entries.get(entries.size() - 1);

    // Each forged next entry, named by handles as the open ledger names members, is refused by a copy.
    List<Event> forged = List.of(new JoiningEvents.ApplicationReceived(last.previous()),
        new JoiningEvents.ApplicationDecided(eli, true, "let them in"),
        new JoiningEvents.TrustGiven(ana), new JoiningEvents.TrustGiven(pseudonyms.handle(BO)));
    List<String> refusals = List.of("received by the collective itself", "Under consent, with the responses given",
        "cannot trust themselves", "is not a newcomer to trust");
    for (int k = 0; k < forged.size(); k++) {
      Replica mirror = new Replica();
      entries.forEach(mirror::apply);
      clock.advance(Duration.ofDays(8));
      Entry next = new Entry(last.sequence() + 1, clock.instant(), last.collective(), ana, forged.get(k),
          coop.ledger().root()); // the hash is not what a mirror checks here: the rule is
      assertThatThrownBy(() -> mirror.apply(next)).as(forged.get(k).toString())
          .hasMessageContaining(refusals.get(k));
    }
  }
}
