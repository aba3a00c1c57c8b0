package coop.lattice.benchmarks;

import coop.lattice.MemberId;
import coop.lattice.RejectedCommandException;
import coop.lattice.rotation.Cadence;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.signup.Activity;
import coop.lattice.signup.Availability;
import coop.lattice.signup.Occurrence;
import coop.lattice.signup.SignupSheet;
import coop.lattice.signup.SignupTerms;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * Closing a sign-up round: the fair rotation fills the slots nobody chose, around the chosen ones.
 * Target (issue 17): 1,000 members x 50 activities x 52 weeks in at most 300 ms. {@code fillNothingChosen}
 * is the same round with no sign-up and no wish, which the fair rotation plans as it always does:
 * the baseline, measured in the same run.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 7)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class SignupBenchmark {
  static final LocalDate START = LocalDate.of(2027, 1, 4);
  static final Instant NOW = Instant.parse("2026-12-20T09:00:00Z");
  static final Instant CLOSES = Instant.parse("2027-01-01T18:00:00Z");

  @State(Scope.Benchmark)
  public static class Round {
    /** The share of attempted sign-ups: slots x this many attempts, by random members. */
    @Param({"0.4"})
    double chosen;

    SignupSheet sheet;
    SignupSheet empty;
    List<Participant> members;

    @Setup(Level.Trial)
    public void build() {
      members = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        members.add(Participant.of(MemberId.of("m" + i), START.minusYears(1)));
      }
      sheet = round(members, chosen);
      empty = round(members, 0);
    }
  }

  /**
   * 1,000 members and 50 weekly activities on different weekdays over 52 weeks: every fifth needs a
   * tag (members declare one or two of three), every tenth has three slots; a fifth of the members at
   * half capacity, a quarter away for up to a month, a tenth would rather not do Saturdays. Then
   * {@code chosen} x the slots sign-up attempts by random members, the sheet's rules refusing the
   * full, ineligible and doubled ones (at 0.4, 924 of the 3,120 slots end up chosen).
   */
  static SignupSheet round(List<Participant> members, double chosen) {
    Random random = new Random(17);
    String[] tags = {"adult", "first-aid", "driver"};
    List<Activity> activities = new ArrayList<>();
    for (int a = 0; a < 50; a++) {
      Activity activity = Activity.of(String.format("activity-%02d", a), "Activity " + a,
          Cadence.weekly(START.plusDays(a % 7))).seats(a % 10 == 3 ? 3 : 1);
      activities.add(a % 5 == 0 ? activity.requires(tags[a % 3]) : activity);
    }
    SignupTerms terms = new SignupTerms("A year of turns", activities, START, START.plusWeeks(52), CLOSES, 20270104L);
    SignupSheet sheet = new SignupSheet(terms);
    for (Participant p : members) {
      Availability a = Availability.ANY_TIME.declaring(tags[random.nextInt(3)], tags[random.nextInt(3)])
          .capacity(random.nextInt(5) == 0 ? "0.5" : "1");
      if (random.nextInt(4) == 0) {
        int from = random.nextInt(330);
        a = a.away(START.plusDays(from), START.plusDays(from + random.nextInt(30)));
      }
      if (random.nextInt(10) == 0) {
        a = a.ratherNot(DayOfWeek.SATURDAY);
      }
      if (chosen > 0 || !a.equals(Availability.ANY_TIME)) {
        sheet.state(p.member(), chosen > 0 ? a : new Availability(a.away(), List.of(), a.tags(), a.capacity()));
      }
    }
    int slots = 52 * (45 + 5 * 3);
    for (int k = 0; k < slots * chosen; k++) {
      MemberId m = members.get(random.nextInt(members.size())).member();
      Activity a = activities.get(random.nextInt(activities.size()));
      Occurrence o = new Occurrence(a.id(), a.cadence().first().plusWeeks(random.nextInt(52)));
      try {
        sheet.checkTake(m, o, NOW);
        sheet.take(m, o);
      } catch (RejectedCommandException refused) {
        // full, ineligible, away or taken twice: refused as the collective would refuse it
      }
    }
    return sheet;
  }

  @Benchmark
  public Plan fill(Round r) {
    return r.sheet.fill(r.members, 2, 90);
  }

  @Benchmark
  public Plan fillNothingChosen(Round r) {
    return r.empty.fill(r.members, 2, 90);
  }
}
