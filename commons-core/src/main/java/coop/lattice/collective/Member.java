package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.ledger.Appearance;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member as the ledger knows them.
 *
 * @param id how the ledger names them
 * @param appearance how they chose to appear publicly
 * @param joined when they (last) joined
 * @param left when they left, or null while they are a member
 */
public record Member(MemberId id, Appearance appearance, Instant joined, @Nullable Instant left) {

  public boolean active() {
    return left == null;
  }

  /** True while less than {@code window} has passed since they joined. */
  public boolean newcomerAt(Instant when, Duration window) {
    return active() && !when.isBefore(joined) && when.isBefore(joined.plus(window));
  }

  Member withAppearance(Appearance a) {
    return new Member(id, a, joined, left);
  }

  Member leftAt(Instant when) {
    return new Member(id, appearance, joined, when);
  }
}
