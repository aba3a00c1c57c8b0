package coop.lattice.cycle;

import coop.lattice.InvalidRotationException;
import coop.lattice.internal.Names;
import java.util.List;

/**
 * What a campaign's debrief found: what to celebrate, what to mourn, what to refine. The
 * findings to refine go onto the agenda for agreement reviews.
 */
public record Debrief(List<String> celebrate, List<String> mourn, List<String> refine) {
  public Debrief {
    celebrate = List.copyOf(celebrate);
    mourn = List.copyOf(mourn);
    refine = List.copyOf(refine);
    for (List<String> l : List.of(celebrate, mourn, refine)) {
      l.forEach(s -> Names.text("a debrief finding", s, 1000));
    }
    if (celebrate.isEmpty() && mourn.isEmpty() && refine.isEmpty()) {
      throw new InvalidRotationException("a debrief records at least one thing to celebrate, mourn or refine");
    }
  }
}
