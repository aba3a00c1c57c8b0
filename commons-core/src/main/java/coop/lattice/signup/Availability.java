package coop.lattice.signup;

import coop.lattice.InvalidSignupException;
import coop.lattice.internal.Names;
import coop.lattice.rotation.Participant;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * What a member states for a sign-up round: when they cannot take a turn (hard), the days of the
 * week they would rather not (soft), what they can do, and how much they can carry. A member who
 * states nothing is available every day, declares no tags and carries a full share.
 *
 * @param away periods they cannot take a turn, both days included: the rotation never assigns them then
 * @param ratherNot days of the week they would rather not take a turn: honoured whenever a fair plan can
 * @param tags skills or attributes they declare ("first-aid", "driver"), for activities that require them
 * @param capacity their share of turns relative to others, more than 0 and at most 1
 */
public record Availability(List<Participant.Away> away, List<DayOfWeek> ratherNot, List<String> tags,
    BigDecimal capacity) {
  /** Available every day, no wishes, no tags, a full share. */
  public static final Availability ANY_TIME = new Availability(List.of(), List.of(), List.of(), BigDecimal.ONE);

  public Availability {
    away = List.copyOf(away);
    ratherNot = List.copyOf(new TreeSet<>(ratherNot));
    tags = List.copyOf(new TreeSet<>(tags));
    tags.forEach(t -> Names.slug("a tag", t));
    if (capacity.signum() <= 0 || capacity.compareTo(BigDecimal.ONE) > 0) {
      throw new InvalidSignupException("A capacity share is more than 0 and at most 1, not " + capacity.toPlainString()
          + "; someone who cannot take turns at all states the days they are away.");
    }
    if (away.size() > 366 || ratherNot.size() > 6) {
      throw new InvalidSignupException("At most 366 periods away and 6 days rather not (a member who would rather"
          + " not any day states the days they are away); this statement has " + away.size() + " and "
          + ratherNot.size() + ".");
    }
  }

  /** These tags declared. */
  public Availability declaring(String... declared) {
    return new Availability(away, ratherNot, List.of(declared), capacity);
  }

  /** Rather not on these days of the week. */
  public Availability ratherNot(DayOfWeek... days) {
    return new Availability(away, List.of(days), tags, capacity);
  }

  /** Away from {@code from} to {@code until}, both included, as well. */
  public Availability away(LocalDate from, LocalDate until) {
    List<Participant.Away> more = new ArrayList<>(away);
    more.add(new Participant.Away(from, until));
    return new Availability(more, ratherNot, tags, capacity);
  }

  /** At {@code share} of a full share of turns. */
  public Availability capacity(String share) {
    return new Availability(away, ratherNot, tags, new BigDecimal(share));
  }

  /** Whether they are away on {@code day}. */
  public boolean awayOn(LocalDate day) {
    return away.stream().anyMatch(a -> !day.isBefore(a.from()) && !day.isAfter(a.until()));
  }
}
