package coop.lattice.collective;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.LotteryV1;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Lotteries as a part of the fold: announcements, each member's commitment and reveal as an entry
 * of their own, and the draw derived from those entries. The order of the rules is the lottery's
 * security: a commitment before the commit deadline, a reveal after it and before the reveal
 * deadline and only once the anchor root is fixed, a draw after that which must be exactly the
 * one the entries give. Not thread-safe: the collective guards it.
 */
final class LotteriesFold implements SubFold {
  /** Every lottery announced, of either procedure, by the entry that announced it. */
  final Map<Long, Lottery.Announcement> announced = new LinkedHashMap<>();
  /** Each lottery's commitments, by member. */
  final Map<Long, Map<MemberId, Lottery.Commitment>> commitments = new HashMap<>();
  /** Each lottery's reveals, by member. */
  final Map<Long, Map<MemberId, Lottery.Reveal>> reveals = new HashMap<>();
  final Map<Long, Lottery.Transcript> drawn = new LinkedHashMap<>();
  /** Draws of the first procedure, which a ledger may hold from before issue 20. */
  final Map<Long, LotteryV1.Transcript> drawnV1 = new LinkedHashMap<>();

  @Override
  public boolean handles(Event e) {
    return e instanceof Event.LotteryAnnounced || e instanceof Event.LotteryCommitted
        || e instanceof Event.LotteryRevealed || e instanceof Event.LotteryClosed || e instanceof Event.LotteryDrawn;
  }

  @Override
  public void check(Step s) {
    MemberId author = s.author();
    Event event = s.event();
    Instant now = s.time();
    long size = s.sequence();
    Membership membership = s.fold().membership;
    if (event instanceof Event.LotteryAnnounced l) {
      membership.activeMember(author, "announce a lottery");
      Lottery.Announcement a = l.announcement();
      if (s.isCommand() && !Lottery.PROCEDURE.equals(a.procedure())) {
        throw new InvalidRotationException(a.procedure() + " took reveal times into its seed, which let the last"
            + " revealer steer the draw; it is kept only so that ledgers which recorded one still open. Announce with"
            + " Lottery.Announcement.of, which uses " + Lottery.PROCEDURE + ".");
      }
      if (a.anchorHeight() <= size) {
        throw new InvalidRotationException("The anchor height " + a.anchorHeight() + " must lie beyond the ledger's"
            + " current size (" + size + "), so that nobody knows its root yet.");
      }
      if (!now.isBefore(a.commitBy())) {
        throw new InvalidRotationException("Commitments would already be closed at " + a.commitBy() + ".");
      }
    } else if (event instanceof Event.LotteryCommitted c) {
      membership.activeMember(author, "commit to a lottery");
      Lottery.Announcement a = open(c.lottery());
      Lottery.requireCommitment(c.commitment());
      if (!a.candidates().contains(author)) {
        throw new NotPermittedException(author + " is not one of the " + a.candidates().size() + " candidates of the"
            + " lottery at entry " + c.lottery() + ", so has nothing to commit to.");
      }
      if (!now.isBefore(a.commitBy())) {
        throw new ExpiredException("Commitments to the lottery at entry " + c.lottery() + " closed at " + a.commitBy()
            + "; it is now " + now + ", so this one would not count.");
      }
      Lottery.Commitment before = of(commitments, c.lottery()).get(author);
      if (before != null) {
        throw new ConflictException(author + " already committed to the lottery at entry " + c.lottery() + " (entry "
            + before.entry() + "); a commitment is made once and cannot be changed.");
      }
    } else if (event instanceof Event.LotteryRevealed r) {
      membership.activeMember(author, "reveal a lottery nonce");
      Lottery.Announcement a = open(r.lottery());
      Lottery.requireNonce(r.nonce());
      Lottery.Commitment c = of(commitments, r.lottery()).get(author);
      if (c == null) {
        throw new NotPermittedException(author + " did not commit to the lottery at entry " + r.lottery()
            + ", so has no nonce to reveal.");
      }
      if (now.isBefore(a.commitBy())) {
        throw new TooEarlyException("Reveals to the lottery at entry " + r.lottery() + " open when commitments close,"
            + " at " + a.commitBy() + "; reveal from then until " + a.revealBy() + ".");
      }
      if (!now.isBefore(a.revealBy())) {
        throw new ExpiredException("Reveals to the lottery at entry " + r.lottery() + " closed at " + a.revealBy()
            + "; " + author + " is listed as withheld and the draw goes ahead without their nonce.");
      }
      if (size < a.anchorHeight()) {
        throw new TooEarlyException("The lottery at entry " + r.lottery() + " takes the ledger's root at "
            + a.anchorHeight() + " entries, and the ledger has " + size + ": reveals open once it has reached "
            + a.anchorHeight() + ", so that the anchor is fixed before any nonce is public. Any entry brings it"
            + " closer.");
      }
      if (of(reveals, r.lottery()).containsKey(author)) {
        throw new ConflictException(author + " already revealed their nonce for the lottery at entry " + r.lottery()
            + ".");
      }
      if (!Lottery.commitmentOf(r.nonce()).equals(c.hash())) {
        throw new InvalidRotationException("This nonce does not match " + author + "'s commitment at entry " + c.entry()
            + ": reveal the nonce whose SHA-256 you committed to.");
      }
    } else if (event instanceof Event.LotteryClosed d) {
      membership.activeMember(author, "draw a lottery");
      checkDraw(s, open(d.lottery()), d);
    } else if (event instanceof Event.LotteryDrawn d) {
      checkV1(s, d);
    }
  }

  private void checkDraw(Step s, Lottery.Announcement a, Event.LotteryClosed d) {
    long lottery = d.lottery();
    if (s.time().isBefore(a.revealBy())) {
      throw new TooEarlyException("Reveals to the lottery at entry " + lottery + " are open until " + a.revealBy()
          + "; draw after that.");
    }
    if (s.sequence() < a.anchorHeight()) {
      throw new TooEarlyException("The ledger has not yet reached the anchor height " + a.anchorHeight() + " of the"
          + " lottery at entry " + lottery + " (it has " + s.sequence() + " entries); draw once it has.");
    }
    Parameters p = s.parameters();
    if (of(reveals, lottery).isEmpty() && !"allow".equals(p.get(Parameter.LOTTERY_ANCHOR_ONLY))) {
      int committed = of(commitments, lottery).size();
      String who = committed == 0 ? "Nobody committed to the lottery at entry " + lottery
          : "Nobody revealed a nonce for the lottery at entry " + lottery + " (" + committed + " committed and"
              + " withheld)";
      throw new InvalidRotationException(who + ", so its draw would come from the anchor root alone, with no member's"
          + " secret in it, and " + Parameter.LOTTERY_ANCHOR_ONLY.name() + " is " + p.get(Parameter.LOTTERY_ANCHOR_ONLY)
          + " (" + p.describeSource(Parameter.LOTTERY_ANCHOR_ONLY) + "). Announce the lottery again, or adopt an agreement"
          + " that sets " + Parameter.LOTTERY_ANCHOR_ONLY.name() + " = allow.");
    }
    Lottery.Transcript t = d.transcript();
    List<String> problems = new ArrayList<>(Lottery.differences(transcript(lottery, t.anchorRoot()), t));
    if (s.ledger() != null && !s.ledger().root(a.anchorHeight()).equals(t.anchorRoot())) {
      problems.add("the anchor root is not this ledger's root at height " + a.anchorHeight());
    }
    if (!problems.isEmpty()) {
      throw new InvalidRotationException("The transcript is not the draw the entries of the lottery at entry " + lottery
          + " give: " + String.join("; ", problems) + ".");
    }
  }

  /** A {@code lattice-lottery-v1} transcript: accepted only as a stored entry, checked as it was then. */
  private void checkV1(Step s, Event.LotteryDrawn d) {
    if (s.isCommand()) {
      throw new InvalidRotationException("A " + LotteryV1.PROCEDURE + " transcript written by hand is no longer"
          + " recorded; draw with lotteries().draw, which derives the transcript from the lottery's entries.");
    }
    s.fold().membership.activeMember(s.author(), "record a lottery");
    Lottery.Announcement a = announced.get(d.announcement());
    if (a == null || !LotteryV1.PROCEDURE.equals(a.procedure())) {
      throw new UnknownReferenceException("There is no " + LotteryV1.PROCEDURE + " lottery announced at entry "
          + d.announcement() + ".");
    }
    if (drawnV1.containsKey(d.announcement())) {
      throw new ConflictException("The lottery announced at entry " + d.announcement() + " was already drawn.");
    }
    if (!a.equals(d.transcript().announcement())) {
      throw new InvalidRotationException("The transcript's announcement is not the one recorded at entry "
          + d.announcement() + ".");
    }
    if (s.time().isBefore(a.revealBy())) {
      throw new InvalidRotationException("Reveals are open until " + a.revealBy() + "; draw after that.");
    }
    if (s.sequence() < a.anchorHeight()) {
      throw new InvalidRotationException("The ledger has not yet reached the anchor height " + a.anchorHeight() + ".");
    }
    List<String> problems = LotteryV1.verify(d.transcript());
    if (!problems.isEmpty()) {
      throw new InvalidRotationException("The transcript does not verify: " + String.join("; ", problems));
    }
  }

  /** The {@link Lottery#PROCEDURE} lottery announced at {@code lottery}, still open for entries. */
  private Lottery.Announcement open(long lottery) {
    Lottery.Announcement a = announced.get(lottery);
    if (a == null) {
      throw new UnknownReferenceException("There is no lottery announced at entry " + lottery + ".");
    }
    if (!Lottery.PROCEDURE.equals(a.procedure())) {
      throw new InvalidRotationException("The lottery at entry " + lottery + " is a " + a.procedure() + " lottery,"
          + " which takes no commitments, reveals or draws any more; announce it again.");
    }
    if (drawn.containsKey(lottery)) {
      throw new ConflictException("The lottery announced at entry " + lottery + " was already drawn.");
    }
    return a;
  }

  @Override
  public void apply(Step s) {
    Event event = s.event();
    if (event instanceof Event.LotteryAnnounced l) {
      announced.put(s.sequence(), l.announcement());
    } else if (event instanceof Event.LotteryCommitted c) {
      commitments.computeIfAbsent(c.lottery(), k -> new TreeMap<>())
          .put(s.author(), new Lottery.Commitment(s.sequence(), s.time(), s.author(), c.commitment()));
    } else if (event instanceof Event.LotteryRevealed r) {
      reveals.computeIfAbsent(r.lottery(), k -> new TreeMap<>())
          .put(s.author(), new Lottery.Reveal(s.sequence(), s.time(), s.author(), r.nonce()));
    } else if (event instanceof Event.LotteryClosed d) {
      drawn.put(d.lottery(), d.transcript());
    } else if (event instanceof Event.LotteryDrawn d) {
      drawnV1.put(d.announcement(), d.transcript());
    }
  }

  /**
   * The draw the entries of the open lottery at {@code lottery} give, with the root {@code roots}
   * has at its anchor height; what the collective records when it draws.
   */
  Lottery.Transcript derive(long lottery, LongFunction<Optional<Hash>> roots) {
    Lottery.Announcement a = open(lottery);
    Hash root = roots.apply(a.anchorHeight()).orElseThrow(() -> new TooEarlyException("The ledger has not yet reached"
        + " the anchor height " + a.anchorHeight() + " of the lottery at entry " + lottery + "; draw once it has."));
    return transcript(lottery, root);
  }

  /** The draw the entries of {@code lottery} give with {@code anchorRoot}, whether or not it was recorded. */
  Lottery.Transcript transcript(long lottery, Hash anchorRoot) {
    return Lottery.draw(announced.get(lottery), new ArrayList<>(of(commitments, lottery).values()),
        new ArrayList<>(of(reveals, lottery).values()), anchorRoot);
  }

  private static <T> Map<MemberId, T> of(Map<Long, Map<MemberId, T>> byLottery, long lottery) {
    return byLottery.getOrDefault(lottery, Map.of());
  }
}
