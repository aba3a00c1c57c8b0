package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.RejectedCommandException;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.AgreementId;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.collective.ContributionRecord.Status;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.VerificationKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of a collective as a fold over its entries, and the rules a new entry must keep.
 *
 * <p>{@link #check} runs before anything is appended, so a rejected command changes nothing;
 * {@link #apply} only ever sees entries that passed it. Replay runs both, so a stored entry that
 * breaks the rules is found when the ledger opens. Not thread-safe: the collective guards it.
 */
final class Fold {
  private @Nullable CollectiveId id;
  private String name = "";
  private @Nullable VerificationKey key;
  private long size;
  final Map<MemberId, Member> members = new HashMap<>();
  final Map<Long, ContributionRecord> contributions = new HashMap<>();
  final Governance governance = new Governance();
  final Rotations rotations = new Rotations();
  final Circles circles = new Circles();
  final Campaigns campaigns = new Campaigns();
  final TimeBankFold timeBank = new TimeBankFold();
  final TradeFold trade = new TradeFold();
  final CommonsFold commons = new CommonsFold();

  /** Checks {@code event} as a command by {@code author} at {@code now}; throws if it breaks a rule. */
  void check(MemberId author, Event event, Instant now) {
    // Java 17 has no pattern switch; the chain ends in an exhaustiveness guard instead.
    if (event instanceof Event.CollectiveFounded) {
      if (size != 0) {
        throw new ConflictException("this collective was founded already");
      }
    } else if (event instanceof Event.MemberJoined j) {
      boolean founderJoining = members.isEmpty() && author.equals(j.member());
      if (!founderJoining) {
        activeMember(author, "admit a new member");
      }
      Member existing = members.get(j.member());
      if (existing != null && existing.active()) {
        throw new ConflictException(j.member() + " is already a member");
      }
    } else if (event instanceof Event.MemberLeft l) {
      activeMember(l.member(), "leave");
      requireSelf(author, l.member(), "Only " + l.member() + " can decide to leave");
    } else if (event instanceof Event.AppearanceChanged a) {
      activeMember(a.member(), "change how they appear");
      requireSelf(author, a.member(), "Only " + a.member() + " can choose how they appear");
    } else if (event instanceof Event.ContributionRecorded r) {
      checkContribution(author, r.contribution());
    } else if (event instanceof Event.ContributionAcknowledged a) {
      ContributionRecord c = liveContribution(a.contribution(), "acknowledge");
      activeMember(author, "acknowledge a contribution");
      Contribution what = c.contribution();
      if (author.equals(what.giver())) {
        throw new NotPermittedException("A member cannot confirm their own contribution; the person who"
            + " received it confirms it.");
      }
      Parameters parameters = governance.parameters(now);
      AcknowledgementRule rule = parameters.get(Parameter.ACKNOWLEDGED_BY);
      if (rule == AcknowledgementRule.RECEIVER && what.receiver() != null && !author.equals(what.receiver())) {
        throw new NotPermittedException("Only " + what.receiver() + ", who received this help, can"
            + " acknowledge contribution " + c.entry() + " ("
            + parameters.describeSource(Parameter.ACKNOWLEDGED_BY) + ").");
      }
      if (c.status() == Status.ACKNOWLEDGED) {
        throw new ConflictException("Contribution " + c.entry() + " was already acknowledged by "
            + c.acknowledgedBy() + "; there is nothing more to do.");
      }
    } else if (isGovernance(event)) {
      governance.check(author, event, now, members);
    } else if (Rotations.handles(event)) {
      rotations.check(author, event, now, size, members);
    } else if (Circles.handles(event)) {
      circles.check(author, event, now, members, rotations, governance);
    } else if (Campaigns.handles(event)) {
      campaigns.check(author, event, now, members);
    } else if (TimeBankFold.handles(event)) {
      timeBank.check(author, event, now, this);
    } else if (TradeFold.handles(event)) {
      trade.check(author, event, now, this);
    } else if (CommonsFold.handles(event)) {
      commons.check(author, event, now, this);
    } else if (event instanceof Event.ContributionCorrected k) {
      ContributionRecord c = liveContribution(k.corrects(), "correct");
      if (!author.equals(c.contribution().giver())) {
        throw new NotPermittedException("Only " + c.contribution().giver() + ", who recorded contribution "
            + c.entry() + ", can correct it.");
      }
      if (!k.contribution().giver().equals(c.contribution().giver())) {
        throw new NotPermittedException("A correction cannot change who gave: record a new contribution for "
            + k.contribution().giver() + " instead.");
      }
      checkContribution(author, k.contribution());
    } else {
      throw new AssertionError("an event type without rules: " + event.getClass());
    }
  }

  private void checkContribution(MemberId author, Contribution c) {
    activeMember(c.giver(), "record a contribution");
    requireSelf(author, c.giver(), "A contribution is recorded by the member who gave it, " + c.giver()
        + "; " + author + " cannot record it for them");
    if (c.receiver() != null) {
      activeMember(c.receiver(), "receive a contribution");
    }
  }

  private ContributionRecord liveContribution(long ref, String verb) {
    ContributionRecord c = contributions.get(ref);
    if (c == null) {
      throw new RejectedCommandException("There is no contribution at entry " + ref + " to " + verb + ".");
    }
    if (c.status() == Status.CORRECTED) {
      throw new ConflictException("Contribution " + ref + " was corrected by entry " + c.correctedBy()
          + "; " + verb + " that one instead.");
    }
    return c;
  }

  Member activeMember(MemberId who, String toDo) {
    Member m = members.get(who);
    if (m == null) {
      throw new UnknownMemberException(who + " is not a member of this collective, so cannot " + toDo
          + ". Admit them first.");
    }
    if (!m.active()) {
      throw new UnknownMemberException(who + " left the collective on " + m.left() + ", so cannot " + toDo + ".");
    }
    return m;
  }

  private static void requireSelf(MemberId author, MemberId member, String message) {
    if (!author.equals(member)) {
      throw new NotPermittedException(message + ".");
    }
  }

  void apply(Entry e) {
    Event event = e.event();
    if (event instanceof Event.CollectiveFounded f) {
      id = e.collective();
      name = f.name();
      key = VerificationKey.fromBase64Url(f.publicKey());
    } else if (event instanceof Event.MemberJoined j) {
      members.put(j.member(), new Member(j.member(), j.appearance(), e.time(), null));
    } else if (event instanceof Event.MemberLeft l) {
      members.computeIfPresent(l.member(), (k, m) -> m.leftAt(e.time()));
    } else if (event instanceof Event.AppearanceChanged a) {
      members.computeIfPresent(a.member(), (k, m) -> m.withAppearance(a.appearance()));
    } else if (event instanceof Event.ContributionRecorded r) {
      contributions.put(e.sequence(),
          new ContributionRecord(e.sequence(), e.time(), r.contribution(), Status.PENDING, null, null, null, null));
    } else if (event instanceof Event.ContributionAcknowledged a) {
      contributions.computeIfPresent(a.contribution(), (k, c) -> c.acknowledgedAt(e.time(), e.author()));
    } else if (event instanceof Event.ContributionCorrected k) {
      contributions.computeIfPresent(k.corrects(), (ref, c) -> c.correctedBy(e.sequence()));
      contributions.put(e.sequence(), new ContributionRecord(
          e.sequence(), e.time(), k.contribution(), Status.PENDING, null, null, k.corrects(), null));
    } else if (isGovernance(event)) {
      governance.apply(e, members);
    } else if (Rotations.handles(event)) {
      rotations.apply(e);
    } else if (Circles.handles(event)) {
      circles.apply(e);
    } else if (Campaigns.handles(event)) {
      campaigns.apply(e);
    } else if (TimeBankFold.handles(event)) {
      timeBank.apply(e, this);
    } else if (TradeFold.handles(event)) {
      trade.apply(e);
    } else if (CommonsFold.handles(event)) {
      commons.apply(e, this);
    } else {
      throw new AssertionError("an event type without a fold: " + event.getClass());
    }
    size = e.sequence() + 1;
  }

  private static boolean isGovernance(Event e) {
    return e instanceof Event.ProposalMade || e instanceof Event.ProposalRevised || e instanceof Event.ResponseGiven
        || e instanceof Event.ObjectionWithdrawn || e instanceof Event.ProposalDecided
        || e instanceof Event.AgreementAccepted;
  }

  private Map<Long, Boolean> tensionsTakenUp() {
    Map<Long, Boolean> out = new HashMap<>();
    circles.tensions.forEach((k, t) -> out.put(k, t.takenUp()));
    return out;
  }

  CollectiveId id() {
    return Objects.requireNonNull(id, "not founded");
  }

  String name() {
    return name;
  }

  long size() {
    return size;
  }

  CollectiveState snapshot() {
    Map<Long, ProposalRecord> proposals = new HashMap<>();
    governance.proposals.forEach((ref, p) -> proposals.put(ref, p.record()));
    Map<MemberId, Map<AgreementId, Long>> accepted = new HashMap<>();
    governance.accepted.forEach((m, a) -> accepted.put(m, Map.copyOf(a)));
    return new CollectiveState(id(), name, Objects.requireNonNull(key), size, members, contributions,
        governance.agreements, proposals, accepted, rotations.currentPlan(), rotations.drawn, circles.meetings,
        tensionsTakenUp(), new ExchangeState(timeBank.balances, timeBank.issued, timeBank.transfers,
            timeBank.postings, trade.snapshot(), trade.trades, trade.coverage, commons.funds, commons.claims,
            commons.toolSnapshot()));
  }
}
