package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownMemberException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.joining.Permission;
import coop.lattice.joining.TrustRule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Newcomer trust read from the fold: who needs it, who has it, and the one check the commands it
 * guards make (acknowledging in {@link Membership}, proposing in {@link Governance}, stewarding in
 * {@link AidFundFold}). A member needs trust when they joined while an agreement in force asks it
 * of newcomers ({@code trust-threshold} above 0): since the first version of that agreement, in
 * its current run of versions, that set it. Members who joined before were never newcomers to
 * it. A collective with no such agreement behaves as before trust.
 */
final class Trust {
  private Trust() {}

  /** The trust rule the agreements in force set in {@code p}. */
  static TrustRule rule(Parameters p) {
    return new TrustRule(p.get(Parameter.TRUST_THRESHOLD), p.get(Parameter.TRUST_PERMISSIONS),
        p.get(Parameter.NEWCOMER_UNTIL));
  }

  /** Since when newcomers need trust, under the agreements in force at {@code at}; null while none asks it. */
  static @Nullable Instant since(Fold f, Parameters p, Instant at) {
    if (p.get(Parameter.TRUST_THRESHOLD) == 0) {
      return null;
    }
    List<AgreementRecord> versions = p.source(Parameter.TRUST_THRESHOLD).map(f.governance.agreements::get)
        .orElse(List.of());
    Instant since = null;
    for (int i = versions.size() - 1; i >= 0; i--) {
      AgreementRecord v = versions.get(i);
      if (v.terms().get(Parameter.TRUST_THRESHOLD).filter(n -> n > 0).isEmpty() || v.adopted().isAfter(at)) {
        break;
      }
      since = v.adopted();
    }
    return since;
  }

  /** Whether {@code m} needs members' trust at {@code at}: they joined since newcomers need it. */
  static boolean needsTrust(Fold f, Member m, Instant at) {
    Instant since = since(f, f.governance.parameters(at), at);
    return since != null && !m.joined().isBefore(since);
  }

  /** How many distinct members trust {@code member}. */
  static int trusters(Fold f, MemberId member) {
    return f.joining.trusters.getOrDefault(member, Set.of()).size();
  }

  /** Whether {@code m} is new at {@code at}: by the newcomer window, or until trusted, as the agreements say. */
  static boolean isNew(Fold f, Member m, Instant at) {
    Parameters p = f.governance.parameters(at);
    return m.active() && rule(p).isNew(m.joined(), at, Duration.ofDays(p.get(Parameter.NEWCOMER_WINDOW_DAYS)),
        needsTrust(f, m, at), trusters(f, m.id()));
  }

  /** Whether {@code member}, a member, may do {@code what} at {@code at}. */
  static boolean permits(Fold f, Member member, Permission what, Instant at) {
    Parameters p = f.governance.parameters(at);
    if (p.get(Parameter.TRUST_THRESHOLD) == 0 || !p.get(Parameter.TRUST_PERMISSIONS).contains(what)) {
      return true; // the common case, asked on every acknowledgement as a ledger opens: decided without the rule
    }
    return rule(p).permits(what, needsTrust(f, member, at), trusters(f, member.id()));
  }

  /**
   * Throws unless {@code member} may do {@code what} now: a newcomer not yet trusted by as many
   * members as the agreement asks is told how many more they need.
   */
  static void require(Step s, MemberId member, Permission what) {
    Member m = s.fold().membership.members.get(member);
    if (m == null || permits(s.fold(), m, what, s.time())) {
      return; // whether they are a member at all is the command's own check
    }
    Parameters p = s.parameters();
    TrustRule rule = rule(p);
    int have = trusters(s.fold(), member);
    throw new NotPermittedException(member + " is new here and may " + what.doing() + " once " + rule.threshold()
        + " member(s) trust them (" + Parameter.TRUST_THRESHOLD.name() + ", " + p.describeSource(Parameter.TRUST_THRESHOLD)
        + "); " + have + " do so far, so " + rule.stillNeeded(have) + " more. Members who know them trust them with"
        + " joining().trust.");
  }

  /** The rules for {@code s}'s author trusting {@code newcomer}, whom {@code already} trust. */
  static void checkGiven(Step s, MemberId newcomer, Set<MemberId> already) {
    MemberId by = s.author();
    Member truster = s.fold().membership.activeMember(by, "trust a newcomer");
    if (by.equals(newcomer)) {
      throw new NotPermittedException("A member cannot trust themselves; trust is what other members give.");
    }
    Member m = s.fold().membership.members.get(newcomer);
    if (m == null || !m.active()) {
      throw new UnknownMemberException(newcomer + " is not a member of this collective, so there is no newcomer to"
          + " trust.");
    }
    Parameters p = s.parameters();
    if (p.get(Parameter.TRUST_THRESHOLD) == 0) {
      throw new ConflictException("No agreement in force asks members to trust newcomers ("
          + Parameter.TRUST_THRESHOLD.name() + " is 0, " + p.describeSource(Parameter.TRUST_THRESHOLD) + "), so there"
          + " is nothing to give.");
    }
    if (!needsTrust(s.fold(), m, s.time())) {
      throw new ConflictException(newcomer + " is not a newcomer to trust: they joined before the agreement asked"
          + " newcomers for trust (" + p.describeSource(Parameter.TRUST_THRESHOLD) + ").");
    }
    if (already.contains(by)) {
      throw new ConflictException(by + " already trusts " + newcomer + "; each member gives their trust once.");
    }
    TrustRule rule = rule(p);
    if (rule.trusted(already.size())) {
      throw new ConflictException(newcomer + " is trusted already, by " + already.size() + " member(s) where "
          + rule.threshold() + " are asked for.");
    }
    if (needsTrust(s.fold(), truster, s.time()) && !rule.trusted(trusters(s.fold(), by))) {
      throw new NotPermittedException(by + " is new here and not trusted yet, so cannot vouch for another newcomer;"
          + " members who are trusted can.");
    }
  }
}
