package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The first lottery procedure, {@code lattice-lottery-v1}, kept only so that ledgers which
 * recorded one still open, replay and verify: {@link #verify} re-derives such a transcript exactly
 * as it was drawn. A collective no longer accepts a new v1 lottery; use {@link Lottery}.
 *
 * <p>Why it was replaced (issue 20): its transcript was written by whoever recorded the draw, and
 * its seed took the commitment and reveal times, so the last revealer (or the writer) could move
 * a reveal's time within the window and pick among the outcomes, and could leave a member out
 * without it showing. Its record and component names are ledger format and stay as they were.
 */
public final class LotteryV1 {
  /** The procedure a v1 announcement names. */
  public static final String PROCEDURE = "lattice-lottery-v1";
  private static final HexFormat HEX = HexFormat.of();

  private LotteryV1() {}

  /** A member's commitment as the transcript's writer stated it. */
  public record Commitment(MemberId member, String hash, Instant at) {}

  /** A member's reveal as the transcript's writer stated it. */
  public record Reveal(MemberId member, String nonce, Instant at) {}

  /** A v1 draw: what {@code LotteryDrawn} entries hold. */
  public record Transcript(Lottery.Announcement announcement, List<Commitment> commitments, List<Reveal> reveals,
      Hash anchorRoot, List<MemberId> withheld, Hash seed, List<MemberId> drawn) {
    public Transcript {
      commitments = List.copyOf(commitments);
      reveals = List.copyOf(reveals);
      withheld = List.copyOf(withheld);
      drawn = List.copyOf(drawn);
    }
  }

  /** Draws as v1 did; for re-deriving old transcripts and for tests of the format. */
  public static Transcript draw(Lottery.Announcement a, List<Commitment> commitments, List<Reveal> reveals,
      Hash anchorRoot) {
    if (!PROCEDURE.equals(a.procedure())) {
      throw new InvalidRotationException("This announcement names " + a.procedure() + ", not " + PROCEDURE
          + "; draw it with Lottery.draw.");
    }
    Map<MemberId, Commitment> committed = new TreeMap<>();
    Set<MemberId> candidates = new HashSet<>(a.candidates());
    for (Commitment c : commitments) {
      if (!candidates.contains(c.member())) {
        throw new InvalidRotationException(c.member() + " is not a candidate in this lottery, so cannot commit");
      }
      if (!c.at().isBefore(a.commitBy())) {
        throw new InvalidRotationException(c.member() + "'s commitment came at " + c.at()
            + ", after commitments closed at " + a.commitBy());
      }
      if (committed.put(c.member(), c) != null) {
        throw new InvalidRotationException(c.member() + " committed twice");
      }
    }
    Map<MemberId, Reveal> revealed = new TreeMap<>();
    MessageDigest md = LotteryRandomness.sha256();
    for (Reveal r : reveals) {
      Commitment c = committed.get(r.member());
      if (c == null) {
        throw new InvalidRotationException(r.member() + " revealed without having committed");
      }
      if (!r.at().isBefore(a.revealBy())) {
        throw new InvalidRotationException(r.member() + "'s reveal came after reveals closed at " + a.revealBy());
      }
      if (!matches(md, r.nonce(), c.hash())) {
        throw new InvalidRotationException(r.member() + "'s reveal does not match their commitment");
      }
      if (revealed.put(r.member(), r) != null) {
        throw new InvalidRotationException(r.member() + " revealed twice");
      }
    }
    List<MemberId> withheld = committed.keySet().stream().filter(m -> !revealed.containsKey(m)).toList();
    List<Commitment> cs = new ArrayList<>(committed.values());
    List<Reveal> rs = new ArrayList<>(revealed.values());
    Hash seed = LotteryRandomness.seedV1(a, cs, rs, anchorRoot);
    return new Transcript(a, cs, rs, anchorRoot, withheld, seed,
        LotteryRandomness.shuffle(a.candidates(), a.seats(), seed));
  }

  /** Re-derives a v1 transcript and lists every way it fails to hold; empty means it verifies as v1 did. */
  public static List<String> verify(Transcript t) {
    List<String> problems = new ArrayList<>();
    Transcript again;
    try {
      again = draw(t.announcement(), t.commitments(), t.reveals(), t.anchorRoot());
    } catch (InvalidRotationException e) {
      problems.add(e.getMessage());
      return problems;
    }
    if (!again.commitments().equals(t.commitments()) || !again.reveals().equals(t.reveals())) {
      problems.add("commitments or reveals are not in canonical order");
    }
    if (!again.withheld().equals(t.withheld())) {
      problems.add("the withheld reveals should be " + again.withheld() + ", not " + t.withheld());
    }
    if (!again.seed().equals(t.seed())) {
      problems.add("the seed does not follow from the announcement, commitments, reveals and anchor root");
    }
    if (!again.drawn().equals(t.drawn())) {
      problems.add("the draw should be " + again.drawn() + ", not " + t.drawn());
    }
    return problems;
  }

  private static boolean matches(MessageDigest md, String nonceHex, String commitment) {
    try {
      return MessageDigest.isEqual(HEX.parseHex(commitment), md.digest(HEX.parseHex(nonceHex)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
