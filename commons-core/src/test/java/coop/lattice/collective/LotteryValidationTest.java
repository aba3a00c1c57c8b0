package coop.lattice.collective;

import static coop.lattice.collective.Rejections.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.ConflictException;
import coop.lattice.ExpiredException;
import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.NotPermittedException;
import coop.lattice.TooEarlyException;
import coop.lattice.UnknownMemberException;
import coop.lattice.UnknownReferenceException;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.LotteryV1;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, item 3: lottery input is refused when it is malformed, early, late or from the wrong
 * member, each with a message that says what was wrong and what to do, and nothing changes: the
 * ledger's size and root and the collective's state are what they were.
 */
class LotteryValidationTest {
  LotteryPlay p;
  MemberId m0;
  MemberId m1;
  MemberId m2;

  @BeforeEach
  void announce() {
    p = new LotteryPlay(3, 20, false);
    m0 = p.members.get(0);
    m1 = p.members.get(1);
    m2 = p.members.get(2);
    p.announce(1);
  }

  void refused(Runnable command, Class<? extends RuntimeException> type, String says) {
    rejected(p.coop, command::run, type, says);
  }

  @Test
  void aNonceMustBeExactly32BytesOfLowercaseHex() {
    p.commit(1);
    p.reachAnchor();
    p.afterCommitBy(1000);
    String good = p.nonce(1);
    refused(() -> p.coop.lotteries().reveal(m1, p.lottery, "ab"), InvalidRotationException.class,
        "A lottery nonce is exactly 32 random bytes, written as 64 lowercase hex characters; this one has 2 characters"
            + " (1 byte) instead of 64. Lottery.nonceAndCommitment makes a nonce and its commitment.");
    refused(() -> p.coop.lotteries().reveal(m1, p.lottery, good + "00"), InvalidRotationException.class,
        "has 66 characters (33 bytes) instead of 64");
    refused(() -> p.coop.lotteries().reveal(m1, p.lottery, "zz" + good.substring(2)), InvalidRotationException.class,
        "has a character other than 0-9 and a-f at position 0");
    refused(() -> p.coop.lotteries().reveal(m1, p.lottery, "AB" + good.substring(2)), InvalidRotationException.class,
        "has an uppercase letter at position 0");
    assertThatThrownBy(() -> Lottery.commitmentOf("ab")).isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("exactly 32 random bytes");
    p.reveal(1); // the nonce committed to, in its proper form, is taken
  }

  @Test
  void aCommitmentMustBe64LowercaseHexWhenItIsMadeNotOnlyWhenRevealed() {
    String sha = Lottery.commitmentOf(p.nonce(1));
    String expected = "A lottery commitment is the SHA-256 of the nonce, written as 64 lowercase hex characters; this"
        + " one ";
    refused(() -> p.coop.lotteries().commit(m1, p.lottery, "not a hash"), InvalidRotationException.class,
        expected + "has a character other than 0-9 and a-f at position 0, and 10 characters instead of 64."
            + " Lottery.commitmentOf(nonce) computes it.");
    refused(() -> p.coop.lotteries().commit(m1, p.lottery, sha.substring(2)), InvalidRotationException.class,
        expected + "has 62 characters (31 bytes) instead of 64");
    refused(() -> p.coop.lotteries().commit(m1, p.lottery, sha.toUpperCase(Locale.ROOT)),
        InvalidRotationException.class, "an uppercase letter");
    refused(() -> p.coop.lotteries().commit(m1, p.lottery, "g" + sha.substring(1)), InvalidRotationException.class,
        "a character other than 0-9 and a-f at position 0");
    p.commit(1);
  }

  @Test
  void duplicateCandidatesAreRefusedByNameNotSilentlyRemoved() {
    long size = p.coop.ledger().size();
    refused(() -> p.coop.lotteries().announce(m0, Lottery.Announcement.of("notes", List.of(m0, m1, m0, m2, m1), 1,
        size + 2, p.commitBy(), p.revealBy())), InvalidRotationException.class,
        "m00 and m01 are named more than once among the lottery's candidates: name each candidate once.");
    refused(() -> p.coop.lotteries().announce(m0, Lottery.Announcement.of("notes", List.of(m2, m2), 1,
        size + 2, p.commitBy(), p.revealBy())), InvalidRotationException.class,
        "m02 is named more than once among the lottery's candidates");
  }

  @Test
  void aLotteryWithNoCommitmentsIsNotDrawnUnlessTheAgreementsAllowTheAnchorAlone() {
    p.reachAnchor();
    p.clock.at(p.revealBy().plusSeconds(1));
    refused(() -> p.coop.lotteries().draw(m0, p.lottery), InvalidRotationException.class,
        "Nobody committed to the lottery at entry " + p.lottery + ", so its draw would come from the anchor root alone,"
            + " with no member's secret in it, and lottery-anchor-only is refuse (the default while no agreement sets"
            + " lottery-anchor-only). Announce the lottery again, or adopt an agreement that sets lottery-anchor-only"
            + " = allow.");

    LotteryPlay allowed = new LotteryPlay(3, 20, true);
    allowed.announce(1);
    allowed.reachAnchor();
    Lottery.Transcript t = allowed.draw();
    assertThat(t.anchorOnly()).isTrue();
    assertThat(t.commitments()).isEmpty();
    assertThat(t.withheld()).isEmpty();
    assertThat(Lotteries.verify(allowed.entries(), allowed.lottery)).isEmpty();
  }

  @Test
  void everyoneWithholdingIsTheSameAsNobodyCommitting() {
    p.commit(1);
    p.commit(2);
    p.clock.at(p.revealBy().plusSeconds(1));
    refused(() -> p.coop.lotteries().draw(m0, p.lottery), InvalidRotationException.class,
        "Nobody revealed a nonce for the lottery at entry " + p.lottery + " (2 committed and withheld)");
  }

  @Test
  void commitmentsComeBeforeTheirDeadlineFromCandidatesOnce() {
    p.commit(1);
    refused(() -> p.commit(1), ConflictException.class, "m01 already committed to the lottery at entry " + p.lottery
        + " (entry " + (p.lottery + 1) + "); a commitment is made once and cannot be changed.");
    refused(() -> p.coop.lotteries().commit(MemberId.of("zed"), p.lottery, Lottery.commitmentOf(p.nonce(9))),
        UnknownMemberException.class, "zed is not a member of this collective");
    refused(() -> p.coop.lotteries().commit(m1, 999, Lottery.commitmentOf(p.nonce(1))), UnknownReferenceException.class,
        "There is no lottery announced at entry 999.");
    long size = p.coop.ledger().size();
    long narrow = p.coop.lotteries().announce(m0, Lottery.Announcement.of("notes", List.of(m0, m1), 1, size + 2,
        p.commitBy(), p.revealBy()));
    refused(() -> p.coop.lotteries().commit(m2, narrow, Lottery.commitmentOf(p.nonce(2))), NotPermittedException.class,
        "m02 is not one of the 2 candidates of the lottery at entry " + narrow + ", so has nothing to commit to.");
    p.clock.at(p.commitBy());
    refused(() -> p.commit(2), ExpiredException.class, "Commitments to the lottery at entry " + p.lottery
        + " closed at " + p.commitBy() + "; it is now " + p.commitBy() + ", so this one would not count.");
  }

  @Test
  void revealsComeAfterCommitmentsCloseBeforeTheirDeadlineAndOnceTheAnchorIsFixed() {
    p.commit(1);
    p.commit(2); // the ledger reaches the anchor height
    refused(() -> p.reveal(1), TooEarlyException.class, "Reveals to the lottery at entry " + p.lottery
        + " open when commitments close, at " + p.commitBy() + "; reveal from then until " + p.revealBy() + ".");
    refused(() -> p.reveal(0), NotPermittedException.class, "m00 did not commit to the lottery at entry " + p.lottery
        + ", so has no nonce to reveal.");
    p.afterCommitBy(1);
    refused(() -> p.coop.lotteries().reveal(m1, p.lottery, p.nonce(2)), InvalidRotationException.class,
        "This nonce does not match m01's commitment at entry " + (p.lottery + 1) + ": reveal the nonce whose SHA-256"
            + " you committed to.");
    p.reveal(1);
    refused(() -> p.reveal(1), ConflictException.class, "m01 already revealed their nonce");
    p.clock.at(p.revealBy());
    refused(() -> p.reveal(2), ExpiredException.class, "Reveals to the lottery at entry " + p.lottery + " closed at "
        + p.revealBy() + "; m02 is listed as withheld and the draw goes ahead without their nonce.");
  }

  @Test
  void noRevealIsTakenBeforeTheLedgerReachesTheAnchorHeight() {
    long far = p.coop.lotteries().announce(m0, Lottery.Announcement.of("far anchor", p.members, 1,
        p.coop.ledger().size() + 5, p.commitBy(), p.revealBy()));
    p.coop.lotteries().commit(m1, far, Lottery.commitmentOf(p.nonce(1)));
    p.afterCommitBy(1);
    long size = p.coop.ledger().size();
    refused(() -> p.coop.lotteries().reveal(m1, far, p.nonce(1)), TooEarlyException.class, "The lottery at entry "
        + far + " takes the ledger's root at " + (far + 5) + " entries, and the ledger has " + size + ": reveals open"
        + " once it has reached " + (far + 5) + ", so that the anchor is fixed before any nonce is public.");
    while (p.coop.ledger().size() < far + 5) {
      p.coop.changeAppearance(m2, Appearance.byName("M2 " + p.coop.ledger().size()));
    }
    p.coop.lotteries().reveal(m1, far, p.nonce(1));
  }

  @Test
  void theDrawComesAfterTheRevealDeadlineOnceAndOnlyAsTheEntriesGiveIt() {
    p.commit(1);
    p.commit(2);
    p.afterCommitBy(1);
    p.reveal(1);
    refused(() -> p.coop.lotteries().draw(m0, p.lottery), TooEarlyException.class, "Reveals to the lottery at entry "
        + p.lottery + " are open until " + p.revealBy() + "; draw after that.");
    p.clock.at(p.revealBy());
    Lottery.Transcript honest = p.derived();
    Lottery.Transcript elsewhere = Lottery.draw(p.announcement, honest.commitments(), honest.reveals(),
        Hash.sha256(new byte[] {7}));
    refused(() -> p.coop.submit(m0, new Event.LotteryClosed(p.lottery, elsewhere)), InvalidRotationException.class,
        "the anchor root is not this ledger's root at height " + p.announcement.anchorHeight());
    Lottery.Transcript t = p.coop.lotteries().draw(m2, p.lottery);
    assertThat(t).isEqualTo(honest);
    assertThat(t.withheld()).containsExactly(m2);
    refused(() -> p.coop.lotteries().draw(m0, p.lottery), ConflictException.class, "was already drawn");
    refused(() -> p.reveal(2), ConflictException.class, "was already drawn");
  }

  @Test
  void theFirstProcedureIsNoLongerTakenAsACommand() {
    Lottery.Announcement v1 = new Lottery.Announcement("keeper", p.members, 1, p.coop.ledger().size() + 2,
        p.commitBy(), p.revealBy(), LotteryV1.PROCEDURE);
    refused(() -> p.coop.lotteries().announce(m0, v1), InvalidRotationException.class,
        "lattice-lottery-v1 took reveal times into its seed, which let the last revealer steer the draw");
    LotteryV1.Transcript t = LotteryV1.draw(v1, List.of(), List.of(), Hash.sha256(new byte[] {1}));
    refused(() -> p.coop.submit(m0, new Event.LotteryDrawn(p.lottery, t)), InvalidRotationException.class,
        "draw with lotteries().draw, which derives the transcript from the lottery's entries");
    assertThat(Lottery.Announcement.of("x", p.members, 1, 5, p.commitBy(), p.revealBy()).procedure())
        .isEqualTo(Lottery.PROCEDURE).isEqualTo("lattice-lottery-v2");
    assertThatThrownBy(() -> new Lottery.Announcement("x", p.members, 1, 5, p.commitBy(), p.revealBy(), "v9"))
        .isInstanceOf(InvalidRotationException.class).hasMessageContaining("Unknown lottery procedure \"v9\"");
  }

  @Test
  void eachMemberCanCheckTheirOwnCommitmentWithAProof() {
    Entry entry = p.commit(1);
    p.commit(2);
    String mine = Lottery.commitmentOf(p.nonce(1));
    LotteryReceipt receipt = p.coop.lotteries().receipt(m1, p.lottery);
    CollectiveKey key = People.KEY;
    assertThat(receipt.entry()).isEqualTo(entry);
    assertThat(p.coop.privacy().authorOf(receipt.entry())).isEqualTo(m1);
    assertThat(receipt.shows(key.verificationKey(), p.lottery, mine)).isTrue();
    assertThat(receipt.shows(key.verificationKey(), p.lottery + 1, mine)).isFalse();
    assertThat(receipt.shows(key.verificationKey(), p.lottery, Lottery.commitmentOf(p.nonce(2)))).isFalse();
    assertThat(receipt.shows(CollectiveKey.fromSeed(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
        17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}).verificationKey(), p.lottery, mine))
        .isFalse();
    // Checked again once the ledger has grown: the receipt still holds against the checkpoint it names.
    p.afterCommitBy(1);
    p.reveal(1);
    assertThat(receipt.shows(key.verificationKey(), p.lottery, mine)).isTrue();
    refused(() -> p.coop.lotteries().receipt(m0, p.lottery), UnknownReferenceException.class,
        "m00 has no commitment to a lottery announced at entry " + p.lottery);
  }
}
