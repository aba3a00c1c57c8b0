package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidApplicationException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Decisions;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.joining.Questions;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.JoiningEvents;
import coop.lattice.merkle.Hash;
import coop.lattice.privacy.Vault;
import coop.lattice.store.PrivateArea;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * A way in as a part of the fold: applications received by the collective itself (their details
 * kept in {@link SealedApplication}s, only the seal on the ledger), members' responses and the
 * decision under the agreement in force, and the trust members give newcomers ({@link Trust}
 * reads it). A mirror, which has no applications, checks who may respond and decide and the
 * decision against the responses; the collective also checks the answers and who applies. Not
 * thread-safe: the collective guards it.
 */
final class JoiningFold implements SubFold {
  static final String FILE = "applications";

  /** An application as the fold follows it. */
  static final class Application {
    final long entry;
    final Instant received;
    final Hash sealed;
    /** The rule that decides it, from the agreement in force when it came; null when any one member decides. */
    final @Nullable DecisionRule rule;
    final Map<MemberId, Response> responses = new TreeMap<>();
    JoiningEvents.@Nullable ApplicationDecided decision;
    long decidedAt = -1;
    @Nullable Instant decidedOn;
    @Nullable MemberId decidedBy;

    Application(long entry, Instant received, Hash sealed, @Nullable DecisionRule rule) {
      this.entry = entry;
      this.received = received;
      this.sealed = sealed;
      this.rule = rule;
    }

    Instant closes() {
      return rule == null ? received : received.plus(rule.window());
    }
  }

  /** A member's standing response, with its reason. */
  record Response(coop.lattice.agreement.Response response, String reason) {}

  final Map<Long, Application> applications = new LinkedHashMap<>();

  /** The applications kept in {@code area}'s file {@value #FILE}, opened with {@code vault}. */
  static PrivateRecords<Hash, SealedApplication> kept(PrivateArea area, Vault vault) {
    return PrivateRecords.lines(area, vault, FILE, SealedApplication::seal, SealedApplication.class, "applications");
  }

  /** Who trusts each newcomer, in order of their ids. */
  final Map<MemberId, Set<MemberId>> trusters = new TreeMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.Joining;
  }

  @Override
  public void check(Step s) {
    Event event = s.event();
    if (event instanceof JoiningEvents.ApplicationReceived r) {
      checkReceived(s, r);
    } else if (event instanceof JoiningEvents.ApplicationResponded r) {
      checkResponse(s, r);
    } else if (event instanceof JoiningEvents.ApplicationDecided d) {
      checkDecision(s, d);
    } else if (event instanceof JoiningEvents.TrustGiven t) {
      Trust.checkGiven(s, t.newcomer(), trusters.getOrDefault(t.newcomer(), Set.of()));
    }
  }

  private void checkReceived(Step s, JoiningEvents.ApplicationReceived r) {
    if (!s.author().equals(Collective.ITSELF)) {
      throw new NotPermittedException("An application to join is received by the collective itself: file it with"
          + " joining().apply, which keeps who applies and their answers off the open ledger.");
    }
    PrivateRecords<Hash, SealedApplication> kept = s.fold().applications();
    Optional<SealedApplication> a = kept.get(r.sealed());
    if (a.isEmpty()) {
      if (s.isCommand() && kept.kept()) {
        throw new NotPermittedException("This seal is not of an application the collective keeps: file it with"
            + " joining().apply.");
      }
      return; // a mirror, or a collective whose private file was lost: the seal is all there is
    }
    Questions.check(s.parameters().get(Parameter.JOINING_QUESTIONS), a.get().answers());
    MemberId applicant = a.get().applicant();
    Member m = s.fold().membership.members.get(applicant);
    if (m != null && m.active()) {
      throw new ConflictException(applicant + " is already a member; there is nothing to apply for.");
    }
    for (Application before : applications.values()) {
      if (kept.get(before.sealed).filter(b -> b.applicant().equals(applicant)).isPresent() && awaits(s, before)) {
        throw new ConflictException(applicant + " already applied (entry " + before.entry + ")"
            + (before.decision == null ? " and members have not decided yet" : " and was accepted; a member admits them")
            + ": an application is answered once.");
      }
    }
  }

  /** Whether {@code a} is still to be decided, or accepted with its applicant not yet joined. */
  private static boolean awaits(Step s, Application a) {
    if (a.decision == null) {
      return true;
    }
    return a.decision.accepted() && !joinedSince(s.fold(), a, s.fold().applications());
  }

  /** Whether the applicant of {@code a}, accepted, has joined since. */
  static boolean joinedSince(Fold f, Application a, PrivateRecords<Hash, SealedApplication> kept) {
    Optional<SealedApplication> sa = kept.get(a.sealed);
    Member m = sa.isEmpty() ? null : f.membership.members.get(sa.get().applicant());
    return m != null && a.decidedOn != null && !m.joined().isBefore(a.decidedOn);
  }

  private void checkResponse(Step s, JoiningEvents.ApplicationResponded r) {
    Application a = open(r.application(), "respond to");
    s.fold().membership.activeMember(s.author(), "respond to an application");
    DecisionRule rule = a.rule;
    if (rule == null) {
      throw new NotPermittedException("Application " + a.entry + " is decided by any one member ("
          + Parameter.JOINING_DECISION.name() + " was any-member when it came): accept or decline it.");
    }
    if (!eligible(s.fold(), a).contains(s.author())) {
      throw new NotPermittedException(s.author() + " may not take part in deciding application " + a.entry + ": its"
          + " rule lets only members who are no longer new respond.");
    }
    if (!s.time().isBefore(a.closes())) {
      throw new ExpiredException("The window for responses to application " + a.entry + " closed at " + a.closes()
          + "; it can now be decided.");
    }
    if (!r.response().allowedUnder(rule.kind())) {
      throw new InvalidApplicationException("Application " + a.entry + " is decided by " + name(rule.kind())
          + ", which does not take " + name(r.response()) + ".");
    }
    if (r.response().needsReason() && r.reason().isBlank()) {
      throw new InvalidApplicationException("An " + name(r.response()) + " needs a reason, so that the others can"
          + " weigh it (it is public: keep details about the applicant out of it).");
    }
    if (a.responses.containsKey(s.author())) {
      throw new ConflictException(s.author() + " already responded to application " + a.entry + "; a member answers"
          + " an application once.");
    }
  }

  private void checkDecision(Step s, JoiningEvents.ApplicationDecided d) {
    Application a = open(d.application(), "decide");
    s.fold().membership.activeMember(s.author(), "decide on an application");
    DecisionRule rule = a.rule;
    if (rule != null) {
      if (s.time().isBefore(a.closes())) {
        throw new TooEarlyException("The window for responses to application " + a.entry + " is open until "
            + a.closes() + "; decide after it closes.");
      }
      if (rule.kind() != DecisionRule.Kind.ADVICE) {
        boolean accepted = Decisions.outcome(rule, eligible(s.fold(), a), standing(a), false) == Outcome.ADOPTED;
        if (d.accepted() != accepted) {
          throw new ConflictException("Under " + name(rule.kind()) + ", with the responses given, application "
              + a.entry + " is " + (accepted ? "accepted" : "not accepted") + "; it cannot be recorded otherwise.");
        }
      }
    }
    if (d.accepted()) {
      s.fold().applications().get(a.sealed).map(SealedApplication::applicant)
          .map(s.fold().membership.members::get).filter(Member::active).ifPresent(m -> {
            throw new ConflictException(m.id() + " is already a member; application " + a.entry + " can only be"
                + " declined.");
          });
    }
  }

  /**
   * Where an agreement has newcomers join only through an application ({@code
   * joining-by-application} required), throws unless {@code joining} has one accepted and not yet
   * used. A mirror cannot tell who applied, so it leaves this to the collective, which checks it on
   * the command.
   */
  void checkJoin(Step s, MemberId joining) {
    Parameters p = s.parameters();
    if (!p.get(Parameter.JOINING_BY_APPLICATION).equals("required")) {
      return;
    }
    PrivateRecords<Hash, SealedApplication> kept = s.fold().applications();
    if (!kept.kept() || !s.isCommand()) {
      return; // replayed, it was checked as a command; its application may have gone with a forgotten member since
    }
    for (Application a : applications.values()) {
      if (a.decision != null && a.decision.accepted() && !joinedSince(s.fold(), a, kept)
          && kept.get(a.sealed).filter(x -> x.applicant().equals(joining)).isPresent()) {
        return;
      }
    }
    throw new NotPermittedException(joining + " joins through an application members accept ("
        + Parameter.JOINING_BY_APPLICATION.name() + " is required, " + p.describeSource(Parameter.JOINING_BY_APPLICATION)
        + "): they apply with joining().apply, answering the collective's questions.");
  }

  Set<MemberId> eligible(Fold f, Application a) {
    Set<MemberId> out = new TreeSet<>();
    DecisionRule rule = a.rule;
    for (Member m : f.membership.members.values()) {
      boolean established = rule == null || rule.participation() == DecisionRule.Participation.MEMBERS
          || !Trust.isNew(f, m, a.received);
      if (m.active() && established && !m.joined().isAfter(a.received)) {
        out.add(m.id());
      }
    }
    return out;
  }

  static Map<MemberId, coop.lattice.agreement.Response> standing(Application a) {
    Map<MemberId, coop.lattice.agreement.Response> out = new TreeMap<>();
    a.responses.forEach((m, r) -> out.put(m, r.response()));
    return out;
  }

  private Application open(long ref, String verb) {
    Application a = applications.get(ref);
    if (a == null) {
      throw new UnknownReferenceException("There is no application at entry " + ref + " to " + verb + ".");
    }
    if (a.decision != null) {
      throw new ConflictException("Application " + ref + " was already decided (" + (a.decision.accepted() ? "accepted"
          : "not accepted") + ") at entry " + a.decidedAt + ".");
    }
    return a;
  }

  /** The rule that decides an application coming at {@code p}: the one of the agreement that asks for it, or none. */
  static @Nullable DecisionRule rule(Fold f, Parameters p, Instant at) {
    if (!p.get(Parameter.JOINING_DECISION).equals("agreement-rule")) {
      return null;
    }
    return p.source(Parameter.JOINING_DECISION).map(id -> f.governance.inForce(id, at))
        .map(agreement -> agreement.terms().rule()).orElse(null);
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  @Override
  public void apply(Step s) {
    Event event = s.event();
    if (event instanceof JoiningEvents.ApplicationReceived r) {
      applications.put(s.sequence(), new Application(s.sequence(), s.time(), r.sealed(),
          rule(s.fold(), s.parameters(), s.time())));
    } else if (event instanceof JoiningEvents.ApplicationResponded r) {
      applications.get(r.application()).responses.put(s.author(), new Response(r.response(), r.reason()));
    } else if (event instanceof JoiningEvents.ApplicationDecided d) {
      Application a = applications.get(d.application());
      a.decision = d;
      a.decidedAt = s.sequence();
      a.decidedOn = s.time();
      a.decidedBy = s.author();
    } else if (event instanceof JoiningEvents.TrustGiven t) {
      trusters.computeIfAbsent(t.newcomer(), k -> new TreeSet<>()).add(s.author());
    }
  }
}
