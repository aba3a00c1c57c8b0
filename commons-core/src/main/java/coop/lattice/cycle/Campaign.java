package coop.lattice.cycle;

import coop.lattice.InvalidRotationException;
import coop.lattice.internal.Names;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A campaign: an arc of phases of intensity, rest and reflection, each with its dates (both
 * included), in order and not overlapping. It closes only with a debrief.
 *
 * @param id stable identifier
 * @param name what people call it
 * @param phases the arc, in order
 */
public record Campaign(String id, String name, List<Phase> phases) {

  /** One phase of a campaign. */
  public record Phase(Kind kind, LocalDate from, LocalDate until) {
    public enum Kind {
      /** Pushing: each member's hours are capped (an agreement sets the cap). */
      INTENSITY,
      /** Resting: nobody is assigned unless they opt in. */
      REST,
      /** Looking back before the debrief. */
      REFLECTION
    }

    public Phase {
      if (until.isBefore(from)) {
        throw new InvalidRotationException("a phase that ends (" + until + ") before it starts (" + from + ")");
      }
    }

    public boolean covers(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(until);
    }

    public long weeks() {
      return (ChronoUnit.DAYS.between(from, until) + 7) / 7;
    }
  }

  public Campaign {
    Names.slug("campaign id", id);
    Names.text("a campaign's name", name, 120);
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new InvalidRotationException("a campaign needs at least one phase");
    }
    for (int i = 1; i < phases.size(); i++) {
      if (!phases.get(i).from().isAfter(phases.get(i - 1).until())) {
        throw new InvalidRotationException("the phases of a campaign come in order and do not overlap: phase " + (i + 1)
            + " starts " + phases.get(i).from() + ", before phase " + i + " ends");
      }
    }
  }

  /** The last day of the campaign: after it, the campaign can be debriefed. */
  public LocalDate ends() {
    return phases.get(phases.size() - 1).until();
  }
}
