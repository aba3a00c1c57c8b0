package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.exchange.ItemId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An item of the tool library: who has it, until when, and who waits for it in the order the
 * {@linkplain coop.lattice.exchange.HoldQueue fair hold queue} gives.
 *
 * @param id the item
 * @param name its name
 * @param loanDays how long one loan lasts
 * @param borrower who has it now, or null when it is on the shelf
 * @param due when it is due back, or null
 * @param waiting who waits, whose turn first
 * @param loans how many times it has been lent
 */
public record ToolRecord(ItemId id, String name, int loanDays, @Nullable MemberId borrower, @Nullable Instant due,
    List<MemberId> waiting, long loans) {
  public ToolRecord {
    waiting = List.copyOf(waiting);
  }

  /** True when it is out past its due date at {@code at}. */
  public boolean overdueAt(Instant at) {
    return due != null && at.isAfter(due);
  }
}
