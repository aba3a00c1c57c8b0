package coop.lattice.signup;

import coop.lattice.InvalidSignupException;
import coop.lattice.internal.Names;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Something members sign up for: a Saturday pickup, a repair café shift, a meal. Each time it comes
 * round it has {@code seats} slots.
 *
 * @param id stable identifier, unique among the round's activities
 * @param name what people call it
 * @param cadence when it comes round
 * @param seats how many people each time (1 to 50)
 * @param requires tags a member declares to take it ("first-aid", "driver"); empty means anyone
 * @param exclusiveWith activities of the round the same person may not take on the same day (the
 *     morning pickup and the morning shift at the café)
 */
public record Activity(RoleId id, String name, Cadence cadence, int seats, List<String> requires,
    List<RoleId> exclusiveWith) {
  public Activity {
    Names.text("an activity's name", name, 80);
    requires = List.copyOf(new TreeSet<>(requires));
    exclusiveWith = List.copyOf(new TreeSet<>(exclusiveWith));
    if (exclusiveWith.contains(id)) {
      throw new InvalidSignupException("Activity " + id + " cannot exclude itself; one member takes one slot of a time"
          + " anyway.");
    }
    if (seats < 1 || seats > 50) {
      throw new InvalidSignupException("An activity needs 1 to 50 people each time, not " + seats + " (" + id + ").");
    }
    requires.forEach(t -> Names.slug("a required tag", t));
  }

  /** An activity with one slot each time, open to everyone. */
  public static Activity of(String id, String name, Cadence cadence) {
    return new Activity(RoleId.of(id), name, cadence, 1, List.of(), List.of());
  }

  /** The same activity with {@code n} slots each time. */
  public Activity seats(int n) {
    return new Activity(id, name, cadence, n, requires, exclusiveWith);
  }

  /** The same activity, open only to members who declare every one of {@code tags}. */
  public Activity requires(String... tags) {
    return new Activity(id, name, cadence, seats, List.of(tags), exclusiveWith);
  }

  /** The same activity, which nobody takes on the same day as any of {@code others}. */
  public Activity exclusiveWith(String... others) {
    return new Activity(id, name, cadence, seats, requires, Arrays.stream(others).map(RoleId::of).toList());
  }

  /** Whether one member may not take both this and {@code other} on the same day. */
  public boolean excludes(Activity other) {
    return exclusiveWith.contains(other.id()) || other.exclusiveWith().contains(id);
  }

  /** The activity as the rotation sees it: a real role of weight 1 with these seats and tags. */
  public Role role() {
    return Role.of(id, name, cadence).seats(seats).requires(requires.toArray(String[]::new))
        .exclusiveWith(exclusiveWith.toArray(RoleId[]::new));
  }
}
