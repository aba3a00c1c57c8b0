package coop.lattice.rotation;

import coop.lattice.MemberId;
import coop.lattice.internal.SeededDraws;
import coop.lattice.merkle.Hash;
import java.security.MessageDigest;
import java.time.Instant;
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
    SeededDraws.field(md, s);
  }

  /** The first {@code k} of a Fisher-Yates shuffle of {@code candidates} driven by {@code seed}. */
  static List<MemberId> shuffle(List<MemberId> candidates, int k, Hash seed) {
    return new SeededDraws(seed.toByteArray()).shuffle(candidates, k);
  }

  static MessageDigest sha256() {
    return SeededDraws.sha256();
  }
}
