package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.internal.Names;
import coop.lattice.merkle.Hash;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A lottery nobody can steer and anyone can check ({@value #PROCEDURE}). Each candidate who takes
 * part commits to the SHA-256 of a secret 32-byte nonce before the commit deadline and reveals the
 * nonce after it; each commitment and each reveal is a ledger entry of its own member's (see
 * {@code Collective.lotteries()}), so who took part, and when, is fixed by the ledger, not by
 * whoever writes the {@link Transcript}.
 *
 * <p>The seed is SHA-256 over the announcement's terms, the revealed nonces in the order their
 * commitments were recorded, and the anchor: the ledger's root at the announced height, which nobody knew when the lottery was
 * announced and which is fixed before any reveal is accepted. Nothing else goes in (no times, no
 * order of reveals, and no member ids: the ledger names members by handles, so that a partner's
 * copy re-derives the same draw from what it holds; the anchor root already commits to the
 * announcement entry and its candidates), so a member who sees every other reveal has exactly one choice left: reveal,
 * or not. A member who committed and did not reveal is listed as {@linkplain Transcript#withheld()
 * withheld} and the draw goes ahead with the nonces that were revealed (the documented fallback),
 * which is the draw as if they had never committed; so withholding can at most choose between two
 * outcomes, visibly. With no nonce revealed at all the seed comes from the anchor alone, which the
 * transcript says ({@link Transcript#anchorOnly()}); a collective draws such a lottery only where
 * its agreements allow it ({@code lottery-anchor-only}).
 *
 * <p>An unconstrained draw of k of n candidates gives each exactly probability k/n (F4), drawn
 * by a Fisher-Yates shuffle fed by SHA-256 in counter mode with rejection sampling (no modulo
 * bias). Ledgers that recorded the first procedure keep verifying with {@link LotteryV1}.
 */
public final class Lottery {
  /** The procedure every new announcement names; a change to the algorithm is a new version. */
  public static final String PROCEDURE = "lattice-lottery-v2";
  /** The length of a nonce, in bytes. */
  public static final int NONCE_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  private Lottery() {}

  /**
   * Fixed before any randomness exists: what is drawn, from whom, by which procedure, and where
   * the randomness will come from.
   *
   * @param purpose what the draw is for ("circle keeper, spring")
   * @param candidates who can be drawn, each named once; kept in the order announced (the shuffle's
   *     starting order, fixed before any randomness exists)
   * @param seats how many are drawn
   * @param anchorHeight the ledger size whose root joins the seed; must be beyond the ledger's size
   *     when announced, and reveals open only once the ledger has reached it
   * @param commitBy commitments must be recorded before this
   * @param revealBy reveals must be recorded from {@code commitBy} and before this
   * @param procedure the algorithm version, {@link #PROCEDURE}
   */
  public record Announcement(String purpose, List<MemberId> candidates, int seats, long anchorHeight, Instant commitBy,
      Instant revealBy, String procedure) {
    public Announcement {
      Names.text("a lottery's purpose", purpose, 200);
      Set<MemberId> seen = new HashSet<>();
      Set<MemberId> twice = new TreeSet<>();
      for (MemberId m : candidates) {
        if (!seen.add(m)) {
          twice.add(m);
        }
      }
      if (!twice.isEmpty()) {
        throw new InvalidRotationException(String.join(" and ", twice.stream().map(MemberId::value).toList())
            + (twice.size() == 1 ? " is" : " are") + " named more than once among the lottery's candidates: name each"
            + " candidate once.");
      }
      candidates = List.copyOf(candidates);
      if (candidates.isEmpty()) {
        throw new InvalidRotationException("A lottery needs at least one candidate.");
      }
      if (seats < 1 || seats > candidates.size()) {
        throw new InvalidRotationException("A lottery draws 1 to " + candidates.size() + " of its candidates, not "
            + seats + ".");
      }
      if (!revealBy.isAfter(commitBy)) {
        throw new InvalidRotationException("Reveals must close after commitments do.");
      }
      if (anchorHeight < 1) {
        throw new InvalidRotationException("The anchor height is a ledger size, at least 1.");
      }
      if (!PROCEDURE.equals(procedure) && !LotteryV1.PROCEDURE.equals(procedure)) {
        throw new InvalidRotationException("Unknown lottery procedure \"" + procedure + "\": this version draws "
            + PROCEDURE + " (and verifies " + LotteryV1.PROCEDURE + ").");
      }
    }

    /** An announcement of the current procedure, {@link #PROCEDURE}. */
    public static Announcement of(String purpose, List<MemberId> candidates, int seats, long anchorHeight,
        Instant commitBy, Instant revealBy) {
      return new Announcement(purpose, candidates, seats, anchorHeight, commitBy, revealBy, PROCEDURE);
    }
  }

  /**
   * A member's commitment as the ledger holds it.
   *
   * @param entry the ledger entry that recorded it
   * @param at when it was recorded (the entry's time)
   * @param member who committed (the entry's author)
   * @param hash the SHA-256 of their nonce, 64 lowercase hex characters
   */
  public record Commitment(long entry, Instant at, MemberId member, String hash) {
    public Commitment {
      requireCommitment(hash);
      requireEntry(entry);
    }
  }

  /**
   * A member's reveal as the ledger holds it.
   *
   * @param entry the ledger entry that recorded it
   * @param at when it was recorded (the entry's time); it does not go into the seed
   * @param member who revealed (the entry's author)
   * @param nonce their nonce, 32 bytes as 64 lowercase hex characters
   */
  public record Reveal(long entry, Instant at, MemberId member, String nonce) {
    public Reveal {
      requireNonce(nonce);
      requireEntry(entry);
    }
  }

  /**
   * Everything needed to re-derive a draw; commitments and reveals in order of members.
   *
   * @param announcement what was fixed in advance
   * @param commitments every commitment the ledger holds for the lottery
   * @param reveals every reveal the ledger holds for it
   * @param anchorRoot the ledger root at the announced height
   * @param withheld members who committed and did not reveal: the draw went ahead without them
   * @param anchorOnly true when no nonce was revealed, so the seed came from the anchor alone
   * @param seed the seed derived from the announcement, the revealed nonces and the anchor root
   * @param drawn who was drawn, in draw order
   */
  public record Transcript(Announcement announcement, List<Commitment> commitments, List<Reveal> reveals,
      Hash anchorRoot, List<MemberId> withheld, boolean anchorOnly, Hash seed, List<MemberId> drawn) {
    public Transcript {
      commitments = List.copyOf(commitments);
      reveals = List.copyOf(reveals);
      withheld = List.copyOf(withheld);
      drawn = List.copyOf(drawn);
    }
  }

  /** A fresh secret nonce and its commitment, for a member taking part: {nonce, commitment}, both hex. */
  public static String[] nonceAndCommitment(SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String hex = HEX.formatHex(nonce);
    return new String[] {hex, commitmentOf(hex)};
  }

  /** The commitment to a nonce (32 bytes, lowercase hex): the SHA-256 of its bytes, in lowercase hex. */
  public static String commitmentOf(String nonceHex) {
    requireNonce(nonceHex);
    return HEX.formatHex(LotteryRandomness.sha256().digest(HEX.parseHex(nonceHex)));
  }

  /** {@code nonce} if it is 32 bytes written as 64 lowercase hex characters; otherwise says what is wrong. */
  public static String requireNonce(String nonce) {
    if (!isLowerHex(nonce, 2 * NONCE_BYTES)) {
      throw new InvalidRotationException("A lottery nonce is exactly " + NONCE_BYTES + " random bytes, written as "
          + 2 * NONCE_BYTES + " lowercase hex characters; this one " + fault(nonce)
          + ". Lottery.nonceAndCommitment makes a nonce and its commitment.");
    }
    return nonce;
  }

  /** {@code commitment} if it is a SHA-256 written as 64 lowercase hex characters; otherwise says what is wrong. */
  public static String requireCommitment(String commitment) {
    if (!isLowerHex(commitment, 64)) {
      throw new InvalidRotationException("A lottery commitment is the SHA-256 of the nonce, written as 64 lowercase"
          + " hex characters; this one " + fault(commitment) + ". Lottery.commitmentOf(nonce) computes it.");
    }
    return commitment;
  }

  private static boolean isLowerHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  /** What is wrong with a hex text, without repeating it (a mistyped nonce is still close to a secret). */
  private static String fault(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return "has " + (c >= 'A' && c <= 'F' ? "an uppercase letter" : "a character other than 0-9 and a-f")
            + " at position " + i + (s.length() == 64 ? "" : ", and " + s.length() + " characters instead of 64");
      }
    }
    int bytes = s.length() / 2;
    String inBytes = s.length() % 2 == 0 ? " (" + bytes + (bytes == 1 ? " byte)" : " bytes)") : "";
    return "has " + s.length() + " characters" + inBytes + " instead of 64";
  }

  private static void requireEntry(long entry) {
    if (entry < 0) {
      throw new InvalidRotationException("A ledger entry number is 0 or more, not " + entry + ".");
    }
  }

  /**
   * Draws from a lottery's commitments and reveals, as its ledger entries give them. Rejects a
   * commitment from a non-candidate or at or after the commit deadline, two from one member, a
   * reveal outside {@code [commitBy, revealBy)}, before the ledger reached the anchor height, without
   * a commitment or not matching it, two from one member, and two of them in one entry. The
   * lists may come in any order; the transcript has them, and the withheld members, in the order
   * the commitments were recorded.
   */
  public static Transcript draw(Announcement a, List<Commitment> commitments, List<Reveal> reveals, Hash anchorRoot) {
    if (!PROCEDURE.equals(a.procedure())) {
      throw new InvalidRotationException("This announcement names " + a.procedure() + ", which this version only"
          + " verifies (LotteryV1); new lotteries are " + PROCEDURE + ".");
    }
    Set<Long> entries = new HashSet<>();
    Map<MemberId, Commitment> committed = new LinkedHashMap<>();
    commitments = commitments.stream().sorted(Comparator.comparingLong(Commitment::entry)).toList();
    Set<MemberId> candidates = new HashSet<>(a.candidates());
    for (Commitment c : commitments) {
      if (!candidates.contains(c.member())) {
        throw new InvalidRotationException(c.member() + " is not a candidate in this lottery, so cannot commit.");
      }
      if (!c.at().isBefore(a.commitBy())) {
        throw new InvalidRotationException(c.member() + "'s commitment (entry " + c.entry() + ") came at " + c.at()
            + ", after commitments closed at " + a.commitBy() + ".");
      }
      Commitment before = committed.put(c.member(), c);
      if (before != null) {
        throw new InvalidRotationException(c.member() + " committed twice (entries " + before.entry() + " and "
            + c.entry() + ").");
      }
      oneEach(entries, c.entry());
    }
    Map<MemberId, Reveal> revealed = new HashMap<>();
    MessageDigest md = LotteryRandomness.sha256();
    for (Reveal r : reveals) {
      Commitment c = committed.get(r.member());
      if (c == null) {
        throw new InvalidRotationException(r.member() + " revealed (entry " + r.entry() + ") without having"
            + " committed.");
      }
      if (r.at().isBefore(a.commitBy()) || !r.at().isBefore(a.revealBy())) {
        throw new InvalidRotationException(r.member() + "'s reveal (entry " + r.entry() + ") came at " + r.at()
            + ", outside the reveal window from " + a.commitBy() + " to " + a.revealBy() + ".");
      }
      if (r.entry() < a.anchorHeight()) {
        throw new InvalidRotationException(r.member() + "'s reveal is entry " + r.entry() + ", before the ledger"
            + " reached the anchor height " + a.anchorHeight() + ".");
      }
      if (!MessageDigest.isEqual(HEX.parseHex(c.hash()), md.digest(HEX.parseHex(r.nonce())))) {
        throw new InvalidRotationException(r.member() + "'s reveal (entry " + r.entry() + ") does not match their"
            + " commitment (entry " + c.entry() + ").");
      }
      Reveal before = revealed.put(r.member(), r);
      if (before != null) {
        throw new InvalidRotationException(r.member() + " revealed twice (entries " + before.entry() + " and "
            + r.entry() + ").");
      }
      oneEach(entries, r.entry());
    }
    List<MemberId> withheld = committed.keySet().stream().filter(m -> !revealed.containsKey(m)).toList();
    List<Reveal> inOrder = committed.keySet().stream().filter(revealed::containsKey).map(revealed::get).toList();
    Hash seed = LotteryRandomness.seed(a, inOrder, anchorRoot);
    return new Transcript(a, new ArrayList<>(committed.values()), inOrder, anchorRoot, withheld, revealed.isEmpty(),
        seed, LotteryRandomness.shuffle(a.candidates(), a.seats(), seed));
  }

  private static void oneEach(Set<Long> entries, long entry) {
    if (!entries.add(entry)) {
      throw new InvalidRotationException("Entry " + entry + " is given for two commitments or reveals; each is an"
          + " entry of its own.");
    }
  }

  /**
   * Re-derives the transcript from its own commitments, reveals and anchor root and lists every
   * way it fails to hold; empty means it is consistent. That the commitments and reveals are all
   * the ledger holds, and the anchor root the ledger's, is what {@code Lotteries.verify} checks
   * against the entries.
   */
  public static List<String> verify(Transcript t) {
    Transcript again;
    try {
      again = draw(t.announcement(), t.commitments(), t.reveals(), t.anchorRoot());
    } catch (InvalidRotationException e) {
      return List.of(e.getMessage());
    }
    return differences(again, t);
  }

  /**
   * Every way {@code given} differs from {@code derived}, the transcript its inputs give: a
   * commitment or reveal left out or added, a wrong anchor root, withheld list, seed or draw. Empty
   * when they are equal.
   */
  public static List<String> differences(Transcript derived, Transcript given) {
    return LotteryDifferences.of(derived, given);
  }

  /** Each candidate's exact probability of being drawn, as {numerator, denominator}: k/n for everyone (F4). */
  public static Map<MemberId, BigInteger[]> probabilities(Announcement a) {
    Map<MemberId, BigInteger[]> out = new LinkedHashMap<>();
    BigInteger k = BigInteger.valueOf(a.seats());
    BigInteger n = BigInteger.valueOf(a.candidates().size());
    BigInteger g = k.gcd(n);
    for (MemberId m : a.candidates()) {
      out.put(m, new BigInteger[] {k.divide(g), n.divide(g)});
    }
    return out;
  }

  /** The first {@code k} of the seeded shuffle of {@code candidates}: how every draw spends its seed. */
  static List<MemberId> shuffle(List<MemberId> candidates, int k, Hash seed) {
    return LotteryRandomness.shuffle(candidates, k, seed);
  }
}
