package coop.lattice.wall.internal;

import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.collective.Member;
import coop.lattice.collective.PendingHandOver;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.Slot;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The responsibility map: this week and the coming weeks, who holds which role (each as they
 * chose to appear; a member who appears only in aggregates is "a member"), the swaps and cover
 * waiting for an answer, and newcomers' first roles. Ordered by date and role, never by person.
 *
 * @param weeks this week first, then the coming weeks
 * @param pending hand-overs proposed and not yet accepted
 * @param newcomers each newcomer's first role from today, for those who are shown (a newcomer as the
 *     collective's agreements define one)
 * @param hiddenNewcomers how many newcomers with a first role appear only in aggregates
 */
public record MapView(List<Week> weeks, List<HandOver> pending, List<FirstRole> newcomers, int hiddenNewcomers) {
  /** How many weeks the map shows, this one included. */
  public static final int WEEKS = 4;

  /** A week, from its Monday. */
  public record Week(LocalDate monday, List<Duty> duties) {}

  /** A role on a day; {@code holder} is null when nobody shown holds it, {@code open} when nobody does. */
  public record Duty(LocalDate date, String role, int seat, @Nullable String holder, boolean open) {}

  /** A hand-over waiting for an answer; names are null for members not shown individually. */
  public record HandOver(String role, LocalDate date, @Nullable String from, @Nullable String to,
      @Nullable LocalDate inReturn, String note) {}

  /** A newcomer's first role. */
  public record FirstRole(String who, String role, LocalDate date) {}

  static MapView of(Collective c, Instant now, ZoneId zone) {
    Shown shown = new Shown(c);
    LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate end = monday.plusWeeks(WEEKS);
    Optional<Plan> plan = c.rotations().current();
    List<Assignment> ahead = plan.map(p -> p.assignments().stream()
        .filter(a -> !a.slot().date().isBefore(monday) && a.slot().date().isBefore(end)).sorted(
            (a, b) -> a.slot().compareTo(b.slot())).toList()).orElse(List.of());
    TreeMap<LocalDate, List<Duty>> byWeek = new TreeMap<>();
    for (int w = 0; w < WEEKS; w++) {
      byWeek.put(monday.plusWeeks(w), new ArrayList<>());
    }
    for (Assignment a : ahead) {
      Slot s = a.slot();
      byWeek.floorEntry(s.date()).getValue().add(new Duty(s.date(), s.role().value(), s.seat(), shown.as(a.member()),
          a.member() == null));
    }
    List<Week> weeks = byWeek.entrySet().stream().map(e -> new Week(e.getKey(), List.copyOf(e.getValue()))).toList();
    List<HandOver> pending = c.rotations().pendingHandOvers().stream().map(h -> handOver(h, shown)).toList();
    List<FirstRole> newcomers = new ArrayList<>();
    int hidden = 0;
    LocalDate today = now.atZone(zone).toLocalDate();
    for (Member m : c.members()) {
      if (!c.isNewcomer(m.id(), now)) {
        continue;
      }
      Optional<Slot> first = plan.flatMap(p -> firstFrom(p, m.id(), today));
      if (first.isEmpty()) {
        continue;
      }
      String who = shown.as(m.id());
      if (who == null) {
        hidden++;
      } else {
        newcomers.add(new FirstRole(who, first.get().role().value(), first.get().date()));
      }
    }
    newcomers.sort((a, b) -> a.date().equals(b.date()) ? a.role().compareTo(b.role()) : a.date().compareTo(b.date()));
    return new MapView(weeks, pending, List.copyOf(newcomers), hidden);
  }

  private static Optional<Slot> firstFrom(Plan p, MemberId member, LocalDate today) {
    return p.slotsOf(member).stream().filter(s -> !s.date().isBefore(today)).min(Slot::compareTo);
  }

  private static HandOver handOver(PendingHandOver h, Shown shown) {
    return new HandOver(h.slot().role().value(), h.slot().date(), shown.as(h.from()), shown.as(h.to()),
        h.inReturn() == null ? null : h.inReturn().date(), h.note());
  }
}
