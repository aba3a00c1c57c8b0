package coop.lattice.circle;

import coop.lattice.InvalidCircleException;
import coop.lattice.MemberId;
import coop.lattice.internal.Names;
import java.util.List;

/**
 * A tension raised before it becomes a crisis: the situation, who is affected (they are
 * invited), and how visible it is.
 *
 * @param situation what is happening, in the raiser's words
 * @param affected who is affected; they are invited to the circle
 * @param visibility who may see it
 * @param summary a short public summary, shown only when the visibility allows it
 */
public record Tension(String situation, List<MemberId> affected, Visibility visibility, String summary) {
  public enum Visibility {
    /** Only the circle sees it. */
    CIRCLE_ONLY,
    /** The circle sees it; the collective sees the summary. */
    PUBLIC_SUMMARY
  }

  public Tension {
    Names.text("a tension's situation", situation, 4000);
    Names.text("a tension's summary", summary, 400);
    affected = List.copyOf(affected);
    if (situation.isBlank()) {
      throw new InvalidCircleException("a tension needs a description of the situation");
    }
  }
}
