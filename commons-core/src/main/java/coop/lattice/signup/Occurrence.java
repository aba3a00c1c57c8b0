package coop.lattice.signup;

import coop.lattice.rotation.RoleId;
import java.time.LocalDate;
import java.util.Comparator;

/** One time an activity comes round: what a member signs up for. Occurrences order by date, then activity. */
public record Occurrence(RoleId activity, LocalDate date) implements Comparable<Occurrence> {
  private static final Comparator<Occurrence> ORDER = Comparator.comparing(Occurrence::date)
      .thenComparing(Occurrence::activity);

  @Override
  public int compareTo(Occurrence o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return activity + " on " + date;
  }
}
