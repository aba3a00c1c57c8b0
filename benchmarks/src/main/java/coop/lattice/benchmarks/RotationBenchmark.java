package coop.lattice.benchmarks;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Lottery;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RoleId;
import coop.lattice.rotation.RotationPolicy;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning the responsibility map with the fair policy, and verifying a lottery transcript.
 * Targets: 1,000 members x 50 roles x 52 weekly occurrences in 250 ms; 10,000 x 100 x 52 in 5 s
 * (a tenth of the roles with three seats, shares exact); verifying a transcript with 1,000
 * candidates in 1 ms. {@code planWeighted} measures the weighted policy on the same rosters.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class RotationBenchmark {
  static final LocalDate START = LocalDate.of(2027, 1, 4);

  @State(Scope.Benchmark)
  public static class Roster {
    @Param({"1000x50", "10000x100"})
    String size;

    PlanRequest request;

    @Setup(Level.Trial)
    public void build() {
      request = request(size);
    }
  }

  /** The weighted policy keeps deficits exactly (big integers over a common denominator): measured on the smaller roster. */
  @State(Scope.Benchmark)
  public static class SmallRoster {
    @Param({"1000x50"})
    String size;

    PlanRequest request;

    @Setup(Level.Trial)
    public void build() {
      request = request(size);
    }
  }

  /**
   * Members with random tags, a fifth at half capacity, a quarter away for up to a month; weekly
   * roles on different weekdays, every fifth needing a tag, every fourth excluding the one before
   * it, every tenth with three seats, every third a chore of weight 0.5; a 52-week horizon.
   */
  static PlanRequest request(String size) {
    int members = Integer.parseInt(size.split("x")[0]);
    int roles = Integer.parseInt(size.split("x")[1]);
    Random random = new Random(7);
    String[] tags = {"adult", "first-aid", "driver"};
    List<Participant> roster = new ArrayList<>();
    for (int i = 0; i < members; i++) {
      Participant p = Participant.of(MemberId.of("m" + i), START.minusYears(1))
          .tags(tags[random.nextInt(3)], tags[random.nextInt(3)]).capacity(random.nextInt(5) == 0 ? "0.5" : "1");
      if (random.nextInt(4) == 0) {
        int from = random.nextInt(300);
        p = p.away(START.plusDays(from), START.plusDays(from + random.nextInt(30)));
      }
      roster.add(p);
    }
    List<Role> list = new ArrayList<>();
    for (int r = 0; r < roles; r++) {
      Role role = Role.of(RoleId.of(String.format("role-%03d", r)), "Role " + r,
          Cadence.weekly(START.plusDays(r % 7)));
      if (r % 5 == 0) {
        role = role.requires(tags[r % 3]);
      }
      if (r % 4 == 1) {
        role = role.exclusiveWith(RoleId.of(String.format("role-%03d", r - 1)));
      }
      if (r % 10 == 3) {
        role = role.seats(3); // a tenth of the roles have three seats, planned as a whole
      }
      list.add(r % 3 == 2 ? role.chore().weight("0.5") : role);
    }
    return PlanRequest.of(roster, list, START, START.plusWeeks(52));
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 2)
  @Measurement(iterations = 5)
  public Plan plan(Roster r) {
    return RotationPolicy.fair(20261127L).plan(r.request);
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 1)
  @Measurement(iterations = 3)
  public Plan planWeighted(SmallRoster r) {
    return RotationPolicy.weighted(20261127L).plan(r.request);
  }

  @State(Scope.Benchmark)
  public static class Draw {
    Lottery.Transcript transcript;

    @Setup(Level.Trial)
    public void build() {
      Random random = new Random(11);
      List<MemberId> candidates = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        candidates.add(MemberId.of(String.format("m%04d", i)));
      }
      Instant commitBy = Instant.parse("2027-03-01T18:00:00Z");
      Instant revealBy = Instant.parse("2027-03-02T18:00:00Z");
      Lottery.Announcement a = Lottery.Announcement.of("assembly", candidates, 50, 1000, commitBy, revealBy);
      List<Lottery.Commitment> commitments = new ArrayList<>();
      List<Lottery.Reveal> reveals = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        byte[] nonce = new byte[32];
        random.nextBytes(nonce);
        String hex = HexFormat.of().formatHex(nonce);
        commitments.add(new Lottery.Commitment(1 + i, commitBy.minusSeconds(i + 1), candidates.get(i),
            Lottery.commitmentOf(hex)));
        if (i % 10 != 0) {
          reveals.add(new Lottery.Reveal(1001 + i, revealBy.minusSeconds(i + 1), candidates.get(i), hex));
        }
      }
      transcript = Lottery.draw(a, commitments, reveals, Hash.sha256(new byte[] {1}));
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public List<String> verifyLottery(Draw d) {
    List<String> problems = Lottery.verify(d.transcript);
    if (!problems.isEmpty()) {
      throw new AssertionError(problems);
    }
    return problems;
  }
}
