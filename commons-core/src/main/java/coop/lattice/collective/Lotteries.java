package coop.lattice.collective;

import coop.lattice.InvalidRotationException;
import coop.lattice.LatticeException;
import coop.lattice.MemberId;
import coop.lattice.UnknownReferenceException;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.ledger.Ledger;
import coop.lattice.ledger.SignedCheckpoint;
import coop.lattice.merkle.Hash;
import coop.lattice.merkle.MerkleTree;
import coop.lattice.rotation.Lottery;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A collective's lotteries, as ledger entries from announcement to draw. Obtained from {@link
 * Collective#lotteries()}.
 *
 * <p>Each step is a command of its own member: the announcement fixes candidates, seats, deadlines
 * and the anchor height; each candidate who takes part {@linkplain #commit commits} before the
 * commit deadline and {@linkplain #reveal reveals} from then until the reveal deadline, once the
 * ledger has reached the anchor height; after the reveal deadline any member {@linkplain #draw
 * draws}, which records the one transcript those entries give. A commitment or reveal out of its
 * window, in the wrong form or from the wrong member is refused and changes nothing. Who took part
 * and when is fixed by the ledger, so nobody who writes or records the transcript can drop a
 * member, move a time or pick a nonce: the seed takes only the revealed nonces and the anchor root.
 *
 * <p>A member checks their own commitment with a {@link #receipt}; anyone holding a copy of the
 * ledger re-derives the draw with {@link #derive(List, long)} and checks a transcript with {@link
 * #verify(List, long, Lottery.Transcript)}.
 *
 * <pre>{@code
 * long lottery = coop.lotteries().announce(ana, Lottery.Announcement.of("circle keeper", candidates, 1,
 *     coop.ledger().size() + 2, commitBy, revealBy));
 * String[] mine = Lottery.nonceAndCommitment(new SecureRandom());   // bo keeps mine[0] secret
 * coop.lotteries().commit(bo, lottery, mine[1]);                  // before commitBy
 * coop.lotteries().reveal(bo, lottery, mine[0]);                  // from commitBy until revealBy
 * Lottery.Transcript drawn = coop.lotteries().draw(ana, lottery); // after revealBy
 * }</pre>
 */
public final class Lotteries {
  private final Collective collective;

  Lotteries(Collective collective) {
    this.collective = collective;
  }

  /**
   * {@code by} announces a lottery of {@link Lottery#PROCEDURE}; its anchor height must lie beyond
   * the ledger's current size and its commit deadline in the future.
   *
   * @return the lottery's reference: the index of its entry
   */
  public long announce(MemberId by, Lottery.Announcement announcement) {
    return collective.submit(by, new Event.LotteryAnnounced(announcement)).sequence();
  }

  /**
   * {@code member}, a candidate, commits to the SHA-256 of their secret nonce (64 lowercase hex)
   * before the commit deadline.
   */
  public Entry commit(MemberId member, long lottery, String commitment) {
    return collective.submit(member, new Event.LotteryCommitted(lottery, commitment));
  }

  /**
   * {@code member} reveals the nonce they committed to (32 bytes, 64 lowercase hex): from the
   * commit deadline, before the reveal deadline, once the ledger has reached the anchor height.
   */
  public Entry reveal(MemberId member, long lottery, String nonce) {
    return collective.submit(member, new Event.LotteryRevealed(lottery, nonce));
  }

  /**
   * {@code by} records the draw after the reveal deadline: the transcript the lottery's entries
   * and the ledger's root at the anchor height give. Refused without a revealed nonce unless the
   * agreements in force set {@code lottery-anchor-only = allow}.
   */
  public Lottery.Transcript draw(MemberId by, long lottery) {
    Lottery.Transcript t = collective.read(f -> f.lotteries.derive(lottery, collective::anchorRoot));
    collective.submit(by, new Event.LotteryClosed(lottery, t)); // the ledger records it with members as handles
    return t;
  }

  /** The entries of every lottery announced, newest first. */
  public List<Long> announced() {
    return collective.read(f -> {
      List<Long> out = new ArrayList<>(f.lotteries.announced.keySet());
      Collections.reverse(out);
      return List.copyOf(out);
    });
  }

  /** The lottery announced at entry {@code lottery}, of either procedure. */
  public Optional<Lottery.Announcement> announcement(long lottery) {
    return collective.read(f -> Optional.ofNullable(f.lotteries.announced.get(lottery)));
  }

  /** The recorded draw of the lottery announced at entry {@code lottery}, once drawn. */
  public Optional<Lottery.Transcript> drawn(long lottery) {
    return collective.read(f -> Optional.ofNullable(f.lotteries.drawn.get(lottery)));
  }

  /**
   * Everything wrong with {@code transcript} as the draw of the lottery announced at entry {@code
   * lottery}, re-derived from this ledger's entries and its root at the anchor height; empty means
   * it verifies.
   */
  public List<String> verify(long lottery, Lottery.Transcript transcript) {
    Ledger ledger = collective.ledger();
    long size = ledger.size();
    if (lottery < 0 || lottery >= size) {
      return List.of("there is no entry " + lottery + " in this ledger of " + size + " entries");
    }
    try {
      // As the collective knows them: the transcripts it records name the app's members, the ledger their handles.
      Pseudonymizer names = collective.pseudonymizer();
      Lottery.Announcement a = announced(names.resolve(ledger.entry(lottery)));
      Hash root = collective.anchorRoot(a.anchorHeight()).orElseThrow(() -> new InvalidRotationException(
          "the ledger has not reached the anchor height " + a.anchorHeight() + " yet"));
      List<Entry> after = ledger.entries(lottery + 1, size).stream().map(names::resolve).toList();
      return Lottery.differences(derive(a, lottery, after, root), transcript);
    } catch (LatticeException e) {
      return List.of(e.getMessage());
    }
  }

  /**
   * Proof for {@code member} that their commitment to the lottery at entry {@code lottery} is in
   * the ledger: the entry, its inclusion proof and a checkpoint signed by the collective (the
   * latest one if it covers the entry, otherwise a new one).
   *
   * @throws UnknownReferenceException if {@code member} has no commitment to that lottery
   */
  public LotteryReceipt receipt(MemberId member, long lottery) {
    Lottery.Commitment c = collective.read(f -> f.lotteries.commitments.getOrDefault(lottery, Map.of())
        .get(member));
    if (c == null) {
      throw new UnknownReferenceException(member + " has no commitment to a lottery announced at entry " + lottery
          + ".");
    }
    Ledger ledger = collective.ledger();
    SignedCheckpoint cp = ledger.latestCheckpoint().filter(k -> k.checkpoint().size() > c.entry())
        .orElseGet(collective::checkpoint);
    return new LotteryReceipt(ledger.entry(c.entry()), ledger.inclusionProof(c.entry(), cp.checkpoint().size()), cp);
  }

  // ---------------------------------------------------------------------------------- outsiders

  /**
   * The draw of the lottery announced at entry {@code lottery}, derived from a copy of the ledger
   * alone: {@code ledger} is its entries from entry 0, at least through the anchor height and the
   * reveal deadline (check the copy against a signed checkpoint first). The anchor root is computed
   * from the entries' canonical bytes.
   *
   * @throws InvalidRotationException if the copy is too short or out of order, or its entries do
   *     not make a valid lottery
   */
  public static Lottery.Transcript derive(List<Entry> ledger, long lottery) {
    for (int i = 0; i < ledger.size(); i++) {
      if (ledger.get(i).sequence() != i) {
        throw new InvalidRotationException("The copy holds entry " + ledger.get(i).sequence() + " at position " + i
            + ": hand over the ledger from entry 0, in order.");
      }
    }
    if (lottery < 0 || lottery >= ledger.size()) {
      throw new InvalidRotationException("The copy holds " + ledger.size() + " entries, not the lottery's entry "
          + lottery + ".");
    }
    Lottery.Announcement a = announced(ledger.get((int) lottery));
    if (a.anchorHeight() > ledger.size()) {
      throw new InvalidRotationException("The copy holds " + ledger.size() + " entries; the lottery's anchor is the"
          + " root at " + a.anchorHeight() + ".");
    }
    MerkleTree tree = new MerkleTree();
    for (int i = 0; i < a.anchorHeight(); i++) {
      tree.append(ledger.get(i).canonicalBytes());
    }
    return derive(a, lottery, ledger.subList((int) lottery + 1, ledger.size()), tree.root());
  }

  /**
   * Everything wrong with {@code transcript} as the draw of the lottery at entry {@code lottery} in
   * a copy of the ledger (see {@link #derive(List, long)}); empty means it verifies: it holds every
   * commitment and reveal the entries hold and no other, the anchor root is the copy's, and the
   * withheld members, seed and draw follow.
   */
  public static List<String> verify(List<Entry> ledger, long lottery, Lottery.Transcript transcript) {
    try {
      return Lottery.differences(derive(ledger, lottery), transcript);
    } catch (LatticeException e) {
      return List.of(e.getMessage());
    }
  }

  /**
   * Everything wrong with the draw a copy of the ledger records for the lottery at entry {@code
   * lottery} (its {@code LotteryClosed} entry), re-derived from the copy alone (see {@link
   * #derive(List, long)}); empty means it verifies. What an outsider checks: the copy names members
   * by their handles, and so does the draw it records.
   */
  public static List<String> verify(List<Entry> ledger, long lottery) {
    for (Entry e : ledger) {
      if (e.event() instanceof Event.LotteryClosed c && c.lottery() == lottery) {
        return verify(ledger, lottery, c.transcript());
      }
    }
    return List.of("the copy records no draw of the lottery at entry " + lottery);
  }

  private static Lottery.Announcement announced(Entry e) {
    if (!(e.event() instanceof Event.LotteryAnnounced l) || !Lottery.PROCEDURE.equals(l.announcement().procedure())) {
      throw new UnknownReferenceException("Entry " + e.sequence() + " does not announce a " + Lottery.PROCEDURE
          + " lottery.");
    }
    return l.announcement();
  }

  /** The draw from the commitment and reveal entries among {@code after} that name the lottery at {@code lottery}. */
  private static Lottery.Transcript derive(Lottery.Announcement a, long lottery, List<Entry> after, Hash anchorRoot) {
    List<Lottery.Commitment> cs = new ArrayList<>();
    List<Lottery.Reveal> rs = new ArrayList<>();
    for (Entry e : after) {
      if (e.event() instanceof Event.LotteryCommitted c && c.lottery() == lottery) {
        cs.add(new Lottery.Commitment(e.sequence(), e.time(), e.author(), c.commitment()));
      } else if (e.event() instanceof Event.LotteryRevealed r && r.lottery() == lottery) {
        rs.add(new Lottery.Reveal(e.sequence(), e.time(), e.author(), r.nonce()));
      }
    }
    return Lottery.draw(a, cs, rs, anchorRoot);
  }
}
