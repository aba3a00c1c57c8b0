package coop.lattice.rotation;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Where a lottery's randomness comes from and how it is spent: the seed of each procedure, and
 * the shuffle both share. Every input is length-prefixed after a domain tag, so no two transcripts
 * share a seed by accident.
 */
final class LotteryRandomness {
  private LotteryRandomness() {}

  /**
   * The {@code lattice-lottery-v2} seed: the announcement's terms, then the revealed nonces in the
   * order their commitments were recorded (fixed before any reveal), then the anchor root. Nothing
   * else: not when anyone committed or revealed, not the order of the reveals, and no member ids,
   * which the open ledger holds as handles, so that a partner's copy re-derives the same seed; the
   * anchor root commits to the announcement entry, candidates included. A revealer's only choice
   * is whether their nonce is in it.
   */
  static Hash seed(Lottery.Announcement a, Collection<Lottery.Reveal> reveals, Hash anchorRoot) {
    MessageDigest md = sha256();
    field(md, Lottery.PROCEDURE + "/seed");
    terms(md, a);
    field(md, "reveals/" + reveals.size());
    for (Lottery.Reveal r : reveals) {
      field(md, r.nonce());
    }
    field(md, anchorRoot.hex());
    return Hash.of(md.digest());
  }

  /** The {@code lattice-lottery-v1} seed, as it was: it took commitment and reveal times too. */
  static Hash seedV1(Lottery.Announcement a, List<LotteryV1.Commitment> cs, List<LotteryV1.Reveal> rs,
      Hash anchorRoot) {
    MessageDigest md = sha256();
    field(md, LotteryV1.PROCEDURE + "/seed");
    announcement(md, a);
    for (LotteryV1.Commitment c : cs) {
      field(md, c.member() + "/" + c.hash() + "/" + time(c.at()));
    }
    for (LotteryV1.Reveal r : rs) {
      field(md, r.member() + "/" + r.nonce() + "/" + time(r.at()));
    }
    field(md, anchorRoot.hex());
    return Hash.of(md.digest());
  }

  /** The announcement without its candidates' ids: purpose, how many candidates, seats, height, deadlines, procedure. */
  private static void terms(MessageDigest md, Lottery.Announcement a) {
    field(md, a.purpose());
    field(md, "candidates/" + a.candidates().size());
    field(md, a.seats() + "/" + a.anchorHeight() + "/" + time(a.commitBy()) + "/" + time(a.revealBy()) + "/"
        + a.procedure());
  }

  private static void announcement(MessageDigest md, Lottery.Announcement a) {
    field(md, a.purpose());
    for (MemberId m : a.candidates()) {
      field(md, m.value());
    }
    field(md, a.seats() + "/" + a.anchorHeight() + "/" + time(a.commitBy()) + "/" + time(a.revealBy()) + "/"
        + a.procedure());
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

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
