package coop.lattice.benchmarks;

import coop.lattice.poll.Ballot;
import coop.lattice.poll.Counting;
import coop.lattice.poll.PollMethod;
import coop.lattice.poll.PollTerms;
import coop.lattice.poll.Tally;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Counting a large ranked poll (issue 17, item 3). Target: 10,000 ranked ballots over 20 options
 * counted with Schulze in at most 100 ms, every ballot checked against the poll first (as the
 * collective counts when a poll closes). Each ballot ranks a random 5 to 20 of the options, from a
 * fixed seed; {@code instantRunoff} counts the same ballots by instant-runoff, for comparison.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class PollBenchmark {
  static final int OPTIONS = 20;
  static final int BALLOTS = 10_000;

  @State(Scope.Benchmark)
  public static class Poll {
    PollTerms schulze;
    PollTerms instantRunoff;
    List<Ballot> ballots;

    @Setup(Level.Trial)
    public void build() {
      List<String> options = new ArrayList<>();
      for (int i = 0; i < OPTIONS; i++) {
        options.add("option " + (i + 1));
      }
      Instant closes = Instant.parse("2027-03-10T18:00:00Z");
      schulze = PollTerms.builder("Which twenty?", PollMethod.SCHULZE, options, closes, 20270310L).build();
      instantRunoff = PollTerms.builder("Which twenty?", PollMethod.INSTANT_RUNOFF, options, closes, 20270310L).build();
      Random random = new Random(17);
      ballots = new ArrayList<>(BALLOTS);
      for (int b = 0; b < BALLOTS; b++) {
        List<String> order = new ArrayList<>(options);
        Collections.shuffle(order, random);
        ballots.add(Ballot.ranking(order.subList(0, 5 + random.nextInt(OPTIONS - 4))));
      }
    }
  }

  @Benchmark
  public Tally schulze(Poll p) {
    return Counting.count(p.schulze, p.ballots);
  }

  @Benchmark
  public Tally instantRunoff(Poll p) {
    return Counting.count(p.instantRunoff, p.ballots);
  }
}
