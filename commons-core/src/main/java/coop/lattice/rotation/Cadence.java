package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * When a role comes round: every week or every month from a first date, or on explicit dates.
 *
 * @param kind weekly, monthly or explicit dates
 * @param first the first occurrence (for weekly and monthly)
 * @param dates the explicit dates, sorted and distinct (for {@link Kind#DATES}; empty otherwise)
 */
public record Cadence(Kind kind, LocalDate first, List<LocalDate> dates) {
  public enum Kind { WEEKLY, MONTHLY, DATES }

  public Cadence {
    dates = List.copyOf(new TreeSet<>(dates));
    if (kind == Kind.DATES && dates.isEmpty()) {
      throw new InvalidRotationException("a cadence of explicit dates needs at least one date; without one the role"
          + " never comes round");
    }
    if (kind != Kind.DATES && !dates.isEmpty()) {
      throw new InvalidRotationException("a " + kind.name().toLowerCase(Locale.ROOT)
          + " cadence takes a first date, not a list of dates");
    }
  }

  public static Cadence weekly(LocalDate first) {
    return new Cadence(Kind.WEEKLY, first, List.of());
  }

  public static Cadence monthly(LocalDate first) {
    return new Cadence(Kind.MONTHLY, first, List.of());
  }

  public static Cadence on(LocalDate... dates) {
    if (dates.length == 0) {
      throw new InvalidRotationException("a cadence of explicit dates needs at least one date; without one the role"
          + " never comes round");
    }
    return new Cadence(Kind.DATES, dates[0], List.of(dates));
  }

  /** The occurrences from {@code from} (inclusive) to {@code until} (exclusive), in order. */
  public List<LocalDate> between(LocalDate from, LocalDate until) {
    List<LocalDate> out = new ArrayList<>();
    switch (kind) {
      case DATES -> dates.stream().filter(d -> !d.isBefore(from) && d.isBefore(until)).forEach(out::add);
      case WEEKLY, MONTHLY -> {
        for (int k = 0; ; k++) {
          LocalDate d = kind == Kind.WEEKLY ? first.plusWeeks(k) : first.plusMonths(k);
          if (!d.isBefore(until)) {
            break;
          }
          if (!d.isBefore(from)) {
            out.add(d);
          }
        }
      }
    }
    return out;
  }
}
