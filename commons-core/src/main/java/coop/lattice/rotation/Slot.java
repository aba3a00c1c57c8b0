package coop.lattice.rotation;

import java.time.LocalDate;
import java.util.Comparator;

/** One seat of one occurrence of a role. Slots order by date, then role, then seat. */
public record Slot(LocalDate date, RoleId role, int seat) implements Comparable<Slot> {
  private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::date).thenComparing(Slot::role)
      .thenComparingInt(Slot::seat);

  @Override
  public int compareTo(Slot o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return role + " on " + date + (seat > 1 ? " (seat " + seat + ")" : "");
  }
}
