package coop.lattice.collective;

import static org.assertj.core.api.Assertions.assertThat;

import coop.lattice.CollectiveId;
import coop.lattice.ContributionKind;
import coop.lattice.MemberId;
import coop.lattice.Quantity;
import coop.lattice.collective.ContributionRecord.Status;
import coop.lattice.ledger.Appearance;
import coop.lattice.ledger.CollectiveKey;
import coop.lattice.ledger.Contribution;
import coop.lattice.store.LedgerStore;
import coop.lattice.time.SteppingClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The wall's views read kept state, and say exactly what a scan of every contribution says: the
 * totals by hour bucket (or all time) equal the scan's for any range, through acknowledgements
 * and corrections; the feed, read newest first from the entry-ordered map, equals the sorted scan.
 */
class WallViewsTest {
  private static final List<ContributionKind> KINDS = List.of(ContributionKind.FOOD, ContributionKind.CARE,
      ContributionKind.REPAIR);

  @Test
  void keptTotalsAndFeedEqualAScanOfEveryContribution() {
    Random random = new Random(20270329L);
    SteppingClock clock = SteppingClock.startingAt("2027-01-01T00:00:00Z", Duration.ofMinutes(1));
    MemberId ana = MemberId.of("ana");
    MemberId bo = MemberId.of("bo");
    MemberId cy = MemberId.of("cy");
    Collective c = Collective.found(CollectiveId.of("wall"), "Wall", ana, Appearance.byName("Ana"),
        LedgerStore.inMemory(), CollectiveKey.fromSeed(new byte[32]), clock);
    c.admit(ana, bo, Appearance.pseudonym("bo"));
    c.admit(ana, cy, Appearance.onlyInAggregates());
    List<Long> acknowledged = new ArrayList<>();
    List<MemberId> givers = List.of(bo, cy);
    for (int i = 0; i < 400; i++) {
      clock.advance(Duration.ofMinutes(random.nextInt(600)));
      MemberId giver = givers.get(random.nextInt(2));
      Quantity q = random.nextBoolean() ? Quantity.hours(Integer.toString(1 + random.nextInt(8)))
          : Quantity.kilograms(random.nextInt(20) + "." + (1 + random.nextInt(9)));
      long entry = c.record(Contribution.toCollective(giver, KINDS.get(random.nextInt(KINDS.size())), q));
      int roll = random.nextInt(10);
      if (roll < 7) {
        c.acknowledge(ana, entry);
        acknowledged.add(entry);
      }
      if (roll == 9 && !acknowledged.isEmpty()) {
        long old = acknowledged.remove(random.nextInt(acknowledged.size()));
        ContributionRecord r = c.contribution(old).orElseThrow();
        long fixed = c.correct(old, Contribution.toCollective(r.contribution().giver(), r.contribution().kind(),
            Quantity.hours("1")));
        if (random.nextBoolean()) {
          c.acknowledge(ana, fixed);
          acknowledged.add(fixed);
        }
      }
    }
    Instant start = Instant.parse("2027-01-01T00:00:00Z");
    Instant end = clock.instant().plus(Duration.ofDays(2));
    long span = Duration.between(start, end).toMinutes();
    for (int i = 0; i < 300; i++) {
      Instant a = start.plus(Duration.ofMinutes(random.nextInt((int) span)));
      Instant b = a.plus(Duration.ofMinutes(random.nextInt((int) span)));
      if (i % 2 == 0) {   // whole hours: the kept buckets answer (whole days between the ends, hours at them)
        a = a.truncatedTo(ChronoUnit.HOURS);
        b = b.truncatedTo(ChronoUnit.HOURS);
      }
      if (i % 6 == 0) {   // whole days: day buckets only
        a = a.truncatedTo(ChronoUnit.DAYS);
        b = b.truncatedTo(ChronoUnit.DAYS);
      }
      Instant from = a;
      Instant until = b;
      assertThat(c.totals(from, until)).as(from + ".." + until)
          .isEqualTo(c.read(f -> WallViews.scan(f, from, until)));
    }
    // A day's total is kept once asked for: a contribution of that day acknowledged or corrected afterwards counts.
    Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
    Instant from3 = today.minus(Duration.ofDays(2));
    Instant until3 = today.plus(Duration.ofDays(1));
    c.acknowledge(ana, c.record(Contribution.toCollective(bo, ContributionKind.CARE, Quantity.hours("2"))));
    assertThat(c.totals(from3, until3)).isEqualTo(c.read(f -> WallViews.scan(f, from3, until3)));
    long late = c.record(Contribution.toCollective(bo, ContributionKind.FOOD, Quantity.kilograms("4.5")));
    c.acknowledge(ana, late);
    assertThat(c.totals(from3, until3)).isEqualTo(c.read(f -> WallViews.scan(f, from3, until3)));
    c.correct(late, Contribution.toCollective(bo, ContributionKind.FOOD, Quantity.kilograms("1")));
    assertThat(c.totals(from3, until3)).isEqualTo(c.read(f -> WallViews.scan(f, from3, until3)));
    Instant epoch = Instant.EPOCH;
    Instant far = Instant.parse("9999-01-01T00:00:00Z");
    assertThat(c.totals(epoch, far)).isEqualTo(c.read(f -> WallViews.scan(f, epoch, far)));
    assertThat(c.totals(epoch, far).contributions()).isGreaterThan(100);

    List<Long> feed = c.publicFeed(60).stream().map(FeedItem::entry).toList();
    List<Long> sorted = c.state().contributions().values().stream().filter(r -> r.status() != Status.CORRECTED)
        .filter(r -> r.contribution().giver().equals(bo)).sorted(Comparator.comparingLong(ContributionRecord::entry)
            .reversed()).limit(60).map(ContributionRecord::entry).toList();
    assertThat(feed).hasSize(60).isEqualTo(sorted);
  }
}
