package coop.lattice.collective;

import coop.lattice.CollectiveId;
import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownMemberException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.AcknowledgementRule;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.collective.ContributionRecord.Status;
import coop.lattice.joining.Permission;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.Contribution;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.VerificationKey;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The collective's founding, its members and their contributions, as a part of the fold with its
 * rules. Not thread-safe.
 */
final class Membership implements SubFold {
  private @Nullable CollectiveId id;
  private String name = "";
  private @Nullable VerificationKey key;
  final Map<MemberId, Member> members = new HashMap<>();
  /** By entry, in entry order: the feed reads the newest first without sorting. */
  final NavigableMap<Long, ContributionRecord> contributions = new TreeMap<>();
  /** What counts, by the hour it was recorded in: the wall's totals without a scan. */
  final HourlyTotals totals = new HourlyTotals();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.CollectiveFounded || e instanceof Event.MemberJoined || e instanceof Event.MemberLeft
        || e instanceof Event.AppearanceChanged || e instanceof Event.ContributionRecorded
        || e instanceof Event.ContributionAcknowledged || e instanceof Event.ContributionCorrected;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    if (event instanceof Event.CollectiveFounded) {
      if (s.sequence() != 0) {
        throw new ConflictException("this collective was founded already");
      }
    } else if (event instanceof Event.MemberJoined j) {
      boolean founderJoining = members.isEmpty() && author.equals(j.member());
      if (!founderJoining) {
        activeMember(author, "admit a new member");
        s.fold().joining.checkJoin(s, j.member());
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
      Trust.require(s, author, Permission.ACKNOWLEDGE);
      Contribution what = c.contribution();
      if (author.equals(what.giver())) {
        throw new NotPermittedException("A member cannot confirm their own contribution; the person who"
            + " received it confirms it.");
      }
      Parameters parameters = s.parameters();
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
      throw new UnknownReferenceException("There is no contribution at entry " + ref + " to " + verb + ".");
    }
    if (c.status() == Status.CORRECTED) {
      throw new ConflictException("Contribution " + ref + " was corrected by entry " + c.correctedBy()
          + "; " + verb + " that one instead.");
    }
    return c;
  }

  /**
   * {@code who}, if they are a member now; otherwise throws, saying why they cannot {@code toDo}.
   * The one membership check every part of the fold makes, with one wording.
   */
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

  @Override
  public void apply(Step s) {
    Event event = s.event();
    long sequence = s.sequence();
    if (event instanceof Event.CollectiveFounded f) {
      id = Objects.requireNonNull(s.collective(), "an entry names its collective");
      name = f.name();
      key = VerificationKey.fromBase64Url(f.publicKey());
    } else if (event instanceof Event.MemberJoined j) {
      members.put(j.member(), new Member(j.member(), shown(j.appearance()), s.time(), null));
    } else if (event instanceof Event.MemberLeft l) {
      members.computeIfPresent(l.member(), (k, m) -> m.leftAt(s.time()));
    } else if (event instanceof Event.AppearanceChanged a) {
      members.computeIfPresent(a.member(), (k, m) -> m.withAppearance(shown(a.appearance())));
    } else if (event instanceof Event.ContributionRecorded r) {
      contributions.put(sequence,
          new ContributionRecord(sequence, s.time(), r.contribution(), Status.PENDING, null, null, null, null));
    } else if (event instanceof Event.ContributionAcknowledged a) {
      ContributionRecord acknowledged = contributions.computeIfPresent(a.contribution(),
          (k, c) -> c.acknowledgedAt(s.time(), s.author()));
      if (acknowledged != null) {
        totals.counted(acknowledged);
      }
    } else if (event instanceof Event.ContributionCorrected k) {
      ContributionRecord before = contributions.get(k.corrects());
      if (before != null && before.counts()) {
        totals.uncounted(before);
      }
      contributions.computeIfPresent(k.corrects(), (ref, c) -> c.correctedBy(sequence));
      contributions.put(sequence, new ContributionRecord(
          sequence, s.time(), k.contribution(), Status.PENDING, null, null, k.corrects(), null));
    }
  }

  /** How a member appears: as the command said, or (on a copy of another's ledger, which holds only a seal) only in aggregates. */
  private static Appearance shown(@Nullable Appearance appearance) {
    return appearance != null ? appearance : Appearance.onlyInAggregates();
  }

  /** The collective, once founded; null before. */
  @Nullable CollectiveId founded() {
    return id;
  }

  CollectiveId id() {
    return Objects.requireNonNull(id, "not founded");
  }

  String name() {
    return name;
  }

  VerificationKey key() {
    return Objects.requireNonNull(key, "not founded");
  }
}
