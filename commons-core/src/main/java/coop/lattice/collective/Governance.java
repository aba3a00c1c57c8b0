package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidAgreementException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.AgreementTerms;
import coop.lattice.agreement.DecisionRule;
import coop.lattice.agreement.Decisions;
import coop.lattice.agreement.Outcome;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.agreement.ProposalKind;
import coop.lattice.agreement.Response;
import coop.lattice.agreement.Setting;
import coop.lattice.joining.Permission;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.LedgerJson;
import coop.lattice.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Agreements, proposals and decisions as a fold over the ledger, with the rules a governance
 * command must keep. Like {@link Fold}, {@link #check} runs before anything is appended and
 * {@link #apply} only sees entries that passed it. Not thread-safe: the collective guards it.
 */
final class Governance implements SubFold {
  /** Every version of every agreement, oldest first, by agreement. */
  final Map<AgreementId, List<AgreementRecord>> agreements = new TreeMap<>(Comparator.comparing(AgreementId::value));
  final Map<Long, Proposal> proposals = new LinkedHashMap<>();
  /** member -> agreement -> the highest version they accepted. */
  final Map<MemberId, Map<AgreementId, Long>> accepted = new HashMap<>();

  // ---------------------------------------------------------------------------------- queries

  @Nullable AgreementRecord current(AgreementId id) {
    List<AgreementRecord> versions = agreements.get(id);
    return versions == null ? null : versions.get(versions.size() - 1);
  }

  @Nullable AgreementRecord inForce(AgreementId id, Instant at) {
    AgreementRecord a = current(id);
    return a != null && a.statusAt(at).inForce() ? a : null;
  }

  /** Parameters change only when an agreement is adopted or a day passes (lapse is by day). */
  private int adoptions;
  private int cachedAdoptions = -1;
  private @Nullable LocalDate cachedDay;
  private Parameters cached = Parameters.defaults();

  Parameters parameters(Instant at) {
    if (agreements.isEmpty()) {
      return Parameters.defaults();
    }
    LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
    if (cachedAdoptions == adoptions && day.equals(cachedDay)) {
      return cached;
    }
    cached = computeParameters(at);
    cachedDay = day;
    cachedAdoptions = adoptions;
    return cached;
  }

  private Parameters computeParameters(Instant at) {
    List<AgreementTerms> inForce = new ArrayList<>();
    for (List<AgreementRecord> versions : agreements.values()) {
      AgreementRecord a = versions.get(versions.size() - 1);
      if (a.statusAt(at).inForce()) {
        inForce.add(a.terms());
      }
    }
    return Parameters.of(inForce);
  }

  Set<MemberId> eligible(Proposal p, Map<MemberId, Member> members) {
    Duration newcomer = Duration.ofDays(parameters(p.opened).get(Parameter.NEWCOMER_WINDOW_DAYS));
    Set<MemberId> out = new TreeSet<>();
    for (Member m : members.values()) {
      boolean pastWindow = !m.newcomerAt(p.opened, newcomer);
      if (m.active() && (p.rule.participation() == DecisionRule.Participation.MEMBERS || pastWindow)) {
        out.add(m.id());
      }
    }
    return out;
  }

  Outcome computedOutcome(Proposal p, Map<MemberId, Member> members, boolean proposerAdopts) {
    return Decisions.outcome(p.rule, eligible(p, members), p.standing, proposerAdopts);
  }

  static Hash versionHash(AgreementId id, long version, AgreementTerms terms) {
    byte[] prefix = ("lattice/agreement-version/v1\n" + id + "\n" + version + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = LedgerJson.canonicalBytes(terms);
    byte[] all = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(body, 0, all, prefix.length, body.length);
    return Hash.sha256(all);
  }

  // ---------------------------------------------------------------------------------- rules

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.ProposalMade || e instanceof Event.ProposalRevised || e instanceof Event.ResponseGiven
        || e instanceof Event.ObjectionWithdrawn || e instanceof Event.ProposalDecided
        || e instanceof Event.AgreementAccepted;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Instant now = s.time();
    Membership membership = s.fold().membership;
    Map<MemberId, Member> members = membership.members;
    if (event instanceof Event.ProposalMade p) {
      membership.activeMember(author, "make a proposal");
      Trust.require(s, author, Permission.PROPOSE);
      for (MemberId a : p.affected()) {
        membership.activeMember(a, "be named as affected by a proposal");
      }
      checkTerms(p.kind(), p.terms(), p.amends(), now, -1);
      if (p.kind() == ProposalKind.ADOPT && p.major()) {
        throw new InvalidAgreementException("only an amendment can be major; a new agreement is accepted on adoption");
      }
    } else if (event instanceof Event.ProposalRevised r) {
      Proposal p = open(r.proposal(), "revise");
      if (!author.equals(p.proposer)) {
        throw new NotPermittedException("Only " + p.proposer + ", who made proposal " + p.entry + ", can revise it;"
            + " respond with a concern or an objection instead.");
      }
      if (!r.terms().id().equals(p.terms.id())) {
        throw new InvalidAgreementException("a revision cannot change which agreement the proposal is about");
      }
      checkTerms(p.kind, r.terms(), p.amends, now, p.entry);
    } else if (event instanceof Event.ResponseGiven r) {
      Proposal p = open(r.proposal(), "respond to");
      membership.activeMember(author, "respond to a proposal");
      if (!eligible(p, members).contains(author)) {
        throw new NotPermittedException(author + " may not take part in proposal " + p.entry + ": its rule lets only"
            + " members past the newcomer window respond.");
      }
      if (!now.isBefore(p.closes())) {
        throw new ExpiredException("The window for responses to proposal " + p.entry + " closed at "
            + p.closes() + "; it can now be decided.");
      }
      if (!r.response().allowedUnder(p.rule.kind())) {
        throw new InvalidAgreementException("A " + name(p.rule.kind()) + " proposal does not take " + name(r.response())
            + "; it takes " + allowed(p.rule.kind()) + ".");
      }
      if (r.response().needsReason() && r.reason().isBlank()) {
        throw new InvalidAgreementException("An " + name(r.response()) + " needs a reason: say what you see, so that"
            + " the proposal can be improved or the collective can learn from it.");
      }
    } else if (event instanceof Event.ObjectionWithdrawn w) {
      Proposal p = open(w.proposal(), "withdraw an objection to");
      if (p.standing.get(author) != Response.OBJECTION) {
        throw new UnknownReferenceException(author + " has no standing objection to proposal " + p.entry
            + " to withdraw.");
      }
    } else if (event instanceof Event.ProposalDecided d) {
      Proposal p = open(d.proposal(), "decide");
      membership.activeMember(author, "record a decision");
      checkDecision(author, d, p, now, members);
    } else if (event instanceof Event.AgreementAccepted a) {
      membership.activeMember(author, "accept an agreement");
      AgreementRecord current = inForce(a.agreement(), now);
      if (current == null) {
        throw new UnknownReferenceException("There is no agreement \"" + a.agreement() + "\" in force to accept.");
      }
      if (a.version() != current.version()) {
        throw new ConflictException("Version " + a.version() + " of \"" + a.agreement() + "\" is not the current one;"
            + " accept version " + current.version() + ".");
      }
    } else {
      throw new AssertionError("not a governance event: " + event.getClass());
    }
  }

  private void checkDecision(MemberId author, Event.ProposalDecided d, Proposal p, Instant now,
      Map<MemberId, Member> members) {
    if (d.outcome() == Outcome.WITHDRAWN) {
      if (!author.equals(p.proposer)) {
        throw new NotPermittedException("Only " + p.proposer + " can withdraw proposal " + p.entry + ".");
      }
      return;
    }
    if (p.rule.kind() == DecisionRule.Kind.ADVICE) {
      if (!author.equals(p.proposer)) {
        throw new NotPermittedException("In an advice process the proposer, " + p.proposer + ", decides.");
      }
      boolean allAdvised = !p.affected.isEmpty()
          && p.affected.stream().allMatch(m -> p.standing.get(m) == Response.ADVICE);
      if (now.isBefore(p.closes()) && !allAdvised) {
        throw new TooEarlyException("Proposal " + p.entry + " can be decided once everyone affected has given"
            + " advice or its window closes at " + p.closes() + ".");
      }
    } else {
      if (now.isBefore(p.closes())) {
        throw new TooEarlyException("The window for responses to proposal " + p.entry + " is open until "
            + p.closes() + "; decide after it closes.");
      }
      Outcome computed = computedOutcome(p, members, false);
      if (d.outcome() != computed) {
        throw new ConflictException("Under " + name(p.rule.kind()) + ", with the responses that stand, proposal "
            + p.entry + " comes out " + name(computed) + "; it cannot be recorded as " + name(d.outcome()) + ".");
      }
    }
    if (d.outcome() == Outcome.ADOPTED) {
      checkTerms(p.kind, p.terms, p.amends, now, p.entry); // nothing adopted meanwhile may conflict
    }
  }

  /** Rules for terms in a proposal of {@code kind} (also re-checked at adoption). */
  private void checkTerms(ProposalKind kind, AgreementTerms terms, @Nullable Hash amends, Instant now, long proposal) {
    LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
    if (!terms.reviewOn().isAfter(today)) {
      throw new InvalidAgreementException("\"" + terms.title() + "\" has a review date (" + terms.reviewOn()
          + ") that is not in the future.");
    }
    AgreementRecord current = inForce(terms.id(), now);
    if (kind == ProposalKind.ADOPT) {
      if (amends != null) {
        throw new InvalidAgreementException("a proposal for a new agreement amends nothing; leave the version hash out");
      }
      if (current != null) {
        throw new ConflictException("Agreement \"" + terms.id() + "\" is in force (version " + current.version()
            + "); propose an amendment that names its current version.");
      }
    } else {
      AgreementRecord latest = current(terms.id());
      if (latest == null) {
        throw new UnknownReferenceException("There is no agreement \"" + terms.id() + "\" to " + name(kind)
            + "; propose to adopt it.");
      }
      if (current == null) {
        throw new ConflictException("Agreement \"" + terms.id() + "\" has lapsed; propose to adopt it again.");
      }
      if (!current.hash().equals(amends)) {
        throw new ConflictException("The proposal amends a version of \"" + terms.id() + "\" that is no longer"
            + " current: the current version is " + current.version() + " (" + current.hash() + ").");
      }
      if (kind == ProposalKind.RENEW) {
        AgreementTerms same = current.terms().toBuilder().reviewOn(terms.reviewOn()).build();
        if (!same.equals(terms)) {
          throw new InvalidAgreementException("A renewal keeps the terms as they are and only sets a new review date;"
              + " propose an amendment to change them.");
        }
      }
    }
    for (Setting s : terms.settings()) {
      for (List<AgreementRecord> versions : agreements.values()) {
        AgreementRecord other = versions.get(versions.size() - 1);
        if (!other.id().equals(terms.id()) && other.statusAt(now).inForce()
            && other.terms().get(s.parameter()).isPresent()) {
          throw new InvalidAgreementException("The parameter " + s.name() + " is already set by agreement \""
              + other.id() + "\"; amend that agreement instead, so that one agreement governs it.");
        }
      }
    }
    boolean newProposal = proposal < 0;
    for (Proposal p : proposals.values()) {
      if (newProposal && p.decision == null && p.terms.id().equals(terms.id())) {
        throw new ConflictException("Proposal " + p.entry + " about \"" + terms.id() + "\" is still open;"
            + " revise it or wait for its decision.");
      }
    }
  }

  private Proposal open(long ref, String verb) {
    Proposal p = proposals.get(ref);
    if (p == null) {
      throw new UnknownReferenceException("There is no proposal at entry " + ref + " to " + verb + ".");
    }
    if (p.decision != null) {
      throw new ConflictException("Proposal " + ref + " was already decided (" + name(p.decision.outcome())
          + ") at entry " + p.decision.entry() + ".");
    }
    return p;
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private static String allowed(DecisionRule.Kind kind) {
    List<String> names = new ArrayList<>();
    for (Response r : Response.values()) {
      if (r.allowedUnder(kind)) {
        names.add(name(r));
      }
    }
    return String.join(", ", names);
  }

  // ---------------------------------------------------------------------------------- fold

  @Override
  public void apply(Step e) {
    Event event = e.event();
    Map<MemberId, Member> members = e.fold().membership.members;
    if (event instanceof Event.ProposalMade p) {
      DecisionRule rule = p.kind() == ProposalKind.ADOPT
          ? p.terms().rule()
          : Objects.requireNonNull(current(p.terms().id())).terms().rule();
      proposals.put(e.sequence(), new Proposal(e, p, rule));
    } else if (event instanceof Event.ProposalRevised r) {
      Proposal p = proposals.get(r.proposal());
      p.revision++;
      p.terms = r.terms();
      p.opened = e.time();
      for (int i : p.standingAt.values()) {
        p.trail.set(i, p.trail.get(i).resolved("answered by revision " + p.revision));
      }
      p.standing.clear();
      p.standingAt.clear();
    } else if (event instanceof Event.ResponseGiven r) {
      Proposal p = proposals.get(r.proposal());
      Integer before = p.standingAt.get(e.author());
      if (before != null) {
        p.trail.set(before, p.trail.get(before).resolved("replaced by a later response"));
      }
      p.trail.add(new ResponseRecord(e.sequence(), e.author(), r.response(), r.reason(), e.time(), p.revision, null));
      p.standing.put(e.author(), r.response());
      p.standingAt.put(e.author(), p.trail.size() - 1);
    } else if (event instanceof Event.ObjectionWithdrawn w) {
      Proposal p = proposals.get(w.proposal());
      int i = p.standingAt.remove(e.author());
      p.standing.remove(e.author());
      p.trail.set(i, p.trail.get(i).resolved("withdrawn"));
    } else if (event instanceof Event.ProposalDecided d) {
      Proposal p = proposals.get(d.proposal());
      p.decision = new DecisionRecord(p.entry, p.rule, eligible(p, members).size(), p.standing, d.outcome(),
          d.note(), e.time(), e.author(), e.sequence());
      if (d.outcome() == Outcome.ADOPTED) {
        List<AgreementRecord> versions = agreements.computeIfAbsent(p.terms.id(), k -> new ArrayList<>());
        long version = versions.size() + 1L;
        versions.add(new AgreementRecord(p.terms.id(), version, p.terms, p.kind, e.time(), p.entry, e.sequence(),
            p.major, versionHash(p.terms.id(), version, p.terms)));
        adoptions++;
      }
    } else if (event instanceof Event.AgreementAccepted a) {
      accepted.computeIfAbsent(e.author(), k -> new HashMap<>()).merge(a.agreement(), a.version(), Math::max);
    }
  }

  // ---------------------------------------------------------------------------------- acceptance

  /** The version {@code m} must have accepted of {@code a}: the latest major one, or the one in force when they joined. */
  long requiredAcceptance(AgreementRecord current, Member m) {
    List<AgreementRecord> versions = agreements.get(current.id());
    long required = 0;
    for (AgreementRecord v : versions) {
      if (v.major()) {
        required = v.version();
      }
      boolean joinedAfterFirstAdoption = m.joined().isAfter(versions.get(0).adopted());
      if (joinedAfterFirstAdoption && !v.adopted().isAfter(m.joined())) {
        required = Math.max(required, v.version());
      }
    }
    return required;
  }

  boolean awaitsAcceptance(AgreementRecord current, Member m) {
    long have = accepted.getOrDefault(m.id(), Map.of()).getOrDefault(current.id(), 0L);
    return m.active() && have < requiredAcceptance(current, m);
  }
}
