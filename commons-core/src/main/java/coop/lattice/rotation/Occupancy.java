package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.cycle.Campaign;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds which roles on which day, to enforce seats and exclusivity (F5): for each role and
 * day of the horizon, a bit per participant (by their index on the roster).
 */
final class Occupancy {
  private final LocalDate from;
  private final int days;
  private final Map<MemberId, Integer> index = new HashMap<>();
  private final Map<RoleId, BitSet[]> holders = new HashMap<>();
  /** For each role: itself and every role it excludes or that excludes it. */
  private final Map<RoleId, List<RoleId>> conflicts = new HashMap<>();
  /** Per day of the horizon: 0 ordinary, 1 intense (hours capped), 2 rest (only those who opted in). */
  private final byte[] phase;
  private final BitSet restOptIn = new BitSet();
  /** Hours are kept exactly, as integers in units of 10^-scale hours (the finest scale of any weight and the cap). */
  private final int scale;
  private final long cap;
  private final Map<RoleId, Long> weight = new HashMap<>();
  /** Hours each participant holds per week of the horizon (weeks counted from the horizon's Monday). */
  private final Map<Integer, long[]> weekHours = new HashMap<>();
  private final LocalDate firstMonday;

  Occupancy(PlanRequest request, Map<RoleId, Role> roles) {
    this.from = request.from();
    this.days = (int) ChronoUnit.DAYS.between(request.from(), request.until());
    for (Participant p : request.roster()) {
      index.put(p.member(), index.size());
    }
    for (Role r : roles.values()) {
      holders.put(r.id(), new BitSet[days]);
      Set<RoleId> c = new HashSet<>(r.exclusiveWith());
      c.add(r.id());
      for (Role o : roles.values()) {
        if (o.exclusiveWith().contains(r.id())) {
          c.add(o.id());
        }
      }
      conflicts.put(r.id(), List.copyOf(c));
    }
    this.phase = new byte[days];
    for (Campaign.Phase p : request.phases()) {
      for (int d = Math.max(0, day(p.from())); d < days && d <= day(p.until()); d++) {
        phase[d] = switch (p.kind()) {
          case INTENSITY -> (byte) 1;
          case REST -> (byte) 2;
          case REFLECTION -> (byte) 0;
        };
      }
    }
    for (MemberId m : request.restOptIn()) {
      Integer i = index.get(m);
      if (i != null) {
        restOptIn.set(i);
      }
    }
    int finest = Math.max(0, request.intenseCapHours().stripTrailingZeros().scale());
    for (Role r : roles.values()) {
      finest = Math.max(finest, r.weight().stripTrailingZeros().scale());
    }
    if (finest > 12) {
      throw new InvalidRotationException("weights and the weekly cap are kept exactly, to at most 12 decimal places;"
          + " one has " + finest);
    }
    this.scale = finest;
    this.cap = scaled(request.intenseCapHours());
    for (Role r : roles.values()) {
      weight.put(r.id(), scaled(r.weight()));
    }
    this.firstMonday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  int day(LocalDate d) {
    return (int) ChronoUnit.DAYS.between(from, d);
  }

  void hold(LocalDate day, MemberId m, RoleId r) {
    bits(r, day(day)).set(index.get(m));
    hours(day)[index.get(m)] += weight.get(r);
  }

  void release(LocalDate day, MemberId m, RoleId r) {
    bits(r, day(day)).clear(index.get(m));
    hours(day)[index.get(m)] -= weight.get(r);
  }

  private long[] hours(LocalDate day) {
    int week = (int) ChronoUnit.WEEKS.between(firstMonday, day);
    return weekHours.computeIfAbsent(week, w -> new long[index.size()]);
  }

  /** {@code hours} in units of 10^-scale, exactly (a cap of a million hours a week is more than a week has). */
  private long scaled(BigDecimal hours) {
    BigDecimal capped = hours.min(BigDecimal.valueOf(1_000_000));
    return capped.movePointRight(scale).longValueExact();
  }

  /** True when m may take role r on day: not another seat of r, nothing exclusive with r. */
  boolean free(LocalDate day, MemberId m, Role r) {
    return free(day(day), index.get(m), r);
  }

  boolean free(int day, int participant, Role r) {
    if (phase[day] == 2 && !restOptIn.get(participant)) {
      return false; // rest: nobody is assigned unless they opted in
    }
    if (phase[day] == 1 && hours(from.plusDays(day))[participant] + weight.get(r.id()) > cap) {
      return false; // intensity: the weekly cap holds
    }
    for (RoleId c : conflicts.get(r.id())) {
      BitSet b = holders.get(c)[day];
      if (b != null && b.get(participant)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Everyone who may not take role r on day, as participant bits: the complement of {@link
   * #free(int, int, Role)} for the whole roster at once.
   */
  BitSet blocked(int day, Role r) {
    BitSet out = new BitSet(index.size());
    for (RoleId c : conflicts.get(r.id())) {
      BitSet b = holders.get(c)[day];
      if (b != null) {
        out.or(b);
      }
    }
    if (phase[day] == 2) {
      BitSet resting = new BitSet(index.size());
      resting.set(0, index.size());
      resting.andNot(restOptIn);
      out.or(resting);
    } else if (phase[day] == 1) {
      long[] h = hours(from.plusDays(day));
      long w = weight.get(r.id());
      for (int p = 0; p < h.length; p++) {
        if (h[p] + w > cap) {
          out.set(p);
        }
      }
    }
    return out;
  }

  private BitSet bits(RoleId r, int day) {
    BitSet[] perDay = holders.get(r);
    if (perDay[day] == null) {
      perDay[day] = new BitSet();
    }
    return perDay[day];
  }

  int days() {
    return days;
  }
}
