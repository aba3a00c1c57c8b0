package coop.lattice.sortition;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Lottery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

/** A lottery announced for a distribution, committed and revealed by the first few candidates. */
final class LotteryBinding {
  static final Instant COMMIT_BY = Instant.parse("2027-03-01T18:00:00Z");
  static final Instant REVEAL_BY = Instant.parse("2027-03-02T18:00:00Z");

  private LotteryBinding() {}

  static Lottery.Transcript lottery(PanelDistribution d, long seed) {
    Random random = new Random(seed);
    Lottery.Announcement a = Sortition.announce(d, "citizens' panel", 120, COMMIT_BY, REVEAL_BY);
    List<Lottery.Commitment> commitments = new ArrayList<>();
    List<Lottery.Reveal> reveals = new ArrayList<>();
    List<MemberId> who = a.candidates();
    for (int i = 0; i < Math.min(3, who.size()); i++) {
      byte[] nonce = new byte[32];
      random.nextBytes(nonce);
      String hex = HexFormat.of().formatHex(nonce);
      commitments.add(new Lottery.Commitment(100 + i, COMMIT_BY.minusSeconds(60 + i), who.get(i), Lottery.commitmentOf(hex)));
      reveals.add(new Lottery.Reveal(130 + i, REVEAL_BY.minusSeconds(60 + i), who.get(i), hex));
    }
    byte[] root = new byte[32];
    random.nextBytes(root);
    return Lottery.draw(a, commitments, reveals, Hash.of(root));
  }
}
