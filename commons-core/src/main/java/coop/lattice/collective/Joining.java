package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.PrivateDataException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Decisions;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Response;
import coop.lattice.joining.Answer;
import coop.lattice.joining.Permission;
import coop.lattice.joining.Question;
import coop.lattice.joining.Questions;
import coop.lattice.joining.TrustRule;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.JoiningEvents;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Pseudonyms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A way in: applications to join that answer the collective's own questions, decided under the
 * agreement in force, and the trust members give newcomers. Obtained from {@link
 * Collective#joining()}; see {@code docs/joining.md}.
 *
 * <p>Someone who asks to join is not a member yet and has chosen nothing about how they appear,
 * so the open ledger never names them: the collective itself records that an application came,
 * with only a salted seal of it, and keeps who applies, how they would appear and their answers
 * beside its journal, where members read them ({@link #applications}). Members decide it as the
 * agreement says ({@code joining-decision}): any one member accepts or declines, or members
 * respond under the agreement's decision rule and the decision is the one it gives. An accepted
 * applicant joins the way every member joins, {@link Collective#admit}, under their handle or tag.
 *
 * <p>Where an agreement asks it ({@code trust-threshold}), a newcomer may acknowledge
 * contributions, propose or act as a steward (as {@code trust-permissions} names) once that many
 * members have trusted them, each once; and they count as new until then if {@code
 * newcomer-until} says so, for the rotation's newcomer guarantee too. Without such an agreement
 * nothing changes: every member may do what members may.
 *
 * <pre>{@code
 * long application = coop.joining().apply(MemberId.of("eli"), Appearance.byName("Eli"),
 *     List.of(new Answer("why", "I cook for the Thursday pantry already.")));
 * coop.joining().accept(ana, application, "Welcome!");  // eli joins
 * coop.joining().trust(ana, MemberId.of("eli"));
 * coop.joining().standing(MemberId.of("eli")).may(Permission.PROPOSE);
 * }</pre>
 */
public final class Joining {
  private final Collective collective;

  Joining(Collective collective) {
    this.collective = collective;
  }

  /** The questions the agreements in force ask someone who applies, in order. */
  public List<Question> questions() {
    return collective.agreements().parameters().get(Parameter.JOINING_QUESTIONS);
  }

  /**
   * {@code applicant}, who is not a member, applies to join, appearing as {@code appearance} once
   * a member, with {@code answers} to the collective's questions. The application is kept
   * privately; the ledger records, on the collective's own behalf, only its seal.
   *
   * @return the application's reference: the index of its entry
   * @throws coop.lattice.InvalidApplicationException if a required question is left unanswered, or
   *     an answer is to a question not asked
   * @throws ConflictException if they are a member already, or their earlier application awaits
   */
  public long apply(MemberId applicant, Appearance appearance, List<Answer> answers) {
    if (applicant.equals(Collective.ITSELF) || Pseudonyms.isHandle(applicant) || Pseudonyms.isTag(applicant)) {
      throw new NotPermittedException("An applicant is named by an id of the app's choosing, not '" + Collective.ITSELF
          + "' nor one shaped like a ledger handle or tag.");
    }
    List<Answer> checked = Questions.check(questions(), answers); // before anything is kept
    PrivateRecords<Hash, SealedApplication> kept = collective.read(Fold::applications);
    return collective.appendKeeping(Collective.ITSELF, sequence -> {
      SealedApplication a = new SealedApplication(applicant, appearance, checked,
          collective.pseudonymizer().profiles().pseudonyms().salt(sequence));
      kept.put(a);
      return new Collective.Kept(new JoiningEvents.ApplicationReceived(a.seal()), () -> kept.remove(a.seal()));
    }).sequence();
  }

  /**
   * {@code by} responds to the application at entry {@code application}, where the agreement
   * decides applications under its rule; once, within its window. The reason is public.
   */
  public Entry respond(MemberId by, long application, Response response, String reason) {
    return collective.submit(by, new JoiningEvents.ApplicationResponded(application, response, reason));
  }

  /**
   * {@code by} accepts the application at entry {@code application}, and admits the applicant.
   *
   * @return the decision's entry; the applicant's joining is the next one
   */
  public Entry accept(MemberId by, long application, String note) {
    return decide(by, application, true, note);
  }

  /** {@code by} declines the application at entry {@code application}; returns the decision's entry. */
  public Entry decline(MemberId by, long application, String note) {
    return decide(by, application, false, note);
  }

  /**
   * {@code by} records the decision the agreement's rule gives for the application at entry {@code
   * application}, after its window, from the responses given; an accepted applicant is admitted.
   *
   * @return the decision's entry; for an accepted application, the applicant's joining is the next one
   */
  public Entry decide(MemberId by, long application, String note) {
    boolean accepted = collective.read(f -> {
      JoiningFold.Application a = f.joining.applications.get(application);
      if (a == null) {
        throw new UnknownReferenceException("There is no application at entry " + application + " to decide.");
      }
      DecisionRule rule = a.rule;
      if (rule == null || rule.kind() == DecisionRule.Kind.ADVICE) {
        throw new NotPermittedException("Application " + application + " has no rule that gives its decision: accept"
            + " or decline it.");
      }
      return Decisions.outcome(rule, f.joining.eligible(f, a), JoiningFold.standing(a), false) == Outcome.ADOPTED;
    });
    return decide(by, application, accepted, note);
  }

  private Entry decide(MemberId by, long application, boolean accepted, String note) {
    SealedApplication a = collective.read(f -> sealed(f, application));
    Entry decision = collective.submit(by, new JoiningEvents.ApplicationDecided(application, accepted, note));
    if (accepted) {
      collective.admit(by, a.applicant(), a.appearance());
    }
    return decision;
  }

  /**
   * The application at entry {@code application} as {@code reader}, a member, sees it: who applies,
   * their answers, the responses and where it stands.
   *
   * @throws NotPermittedException if {@code reader} is not a member: applications are for members
   */
  public Optional<ApplicationRecord> application(MemberId reader, long application) {
    return collective.read(f -> {
      reading(f, reader);
      JoiningFold.Application a = f.joining.applications.get(application);
      return a == null ? Optional.empty() : record(f, a);
    });
  }

  /**
   * Every application, oldest first, as {@code reader}, a member, sees them (see {@link
   * #application}); those of applicants forgotten since are left out.
   */
  public List<ApplicationRecord> applications(MemberId reader) {
    return collective.read(f -> {
      reading(f, reader);
      List<ApplicationRecord> out = new ArrayList<>();
      for (JoiningFold.Application a : f.joining.applications.values()) {
        record(f, a).ifPresent(out::add);
      }
      return List.copyOf(out);
    });
  }

  /**
   * {@code by}, a member others trust (or who never needed trust), trusts {@code newcomer}, a member
   * who joined while the agreement asks newcomers for trust; once.
   */
  public Entry trust(MemberId by, MemberId newcomer) {
    return collective.submit(by, new JoiningEvents.TrustGiven(newcomer));
  }

  /** Where {@code member} stands with newcomer trust now. */
  public TrustStanding standing(MemberId member) {
    Instant now = collective.now();
    return collective.read(f -> {
      Member m = f.membership.members.get(member);
      TrustRule rule = Trust.rule(f.governance.parameters(now));
      boolean needs = m != null && Trust.needsTrust(f, m, now);
      int by = Trust.trusters(f, member);
      Set<Permission> notYet = EnumSet.noneOf(Permission.class);
      for (Permission p : Permission.values()) {
        if (!rule.permits(p, needs, by)) {
          notYet.add(p);
        }
      }
      return new TrustStanding(needs, by, rule.threshold(), notYet);
    });
  }

  /** The members who are new at {@code at}, as {@link Collective#isNewcomer} says. */
  Set<MemberId> newcomers(Instant at) {
    return collective.read(f -> {
      Set<MemberId> out = new TreeSet<>();
      f.membership.members.values().stream().filter(m -> Trust.isNew(f, m, at)).forEach(m -> out.add(m.id()));
      return out;
    });
  }

  private static void reading(Fold f, MemberId reader) {
    Member m = f.membership.members.get(reader);
    if (m == null || !m.active()) {
      throw new NotPermittedException(reader + " is not a member: applications to join, with the answers in them,"
          + " are for the collective's members to read.");
    }
  }

  private static SealedApplication sealed(Fold f, long application) {
    JoiningFold.Application a = f.joining.applications.get(application);
    if (a == null) {
      throw new UnknownReferenceException("There is no application at entry " + application + ".");
    }
    return f.applications().get(a.sealed).orElseThrow(() -> new PrivateDataException("This collective no longer"
        + " holds application " + application + " (its seal is on the ledger): restore private/" + JoiningFold.FILE
        + " from the backup taken with the journal."));
  }

  /** What members see of {@code a}; nothing once its details are gone (its applicant was forgotten). */
  private static Optional<ApplicationRecord> record(Fold f, JoiningFold.Application a) {
    Optional<SealedApplication> kept = f.applications().get(a.sealed);
    if (kept.isEmpty()) {
      return Optional.empty();
    }
    SealedApplication s = kept.get();
    List<ApplicationRecord.Responded> responses = new ArrayList<>();
    a.responses.forEach((m, r) -> responses.add(new ApplicationRecord.Responded(m, r.response(), r.reason())));
    ApplicationRecord.Status status = a.decision == null ? ApplicationRecord.Status.OPEN
        : !a.decision.accepted() ? ApplicationRecord.Status.DECLINED
        : JoiningFold.joinedSince(f, a, f.applications()) ? ApplicationRecord.Status.JOINED
        : ApplicationRecord.Status.ACCEPTED;
    return Optional.of(new ApplicationRecord(a.entry, a.received, s.applicant(), s.appearance(), s.answers(), a.rule,
        responses, status, a.decidedAt, a.decision == null ? "" : a.decision.note()));
  }
}
