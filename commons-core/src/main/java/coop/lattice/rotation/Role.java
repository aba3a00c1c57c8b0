package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.internal.Names;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A recurring responsibility: facilitation, note taking, the spokesperson, the circle keeper, a
 * chore.
 *
 * @param id stable identifier
 * @param name what people call it
 * @param cadence when it comes round
 * @param seats how many people hold it each time
 * @param requires tags a member must declare to hold it (skills, "adult"); empty means anyone
 * @param weight how heavy one turn is, relative to others (1 is an ordinary turn)
 * @param meaningful whether holding it counts for the newcomer guarantee (a real role, not only a chore)
 * @param exclusiveWith roles the same person may not hold on the same day (the facilitator is not
 *     also the note taker)
 */
public record Role(RoleId id, String name, Cadence cadence, int seats, Set<String> requires, BigDecimal weight,
    boolean meaningful, Set<RoleId> exclusiveWith) {

  public Role {
    Names.text("a role's name", name, 80);
    if (seats < 1 || seats > 50) {
      throw new InvalidRotationException("a role needs 1 to 50 people each time, not " + seats);
    }
    if (weight.signum() <= 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new InvalidRotationException("a role's weight is more than 0 and at most 100, not " + weight.toPlainString());
    }
    requires = Set.copyOf(new TreeSet<>(requires));
    exclusiveWith = Set.copyOf(exclusiveWith);
    if (exclusiveWith.contains(id)) {
      throw new InvalidRotationException("role " + id + " cannot exclude itself; use seats for several people");
    }
  }

  /** A meaningful role with one seat, weight 1, open to everyone. */
  public static Role of(RoleId id, String name, Cadence cadence) {
    return new Role(id, name, cadence, 1, Set.of(), BigDecimal.ONE, true, Set.of());
  }

  public Role seats(int n) {
    return new Role(id, name, cadence, n, requires, weight, meaningful, exclusiveWith);
  }

  public Role requires(String... tags) {
    return new Role(id, name, cadence, seats, new TreeSet<>(List.of(tags)), weight, meaningful, exclusiveWith);
  }

  public Role weight(String w) {
    return new Role(id, name, cadence, seats, requires, new BigDecimal(w), meaningful, exclusiveWith);
  }

  /** A chore: it rotates fairly but does not count as the newcomer's first real role. */
  public Role chore() {
    return new Role(id, name, cadence, seats, requires, weight, false, exclusiveWith);
  }

  public Role exclusiveWith(RoleId... others) {
    return new Role(id, name, cadence, seats, requires, weight, meaningful, new TreeSet<>(List.of(others)));
  }
}
