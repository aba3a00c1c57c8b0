package coop.lattice.rotation;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.internal.Names;
import coop.lattice.merkle.Hash;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A lottery anyone can check: members commit to hashes of secret nonces before a deadline and
 * reveal them afterwards; the seed combines the revealed nonces with a value nobody knew when
 * the lottery was announced (the collective's ledger root at an announced future height). The
 * whole {@link Transcript} is a ledger entry, and {@link #verify} re-derives it.
 *
 * <p>Unlike a draw seeded from a timestamp or a die, nobody can bias this one in advance: the
 * candidates and procedure are fixed before any randomness exists (RFC 3797 discipline), no
 * single nonce decides the seed, and the anchor root did not exist at announcement. A member who
 * withholds their reveal is listed in the transcript; the draw goes ahead with the nonces that
 * were revealed (the documented fallback), so withholding can at most choose between two
 * outcomes, visibly.
 *
 * <p>An unconstrained draw of k of n candidates gives each exactly probability k/n (F4), drawn
 * by a Fisher-Yates shuffle fed by SHA-256 in counter mode with rejection sampling (no modulo
 * bias).
 */
public final class Lottery {
  /** The procedure every transcript names; a change to the algorithm is a new version. */
  public static final String PROCEDURE = "lattice-lottery-v1";
  private static final HexFormat HEX = HexFormat.of();

  private Lottery() {}

  /**
   * Fixed before any randomness exists: what is drawn, from whom, by which procedure, and where
   * the randomness will come from.
   *
   * @param purpose what the draw is for ("circle keeper, spring")
   * @param candidates who can be drawn, sorted and distinct
   * @param seats how many are drawn
   * @param anchorHeight the ledger size whose root joins the seed; must be beyond the ledger's size
   *     when announced
   * @param commitBy commitments must arrive before this
   * @param revealBy reveals must arrive before this
   * @param procedure the algorithm version, {@link #PROCEDURE}
   */
  public record Announcement(String purpose, List<MemberId> candidates, int seats, long anchorHeight, Instant commitBy,
      Instant revealBy, String procedure) {
    public Announcement {
      Names.text("a lottery's purpose", purpose, 200);
      candidates = List.copyOf(new TreeSet<>(candidates));
      if (candidates.isEmpty()) {
        throw new InvalidRotationException("a lottery needs at least one candidate");
      }
      if (seats < 1 || seats > candidates.size()) {
        throw new InvalidRotationException("a lottery draws 1 to " + candidates.size() + " of its candidates, not " + seats);
      }
      if (!revealBy.isAfter(commitBy)) {
        throw new InvalidRotationException("reveals must close after commitments do");
      }
      if (anchorHeight < 1) {
        throw new InvalidRotationException("the anchor height is a ledger size, at least 1");
      }
    }

    public static Announcement of(String purpose, List<MemberId> candidates, int seats, long anchorHeight,
        Instant commitBy, Instant revealBy) {
      return new Announcement(purpose, candidates, seats, anchorHeight, commitBy, revealBy, PROCEDURE);
    }
  }

  /** A member's commitment: the SHA-256 of their secret nonce, in lowercase hex. */
  public record Commitment(MemberId member, String hash, Instant at) {}

  /** A member's reveal: the nonce itself (32 bytes, lowercase hex). */
  public record Reveal(MemberId member, String nonce, Instant at) {}

  /**
   * Everything needed to re-derive a draw.
   *
   * @param announcement what was fixed in advance
   * @param commitments every commitment, in order of members
   * @param reveals every reveal, in order of members
   * @param anchorRoot the ledger root at the announced height
   * @param withheld members who committed and did not reveal
   * @param seed the seed derived from all of the above
   * @param drawn who was drawn, in draw order
   */
  public record Transcript(Announcement announcement, List<Commitment> commitments, List<Reveal> reveals,
      Hash anchorRoot, List<MemberId> withheld, Hash seed, List<MemberId> drawn) {
    public Transcript {
      commitments = List.copyOf(commitments);
      reveals = List.copyOf(reveals);
      withheld = List.copyOf(withheld);
      drawn = List.copyOf(drawn);
    }
  }

  /** A fresh secret nonce and its commitment, for a member taking part. */
  public static String[] nonceAndCommitment(SecureRandom random) {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    return new String[] {HEX.formatHex(nonce), commitmentOf(HEX.formatHex(nonce))};
  }

  /** The commitment to a hex nonce: SHA-256 of its bytes, in hex. */
  public static String commitmentOf(String nonceHex) {
    return HEX.formatHex(sha256().digest(HEX.parseHex(nonceHex)));
  }

  /**
   * Draws. Rejects commitments after the deadline or from non-candidates, two commitments from
   * one member, reveals after their deadline, reveals without a commitment, and reveals that do
   * not match their commitment.
   */
  public static Transcript draw(Announcement a, List<Commitment> commitments, List<Reveal> reveals, Hash anchorRoot) {
    Map<MemberId, Commitment> committed = new TreeMap<>();
    Set<MemberId> candidates = new HashSet<>(a.candidates());
    for (Commitment c : commitments) {
      if (!candidates.contains(c.member())) {
        throw new InvalidRotationException(c.member() + " is not a candidate in this lottery, so cannot commit");
      }
      if (!c.at().isBefore(a.commitBy())) {
        throw new InvalidRotationException(c.member() + "'s commitment came at " + c.at() + ", after commitments closed at "
            + a.commitBy());
      }
      if (committed.put(c.member(), c) != null) {
        throw new InvalidRotationException(c.member() + " committed twice");
      }
    }
    Map<MemberId, Reveal> revealed = new TreeMap<>();
    MessageDigest md = sha256();
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
    Hash seed = seed(a, cs, rs, anchorRoot);
    return new Transcript(a, cs, rs, anchorRoot, withheld, seed, shuffle(a.candidates(), a.seats(), seed));
  }

  /**
   * Re-derives the transcript and lists every way it fails to hold; empty means it verifies. A
   * verifier with the ledger also checks that {@code anchorRoot} is the root at the announced
   * height (see {@code Collective.verifyLottery}).
   */
  public static List<String> verify(Transcript t) {
    List<String> problems = new ArrayList<>();
    Announcement a = t.announcement();
    if (!PROCEDURE.equals(a.procedure())) {
      problems.add("unknown procedure " + a.procedure());
      return problems;
    }
    Transcript again;
    try {
      again = draw(a, t.commitments(), t.reveals(), t.anchorRoot());
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

  private static boolean matches(MessageDigest md, String nonceHex, String commitment) {
    try {
      return MessageDigest.isEqual(HEX.parseHex(commitment), md.digest(HEX.parseHex(nonceHex)));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** SHA-256 over a domain tag and every input, each length-prefixed, so no two transcripts share a seed. */
  static Hash seed(Announcement a, List<Commitment> cs, List<Reveal> rs, Hash anchorRoot) {
    MessageDigest md = sha256();
    field(md, PROCEDURE + "/seed");
    field(md, a.purpose());
    for (MemberId m : a.candidates()) {
      field(md, m.value());
    }
    field(md, a.seats() + "/" + a.anchorHeight() + "/" + time(a.commitBy()) + "/" + time(a.revealBy()) + "/"
        + a.procedure());
    for (Commitment c : cs) {
      field(md, c.member() + "/" + c.hash() + "/" + time(c.at()));
    }
    for (Reveal r : rs) {
      field(md, r.member() + "/" + r.nonce() + "/" + time(r.at()));
    }
    field(md, anchorRoot.hex());
    return Hash.of(md.digest());
  }

  /** An instant as epoch seconds and nanoseconds: exact, and cheaper than ISO text. */
  private static String time(Instant t) {
    return t.getEpochSecond() + "." + t.getNano();
  }

  private static void field(MessageDigest md, String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    int n = b.length;
    md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    md.update(b);
  }

  /** The first {@code k} of a Fisher-Yates shuffle of {@code candidates} driven by {@code seed}. */
  static List<MemberId> shuffle(List<MemberId> candidates, int k, Hash seed) {
    List<MemberId> deck = new ArrayList<>(candidates);
    Stream stream = new Stream(seed);
    for (int i = 0; i < k; i++) {
      int j = i + stream.below(deck.size() - i);
      MemberId tmp = deck.get(i);
      deck.set(i, deck.get(j));
      deck.set(j, tmp);
    }
    return List.copyOf(deck.subList(0, k));
  }

  /** SHA-256 in counter mode: an unbiased source of integers below a bound, by rejection sampling. */
  private static final class Stream {
    private final byte[] seed;
    private long counter;
    private ByteBuffer block = ByteBuffer.allocate(0);

    Stream(Hash seed) {
      this.seed = seed.toByteArray();
    }

    int below(int bound) {
      long range = 1L << 32;
      long limit = range - range % bound; // reject the tail that would bias small values
      while (true) {
        long v = Integer.toUnsignedLong(nextInt());
        if (v < limit) {
          return (int) (v % bound);
        }
      }
    }

    private int nextInt() {
      if (block.remaining() < 4) {
        MessageDigest md = sha256();
        md.update(seed);
        md.update(ByteBuffer.allocate(8).putLong(counter++).array());
        block = ByteBuffer.wrap(md.digest());
      }
      return block.getInt();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
