package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.MissingStepException;
import coop.lattice.exchange.ItemId;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tool library: items, loans with due dates, returns, and a {@linkplain
 * coop.lattice.exchange.HoldQueue fair hold queue} for popular items. Obtained from {@link
 * Collective#toolLibrary()}.
 */
public final class ToolLibrary {
  private final Collective collective;

  ToolLibrary(Collective collective) {
    this.collective = collective;
  }

  /** {@code by} lists an item, lent for {@code loanDays} at a time. */
  public Entry list(MemberId by, ItemId item, String name, int loanDays) {
    return collective.submit(by, new Event.ToolListed(item, name, loanDays));
  }

  /** {@code member} asks for the item. */
  public Entry hold(MemberId member, ItemId item) {
    return collective.submit(member, new Event.HoldPlaced(item));
  }

  /** {@code member} stops waiting. */
  public Entry cancelHold(MemberId member, ItemId item) {
    return collective.submit(member, new Event.HoldCancelled(item));
  }

  /** {@code by} lends the item to {@code borrower}; while anyone waits, only to the member whose turn it is. */
  public Entry lend(MemberId by, ItemId item, MemberId borrower) {
    return collective.submit(by, new Event.ItemLent(item, borrower));
  }

  /** {@code by} lends the item to the member whose turn it is. */
  public Entry lendToNext(MemberId by, ItemId item) {
    MemberId next = item(item).flatMap(t -> t.waiting().stream().findFirst()).orElseThrow(
        () -> new MissingStepException("Nobody is waiting for " + item + "."));
    return lend(by, item, next);
  }

  /** {@code by} records the item's return. */
  public Entry returned(MemberId by, ItemId item) {
    return collective.submit(by, new Event.ItemReturned(item));
  }

  public Optional<ToolRecord> item(ItemId id) {
    return collective.read(f -> Optional.ofNullable(f.toolLibrary.tools.get(id)).map(ToolLibraryFold.Tool::record));
  }

  /** Every item, in the order they were listed. */
  public List<ToolRecord> items() {
    return collective.read(f -> f.toolLibrary.tools.values().stream().map(ToolLibraryFold.Tool::record).toList());
  }

  /** Items out past their due date at {@code at}. */
  public List<ToolRecord> overdue(Instant at) {
    return items().stream().filter(t -> t.overdueAt(at)).toList();
  }
}
