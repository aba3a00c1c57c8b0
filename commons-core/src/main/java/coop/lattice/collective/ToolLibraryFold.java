package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.exchange.HoldQueue;
import coop.lattice.exchange.ItemId;
import coop.lattice.ledger.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The tool library, as a part of the fold with its rules: items, loans with due dates, returns,
 * and a fair hold queue that decides whose turn it is. Not thread-safe.
 */
final class ToolLibraryFold implements SubFold {
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

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.ToolListed || e instanceof Event.HoldPlaced || e instanceof Event.HoldCancelled
        || e instanceof Event.ItemLent || e instanceof Event.ItemReturned;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Membership membership = s.fold().membership;
    membership.activeMember(author, "use the collective's shared funds and tools");
    if (event instanceof Event.ToolListed t) {
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
        throw new UnknownReferenceException(author + " is not waiting for " + t.id + "; there is no hold to cancel.");
      }
    } else if (event instanceof Event.ItemLent l) {
      Tool t = tool(l.item());
      membership.activeMember(l.borrower(), "borrow from the tool library");
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

  private Tool tool(ItemId id) {
    Tool t = tools.get(id);
    if (t == null) {
      throw new UnknownReferenceException("The tool library has no item called " + id + ".");
    }
    return t;
  }

  @Override
  public void apply(Step e) {
    Event event = e.event();
    if (event instanceof Event.ToolListed t) {
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

  /** Every item's public view, in the order they were listed. */
  Map<ItemId, ToolRecord> snapshot() {
    Map<ItemId, ToolRecord> out = new LinkedHashMap<>();
    tools.forEach((k, t) -> out.put(k, t.record()));
    return out;
  }
}
