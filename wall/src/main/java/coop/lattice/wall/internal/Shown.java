package coop.lattice.wall.internal;

import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Member;
import coop.lattice.ledger.Appearance;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a member is shown on the wall, as they chose: their name, their pseudonym, or nothing at
 * all (null) for a member who appears only in aggregates, or who left and was forgotten. Every
 * page and feed goes through here: there is no other way from a member to a page.
 */
public final class Shown {
  private final Collective collective;

  public Shown(Collective collective) {
    this.collective = collective;
  }

  /** The name or pseudonym {@code member} chose, or null if they are never shown individually. */
  public @Nullable String as(@Nullable MemberId member) {
    if (member == null) {
      return null;
    }
    Optional<Member> m = collective.member(member);
    if (m.isEmpty() || m.get().appearance().mode() == Appearance.Mode.AGGREGATES_ONLY) {
      return null;
    }
    return m.get().appearance().shownAs();
  }
}
