package coop.lattice.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import coop.lattice.InvalidRotationException;
import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * F4, F6 and F7 for the lottery, and every way a transcript can be inconsistent in itself. That a
 * transcript holds exactly the ledger's entries (times, entry numbers, commitments of members who
 * withheld, members left out) is checked against the ledger: {@code LotteryLedgerProperties}.
 */
class LotteryProperties {
  static final Instant COMMIT_BY = Instant.parse("2027-03-01T18:00:00Z");
  static final Instant REVEAL_BY = Instant.parse("2027-03-02T18:00:00Z");

  /** A lottery case: n candidates, k seats, which of them commit and which of those reveal, and the randomness. */
  record Case(int n, int k, long seed, int committers, int revealers) {}

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.integers().between(1, 30).flatMap(n -> Combinators.combine(
        Arbitraries.integers().between(1, n), Arbitraries.longs(), Arbitraries.integers().between(0, n),
        Arbitraries.integers().between(0, n)).as((k, seed, c, r) -> new Case(n, k, seed, c, Math.min(c, r))));
  }

  static Lottery.Transcript transcript(Case c) {
    Random random = new Random(c.seed());
    List<MemberId> candidates = new ArrayList<>();
    for (int i = 0; i < c.n(); i++) {
      candidates.add(MemberId.of(String.format("c%02d", i)));
    }
    Lottery.Announcement a = Lottery.Announcement.of("circle keeper", candidates, c.k(), 120, COMMIT_BY, REVEAL_BY);
    List<Lottery.Commitment> commitments = new ArrayList<>();
    List<Lottery.Reveal> reveals = new ArrayList<>();
    for (int i = 0; i < c.committers(); i++) {
      byte[] nonce = new byte[32];
      random.nextBytes(nonce);
      String hex = HexFormat.of().formatHex(nonce);
      commitments.add(new Lottery.Commitment(10 + i, COMMIT_BY.minusSeconds(60 + i), candidates.get(i),
          Lottery.commitmentOf(hex)));
      if (i < c.revealers()) {
        reveals.add(new Lottery.Reveal(200 + i, REVEAL_BY.minusSeconds(60 + i), candidates.get(i), hex));
      }
    }
    byte[] root = new byte[32];
    random.nextBytes(root);
    return Lottery.draw(a, commitments, reveals, Hash.of(root));
  }

  @Property(tries = 1000, seed = "20261149")
  void f4EveryCandidateHasExactlyKOverN(@ForAll("cases") Case c) {
    Lottery.Transcript t = transcript(c);
    Map<MemberId, BigInteger[]> p = Lottery.probabilities(t.announcement());
    BigInteger gcd = BigInteger.valueOf(c.k()).gcd(BigInteger.valueOf(c.n()));
    for (BigInteger[] q : p.values()) {
      assertThat(q[0]).isEqualTo(BigInteger.valueOf(c.k()).divide(gcd));
      assertThat(q[1]).isEqualTo(BigInteger.valueOf(c.n()).divide(gcd));
    }
    assertThat(t.drawn()).hasSize(c.k()).doesNotHaveDuplicates();
    assertThat(t.announcement().candidates()).containsAll(t.drawn());
  }

  @Property(tries = 1000, seed = "20261150")
  void f6TheSameInputsGiveTheSameTranscriptAndItVerifies(@ForAll("cases") Case c) {
    Lottery.Transcript t = transcript(c);
    assertThat(transcript(c)).isEqualTo(t);
    assertThat(Lottery.verify(t)).isEmpty();
    assertThat(t.withheld()).hasSize(c.committers() - c.revealers());
  }

  @Property(tries = 1000, seed = "20261151")
  void f7AnySingleChangedInputFailsVerification(@ForAll("cases") Case c, @ForAll @IntRange(min = 0, max = 9) int what) {
    Lottery.Transcript t = transcript(c);
    Lottery.Announcement a = t.announcement();
    UnaryOperator<String> flipHex = h -> (h.charAt(0) == '0' ? "1" : "0") + h.substring(1);
    Lottery.Transcript changed = switch (what) {
      case 0 -> with(t, new Lottery.Announcement(a.purpose() + "!", a.candidates(), a.seats(), a.anchorHeight(),
          a.commitBy(), a.revealBy(), a.procedure()));
      case 1 -> with(t, new Lottery.Announcement(a.purpose(), a.candidates(), a.seats(), a.anchorHeight() + 1,
          a.commitBy(), a.revealBy(), a.procedure()));
      case 2 -> {
        List<MemberId> more = new ArrayList<>(a.candidates());
        more.add(MemberId.of("zz-extra"));
        yield with(t, new Lottery.Announcement(a.purpose(), more, a.seats(), a.anchorHeight(), a.commitBy(),
            a.revealBy(), a.procedure()));
      }
      case 3 -> t.reveals().isEmpty() ? null : new Lottery.Transcript(a, replaceFirst(t.commitments(),
          x -> new Lottery.Commitment(x.entry(), x.at(), x.member(), flipHex.apply(x.hash()))), t.reveals(),
          t.anchorRoot(), t.withheld(), t.anchorOnly(), t.seed(), t.drawn());
      case 4 -> t.reveals().isEmpty() ? null : new Lottery.Transcript(a, t.commitments(), replaceFirst(t.reveals(),
          x -> new Lottery.Reveal(x.entry(), x.at(), x.member(), flipHex.apply(x.nonce()))), t.anchorRoot(),
          t.withheld(), t.anchorOnly(), t.seed(), t.drawn());
      case 5 -> new Lottery.Transcript(a, t.commitments(), t.reveals(), Hash.sha256(t.anchorRoot().toByteArray()),
          t.withheld(), t.anchorOnly(), t.seed(), t.drawn());
      case 6 -> {
        List<MemberId> other = new ArrayList<>(t.drawn());
        MemberId outsider = a.candidates().stream().filter(m -> !t.drawn().contains(m)).findFirst().orElse(null);
        if (outsider == null) {
          yield null; // everyone is drawn: no other result exists
        }
        other.set(0, outsider);
        yield new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), t.withheld(), t.anchorOnly(),
            t.seed(), other);
      }
      case 7 -> new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), t.withheld(), !t.anchorOnly(),
          t.seed(), t.drawn());
      case 8 -> t.reveals().isEmpty() ? null : new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(),
          List.of(t.reveals().get(0).member()), t.anchorOnly(), t.seed(), t.drawn());
      default -> new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), t.withheld(), t.anchorOnly(),
          Hash.sha256(t.seed().toByteArray()), t.drawn());
    };
    if (changed != null) {
      assertThat(Lottery.verify(changed)).as("change %s", what).isNotEmpty();
    }
  }

  static Lottery.Transcript with(Lottery.Transcript t, Lottery.Announcement a) {
    return new Lottery.Transcript(a, t.commitments(), t.reveals(), t.anchorRoot(), t.withheld(), t.anchorOnly(),
        t.seed(), t.drawn());
  }

  static <T> List<T> replaceFirst(List<T> list, UnaryOperator<T> f) {
    List<T> out = new ArrayList<>(list);
    out.set(0, f.apply(out.get(0)));
    return out;
  }

  @Example
  void theDrawIsUniformOverManySeeds() {
    List<MemberId> five = List.of(MemberId.of("a"), MemberId.of("b"), MemberId.of("c"), MemberId.of("d"), MemberId.of("e"));
    Map<MemberId, Integer> counts = new HashMap<>();
    int runs = 20_000;
    for (int i = 0; i < runs; i++) {
      for (MemberId m : Lottery.shuffle(five, 2, Hash.sha256(Integer.toString(i).getBytes(StandardCharsets.UTF_8)))) {
        counts.merge(m, 1, Integer::sum);
      }
    }
    // Each should be drawn 2/5 of the time: 8,000 of 20,000. Four standard deviations is about 277.
    counts.values().forEach(n -> assertThat(n).isBetween(8000 - 300, 8000 + 300));
  }

  @Example
  void badInputIsRejectedWithWhatWasWrong() {
    List<MemberId> two = List.of(MemberId.of("a"), MemberId.of("b"));
    Lottery.Announcement a = Lottery.Announcement.of("notes", two, 1, 10, COMMIT_BY, REVEAL_BY);
    String nonce = "00".repeat(32);
    Hash root = Hash.sha256(new byte[] {1});
    Lottery.Commitment ontime = new Lottery.Commitment(3, COMMIT_BY.minusSeconds(5), MemberId.of("a"),
        Lottery.commitmentOf(nonce));
    assertThatThrownBy(() -> Lottery.draw(a, List.of(new Lottery.Commitment(3, COMMIT_BY, MemberId.of("a"),
        Lottery.commitmentOf(nonce))), List.of(), root)).isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("after commitments closed");
    assertThatThrownBy(() -> Lottery.draw(a, List.of(ontime), List.of(new Lottery.Reveal(12, REVEAL_BY.minusSeconds(5),
        MemberId.of("a"), "11".repeat(32))), root)).isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("does not match their commitment (entry 3)");
    assertThatThrownBy(() -> Lottery.draw(a, List.of(), List.of(new Lottery.Reveal(12, REVEAL_BY.minusSeconds(5),
        MemberId.of("b"), nonce)), root)).isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("without having committed");
    assertThatThrownBy(() -> Lottery.draw(a, List.of(ontime), List.of(new Lottery.Reveal(12, COMMIT_BY.minusSeconds(1),
        MemberId.of("a"), nonce)), root)).isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("outside the reveal window");
    assertThatThrownBy(() -> Lottery.draw(a, List.of(ontime), List.of(new Lottery.Reveal(9, REVEAL_BY.minusSeconds(5),
        MemberId.of("a"), nonce)), root)).isInstanceOf(InvalidRotationException.class)
        .hasMessageContaining("before the ledger reached the anchor height 10");
    assertThatThrownBy(() -> Lottery.Announcement.of("x", two, 3, 10, COMMIT_BY, REVEAL_BY))
        .isInstanceOf(InvalidRotationException.class).hasMessageContaining("draws 1 to 2 of its candidates");
  }

  @Example
  void aTranscriptThatRevealsNothingSaysItCameFromTheAnchorAlone() {
    Lottery.Announcement a = Lottery.Announcement.of("notes", List.of(MemberId.of("a"), MemberId.of("b")), 1, 10,
        COMMIT_BY, REVEAL_BY);
    Lottery.Transcript t = Lottery.draw(a, List.of(), List.of(), Hash.sha256(new byte[] {1}));
    assertThat(t.anchorOnly()).isTrue();
    assertThat(Lottery.verify(t)).isEmpty();
    assertThat(Lottery.verify(new Lottery.Transcript(a, List.of(), List.of(), t.anchorRoot(), List.of(), false,
        t.seed(), t.drawn()))).containsExactly("no nonce was revealed, so the transcript must say the draw came from"
        + " the anchor alone");
  }
}
