package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member as the rotation sees them: what they can do, since when they are in the collective,
 * how much they can carry, and when they are away.
 *
 * @param member who
 * @param tags skills or attributes they declare ("first-aid", "adult", "driver")
 * @param joined when they joined: it makes them a newcomer for a while
 * @param capacity their share of turns relative to others, more than 0 and at most 1 (0.5 for
 *     someone on reduced capacity)
 * @param away periods they cannot take turns (breaks, holidays), each inclusive
 */
public record Participant(MemberId member, Set<String> tags, LocalDate joined, BigDecimal capacity, List<Away> away) {

  /** A period away, both days included. */
  public record Away(LocalDate from, LocalDate until) {
    public Away {
      if (until.isBefore(from)) {
        throw new InvalidRotationException("a break that ends (" + until + ") before it starts (" + from + ")");
      }
    }

    boolean covers(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(until);
    }
  }

  public Participant {
    tags = Set.copyOf(new TreeSet<>(tags));
    away = List.copyOf(away);
    if (capacity.signum() <= 0 || capacity.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidRotationException("a capacity share is more than 0 and at most 1, not " + capacity.toPlainString()
          + "; someone who cannot take turns at all is away, not at capacity 0");
    }
  }

  public static Participant of(MemberId member, LocalDate joined) {
    return new Participant(member, Set.of(), joined, BigDecimal.ONE, List.of());
  }

  public Participant tags(String... declared) {
    return new Participant(member, new TreeSet<>(List.of(declared)), joined, capacity, away);
  }

  public Participant capacity(String share) {
    return new Participant(member, tags, joined, new BigDecimal(share), away);
  }

  public Participant away(LocalDate from, LocalDate until) {
    List<Away> more = new ArrayList<>(away);
    more.add(new Away(from, until));
    return new Participant(member, tags, joined, capacity, more);
  }

  /** True when they are in the collective and not away on {@code day}. */
  public boolean availableOn(LocalDate day) {
    return !day.isBefore(joined) && away.stream().noneMatch(a -> a.covers(day));
  }

  /** True when they declare every tag {@code role} requires. */
  public boolean eligibleFor(Role role) {
    return tags.containsAll(role.requires());
  }
}
