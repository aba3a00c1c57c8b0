package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.joining.Permission;
import coop.lattice.exchange.FundId;
import coop.lattice.ledger.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The mutual aid funds, as a part of the fold with their rules: public totals, claims decided by
 * the stewards the agreement in force names, and a balance that never goes below zero. Not
 * thread-safe.
 */
final class AidFundFold implements SubFold {
  final Map<FundId, FundRecord> funds = new LinkedHashMap<>();
  final Map<Long, ClaimRecord> claims = new LinkedHashMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.FundOpened || e instanceof Event.FundContribution || e instanceof Event.AidClaimed
        || e instanceof Event.AidApproved || e instanceof Event.AidDeclined || e instanceof Event.AidPaid;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Parameters p = s.parameters();
    if (author.equals(Collective.ITSELF)) {
      filedOnItsOwnBehalf(s, p);
    } else {
      s.fold().membership.activeMember(author, "use the collective's shared funds and tools");
    }
    if (event instanceof Event.FundOpened o) {
      if (funds.containsKey(o.fund())) {
        throw new ConflictException("There is already a fund called " + o.fund() + ".");
      }
    } else if (event instanceof Event.FundContribution c) {
      FundRecord f = fund(c.fund());
      if (c.quantity().unit() != f.unit()) {
        throw new InvalidQuantityException("Fund " + f.id() + " holds " + f.unit().symbol() + "; " + c.quantity()
            + " cannot be paid into it.");
      }
    } else if (event instanceof Event.AidClaimed c) {
      FundRecord f = fund(c.fund());
      if (c.quantity().unit() != f.unit()) {
        throw new InvalidQuantityException("Fund " + f.id() + " pays out " + f.unit().symbol() + "; a claim for "
            + c.quantity() + " cannot be made on it.");
      }
      BigDecimal max = p.get(Parameter.AID_FUND_MAX_CLAIM);
      if (max.signum() == 0) {
        throw new NotPermittedException("No agreement in force lets the fund pay claims (aid-fund-max-claim is 0):"
            + " adopt one that sets the fund's rules first.");
      }
      if (c.quantity().amount().compareTo(max) > 0) {
        throw new LimitExceededException("A claim may ask for at most " + max.toPlainString() + " " + f.unit().symbol()
            + " (" + p.describeSource(Parameter.AID_FUND_MAX_CLAIM) + "); this one asks for " + c.quantity()
            + ".");
      }
    } else if (event instanceof Event.AidApproved a) {
      ClaimRecord c = claim(a.claim(), ClaimRecord.Status.OPEN, "approved");
      steward(s, author, c, p, "approve");
      if (c.approvals().contains(author)) {
        throw new ConflictException(author + " already approved claim " + c.entry() + ".");
      }
    } else if (event instanceof Event.AidDeclined d) {
      ClaimRecord c = claim(d.claim(), ClaimRecord.Status.OPEN, "declined");
      steward(s, author, c, p, "decline");
    } else if (event instanceof Event.AidPaid pd) {
      ClaimRecord c = claim(pd.claim(), ClaimRecord.Status.APPROVED, "paid");
      steward(s, author, c, p, "pay out");
      FundRecord f = fund(c.fund());
      if (f.balance().compareTo(c.quantity().amount()) < 0) {
        throw new LimitExceededException("Fund " + f.id() + " holds " + f.balance().toPlainString() + " "
            + f.unit().symbol() + ", less than the " + c.quantity() + " claim " + c.entry() + " asks for: the fund"
            + " never goes below zero. Pay in first.");
      }
    }
  }

  /**
   * A claim the collective files on its own behalf, so that the claimant is not on the ledger: the
   * rules that name people are checked against the sealed details, when this collective holds them
   * (a mirror does not).
   */
  private static void filedOnItsOwnBehalf(Step s, Parameters p) {
    if (!(s.event() instanceof Event.AidClaimed c)) {
      throw new NotPermittedException("The collective files only aid claims on its own behalf, not "
          + s.event().getClass().getSimpleName() + ".");
    }
    s.fold().sealedClaims().get(c.sealed()).ifPresent(sealed -> {
      Membership members = s.fold().membership;
      members.activeMember(sealed.filedBy(), "file a claim on the aid fund");
      members.activeMember(sealed.details().claimant(), "be helped by the aid fund");
      List<MemberId> stewards = p.get(Parameter.AID_FUND_STEWARDS);
      if (!sealed.filedBy().equals(sealed.details().claimant()) && !stewards.isEmpty()
          && !stewards.contains(sealed.filedBy())) {
        throw new NotPermittedException("A claim is filed by the member it would help, or by a steward on their behalf ("
            + p.describeSource(Parameter.AID_FUND_STEWARDS) + "); " + sealed.filedBy() + " is neither.");
      }
    });
  }

  private static void steward(Step s, MemberId author, ClaimRecord c, Parameters p, String verb) {
    List<MemberId> stewards = p.get(Parameter.AID_FUND_STEWARDS);
    if (!stewards.isEmpty() && !stewards.contains(author)) {
      throw new NotPermittedException("Only the stewards " + stewards + " (" + p.describeSource(Parameter.AID_FUND_STEWARDS)
          + ") " + verb + " claims; " + author + " is not one of them.");
    }
    Trust.require(s, author, Permission.STEWARD);
    if (author.equals(c.filedBy())) {
      throw new NotPermittedException("Claim " + c.entry() + " was filed by " + author + ", who cannot " + verb
          + " it too.");
    }
    if (s.fold().sealedClaims().get(c.sealed()).filter(sealed -> sealed.involves(author)).isPresent()) {
      throw new NotPermittedException(author + " filed claim " + c.entry() + " or is the one it would help (its sealed"
          + " details say so), so another steward must " + verb + " it.");
    }
  }

  private FundRecord fund(FundId id) {
    FundRecord f = funds.get(id);
    if (f == null) {
      throw new UnknownReferenceException("There is no fund called " + id + ".");
    }
    return f;
  }

  private ClaimRecord claim(long ref, ClaimRecord.Status expected, String verb) {
    ClaimRecord c = claims.get(ref);
    if (c == null) {
      throw new UnknownReferenceException("There is no claim at entry " + ref + ".");
    }
    if (c.status() != expected) {
      throw new ConflictException("Claim " + ref + " is " + c.status().name().toLowerCase(Locale.ROOT)
          + ", so it cannot be " + verb + " now.");
    }
    return c;
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.FundOpened o) {
      funds.put(o.fund(), new FundRecord(o.fund(), o.name(), o.unit(), BigDecimal.ZERO, BigDecimal.ZERO, 0));
    } else if (event instanceof Event.FundContribution c) {
      funds.computeIfPresent(c.fund(), (k, f) -> new FundRecord(f.id(), f.name(), f.unit(),
          f.paidIn().add(c.quantity().amount()), f.paidOut(), f.claimsPaid()));
    } else if (event instanceof Event.AidClaimed c) {
      Parameters p = e.parameters();
      claims.put(e.sequence(), new ClaimRecord(e.sequence(), c.fund(), c.quantity(), c.sealed(), e.author(), e.time(),
          e.time().plus(Duration.ofDays(p.get(Parameter.AID_FUND_DECIDE_WITHIN_DAYS))), List.of(),
          ClaimRecord.Status.OPEN));
    } else if (event instanceof Event.AidApproved a) {
      int needed = e.parameters().get(Parameter.AID_FUND_APPROVALS);
      claims.computeIfPresent(a.claim(), (k, c) -> {
        List<MemberId> approvals = new ArrayList<>(c.approvals());
        approvals.add(e.author());
        return c.with(approvals, approvals.size() >= needed ? ClaimRecord.Status.APPROVED : ClaimRecord.Status.OPEN);
      });
    } else if (event instanceof Event.AidDeclined d) {
      claims.computeIfPresent(d.claim(), (k, c) -> c.with(c.approvals(), ClaimRecord.Status.DECLINED));
    } else if (event instanceof Event.AidPaid pd) {
      ClaimRecord c = claims.get(pd.claim());
      claims.put(c.entry(), c.with(c.approvals(), ClaimRecord.Status.PAID));
      funds.computeIfPresent(c.fund(), (k, f) -> new FundRecord(f.id(), f.name(), f.unit(), f.paidIn(),
          f.paidOut().add(c.quantity().amount()), f.claimsPaid() + 1));
    }
  }
}
