package coop.lattice.wall.internal;

import coop.lattice.MemberId;
import coop.lattice.collective.Collective;
import coop.lattice.rotation.Lottery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The latest lotteries with their transcripts, and how anyone can re-check a draw from a copy of
 * the ledger. Who was drawn is shown as each chose; a member who appears only in aggregates is
 * "a member".
 *
 * @param lotteries the latest, newest first
 * @param ledger the address of the ledger's pages, where a copy is read from
 * @param checkpoint the address of the latest signed checkpoint
 */
public record LotteriesView(List<Draw> lotteries, String ledger, String checkpoint) {
  /** How many lotteries the page shows. */
  public static final int LATEST = 5;

  /**
   * A lottery: its announcement and, once drawn, its transcript ({@code drawn} null before).
   *
   * @param entry the ledger entry that announced it
   */
  public record Draw(long entry, String purpose, int seats, int candidates, long anchorHeight, Instant commitBy,
      Instant revealBy, String procedure, @Nullable Transcript drawn) {}

  /**
   * A recorded draw: how many committed, revealed and withheld, the anchor root and seed (hex), and
   * who was drawn in draw order (null for a member not shown individually).
   */
  public record Transcript(int commitments, int reveals, int withheld, boolean anchorOnly, String anchorRoot,
      String seed, List<@Nullable String> drawn) {}

  static LotteriesView of(Collective c, String actor) {
    Shown shown = new Shown(c);
    List<Draw> out = new ArrayList<>();
    for (long entry : c.lotteries().announced()) {
      if (out.size() == LATEST) {
        break;
      }
      Optional<Lottery.Announcement> a = c.lotteries().announcement(entry);
      if (a.isEmpty()) {
        continue;
      }
      Lottery.Announcement an = a.get();
      Transcript t = c.lotteries().drawn(entry).map(d -> transcript(d, shown)).orElse(null);
      out.add(new Draw(entry, an.purpose(), an.seats(), an.candidates().size(), an.anchorHeight(), an.commitBy(),
          an.revealBy(), an.procedure(), t));
    }
    return new LotteriesView(List.copyOf(out), actor + "/ledger", actor + "/checkpoint");
  }

  private static Transcript transcript(Lottery.Transcript d, Shown shown) {
    List<@Nullable String> drawn = new ArrayList<>();
    for (MemberId m : d.drawn()) {
      drawn.add(shown.as(m));
    }
    return new Transcript(d.commitments().size(), d.reveals().size(), d.withheld().size(), d.anchorOnly(),
        d.anchorRoot().hex(), d.seed().hex(), drawn);
  }
}
