package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.InvalidQuantityException;
import coop.lattice.LimitExceededException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.RejectedCommandException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.exchange.FundId;
import coop.lattice.exchange.HoldQueue;
import coop.lattice.exchange.ItemId;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The shared pots: the mutual aid fund and the tool library, as a fold with their rules. Not
 * thread-safe.
 */
final class CommonsFold {
  final Map<FundId, FundRecord> funds = new LinkedHashMap<>();
  final Map<Long, ClaimRecord> claims = new LinkedHashMap<>();
  final Map<ItemId, Tool> tools = new LinkedHashMap<>();

  /** An item's mutable state; {@link #record()} is the public view. */
  static final class Tool {
    final ItemId id;
    final String name;
    final int loanDays;
    final HoldQueue queue = new HoldQueue();
    @Nullable MemberId borrower;
    @Nullable Instant due;
    long loans;

    Tool(ItemId id, String name, int loanDays) {
      this.id = id;
      this.name = name;
      this.loanDays = loanDays;
    }

    ToolRecord record() {
      return new ToolRecord(id, name, loanDays, borrower, due, queue.waiting(), loans);
    }
  }

  static boolean handles(Event e) {
    return e instanceof Event.FundOpened || e instanceof Event.FundContribution || e instanceof Event.AidClaimed
        || e instanceof Event.AidApproved || e instanceof Event.AidDeclined || e instanceof Event.AidPaid
        || e instanceof Event.ToolListed || e instanceof Event.HoldPlaced || e instanceof Event.HoldCancelled
        || e instanceof Event.ItemLent || e instanceof Event.ItemReturned;
  }

  void check(MemberId author, Event event, Instant now, Fold fold) {
    fold.activeMember(author, "use the collective's shared funds and tools");
    Parameters p = fold.governance.parameters(now);
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
      steward(author, c, p, "approve");
      if (c.approvals().contains(author)) {
        throw new ConflictException(author + " already approved claim " + c.entry() + ".");
      }
    } else if (event instanceof Event.AidDeclined d) {
      ClaimRecord c = claim(d.claim(), ClaimRecord.Status.OPEN, "declined");
      steward(author, c, p, "decline");
    } else if (event instanceof Event.AidPaid pd) {
      ClaimRecord c = claim(pd.claim(), ClaimRecord.Status.APPROVED, "paid");
      steward(author, c, p, "pay out");
      FundRecord f = fund(c.fund());
      if (f.balance().compareTo(c.quantity().amount()) < 0) {
        throw new LimitExceededException("Fund " + f.id() + " holds " + f.balance().toPlainString() + " "
            + f.unit().symbol() + ", less than the " + c.quantity() + " claim " + c.entry() + " asks for: the fund"
            + " never goes below zero. Pay in first.");
      }
    } else if (event instanceof Event.ToolListed t) {
      if (tools.containsKey(t.item())) {
        throw new ConflictException("The tool library already lists " + t.item() + ".");
      }
    } else if (event instanceof Event.HoldPlaced h) {
      Tool t = tool(h.item());
      if (author.equals(t.borrower)) {
        throw new ConflictException(author + " has " + t.id + " already.");
      }
      if (t.queue.isWaiting(author)) {
        throw new ConflictException(author + " is already waiting for " + t.id + ".");
      }
    } else if (event instanceof Event.HoldCancelled h) {
      Tool t = tool(h.item());
      if (!t.queue.isWaiting(author)) {
        throw new RejectedCommandException(author + " is not waiting for " + t.id + "; there is no hold to cancel.");
      }
    } else if (event instanceof Event.ItemLent l) {
      Tool t = tool(l.item());
      fold.activeMember(l.borrower(), "borrow from the tool library");
      if (t.borrower != null) {
        throw new ConflictException(t.id + " is on loan to " + t.borrower + " until " + t.due + "; place a hold.");
      }
      MemberId turn = t.queue.next().orElse(null);
      if (turn != null && !turn.equals(l.borrower())) {
        throw new NotPermittedException("It is " + turn + "'s turn to borrow " + t.id + ": the hold queue is fair,"
            + " not first come first served. Waiting: " + t.queue.waiting() + ".");
      }
    } else if (event instanceof Event.ItemReturned r) {
      Tool t = tool(r.item());
      if (t.borrower == null) {
        throw new ConflictException(t.id + " is not on loan, so it cannot be returned.");
      }
    }
  }

  private void steward(MemberId author, ClaimRecord c, Parameters p, String verb) {
    List<MemberId> stewards = p.get(Parameter.AID_FUND_STEWARDS);
    if (!stewards.isEmpty() && !stewards.contains(author)) {
      throw new NotPermittedException("Only the stewards " + stewards + " (" + p.describeSource(Parameter.AID_FUND_STEWARDS)
          + ") " + verb + " claims; " + author + " is not one of them.");
    }
    if (author.equals(c.filedBy())) {
      throw new NotPermittedException("Claim " + c.entry() + " was filed by " + author + ", who cannot " + verb
          + " it too.");
    }
  }

  private FundRecord fund(FundId id) {
    FundRecord f = funds.get(id);
    if (f == null) {
      throw new RejectedCommandException("There is no fund called " + id + ".");
    }
    return f;
  }

  private ClaimRecord claim(long ref, ClaimRecord.Status expected, String verb) {
    ClaimRecord c = claims.get(ref);
    if (c == null) {
      throw new RejectedCommandException("There is no claim at entry " + ref + ".");
    }
    if (c.status() != expected) {
      throw new ConflictException("Claim " + ref + " is " + c.status().name().toLowerCase(java.util.Locale.ROOT)
          + ", so it cannot be " + verb + " now.");
    }
    return c;
  }

  private Tool tool(ItemId id) {
    Tool t = tools.get(id);
    if (t == null) {
      throw new RejectedCommandException("The tool library has no item called " + id + ".");
    }
    return t;
  }

  void apply(Entry e, Fold fold) {
    Event event = e.event();
    if (event instanceof Event.FundOpened o) {
      funds.put(o.fund(), new FundRecord(o.fund(), o.name(), o.unit(), BigDecimal.ZERO, BigDecimal.ZERO, 0));
    } else if (event instanceof Event.FundContribution c) {
      funds.computeIfPresent(c.fund(), (k, f) -> new FundRecord(f.id(), f.name(), f.unit(),
          f.paidIn().add(c.quantity().amount()), f.paidOut(), f.claimsPaid()));
    } else if (event instanceof Event.AidClaimed c) {
      Parameters p = fold.governance.parameters(e.time());
      claims.put(e.sequence(), new ClaimRecord(e.sequence(), c.fund(), c.quantity(), c.sealed(), e.author(), e.time(),
          e.time().plus(Duration.ofDays(p.get(Parameter.AID_FUND_DECIDE_WITHIN_DAYS))), List.of(),
          ClaimRecord.Status.OPEN));
    } else if (event instanceof Event.AidApproved a) {
      int needed = fold.governance.parameters(e.time()).get(Parameter.AID_FUND_APPROVALS);
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
    } else if (event instanceof Event.ToolListed t) {
      tools.put(t.item(), new Tool(t.item(), t.name(), t.loanDays()));
    } else if (event instanceof Event.HoldPlaced h) {
      tools.get(h.item()).queue.hold(e.author());
    } else if (event instanceof Event.HoldCancelled h) {
      tools.get(h.item()).queue.cancel(e.author());
    } else if (event instanceof Event.ItemLent l) {
      Tool t = tools.get(l.item());
      t.queue.lent(l.borrower());
      t.borrower = l.borrower();
      t.due = e.time().plus(Duration.ofDays(t.loanDays));
      t.loans++;
    } else if (event instanceof Event.ItemReturned r) {
      Tool t = tools.get(r.item());
      t.borrower = null;
      t.due = null;
    }
  }

  Map<ItemId, ToolRecord> toolSnapshot() {
    Map<ItemId, ToolRecord> out = new LinkedHashMap<>();
    tools.forEach((k, t) -> out.put(k, t.record()));
    return out;
  }
}
