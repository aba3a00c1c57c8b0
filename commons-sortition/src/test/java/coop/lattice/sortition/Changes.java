package coop.lattice.sortition;

import coop.lattice.MemberId;
import coop.lattice.merkle.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Every single-field change to a transcript, one per number; null where a change does not apply. */
final class Changes {
  static final int COUNT = 15;
  /** Changes that the transcript alone, without the lottery, must reveal. */
  static final Set<Integer> INTERNAL = Set.of(7, 8, 9, 10, 11, 13, 14);

  private Changes() {}

  static Sortition.@Nullable Transcript change(Sortition.Transcript t, int what) {
    PanelDistribution d = t.distribution();
    PanelRequest r = d.request();
    List<PanelDistribution.Composition> comps = d.compositions();
    PanelDistribution.Level level = d.levels().get(0);
    try {
      return switch (what) {
        case 0 -> with(t, new PanelDistribution("lattice-sortition-v0", d.method(), r, comps, d.levels()));
        case 1 -> with(t, new PanelDistribution(d.procedure(), d.method() == Sortition.Method.MAXIMIN
            ? Sortition.Method.LEXIMIN : Sortition.Method.MAXIMIN, r, comps, d.levels()));
        case 2 -> with(t, new PanelDistribution(d.procedure(), d.method(), new PanelRequest(r.candidates(), r.quotas(),
            r.seats() > 1 ? r.seats() - 1 : r.seats() + 1), comps, d.levels()));
        case 3 -> {
          List<Quota> qs = new ArrayList<>(r.quotas());
          String feature = r.candidates().get(0).features().keySet().iterator().next();
          String group = r.candidates().get(0).features().get(feature);
          qs.removeIf(q -> q.feature().equals(feature) && q.group().equals(group));
          qs.add(new Quota(feature, group, 0, r.seats() + 1));
          yield with(t, new PanelDistribution(d.procedure(), d.method(), new PanelRequest(r.candidates(), qs, r.seats()),
              comps, d.levels()));
        }
        case 4 -> {
          List<Candidate> cs = new ArrayList<>(r.candidates());
          Candidate c = cs.get(0);
          Map<String, String> f = new LinkedHashMap<>(c.features());
          String feature = f.keySet().iterator().next();
          f.put(feature, f.get(feature) + "x");
          cs.set(0, new Candidate(c.member(), f));
          yield with(t, new PanelDistribution(d.procedure(), d.method(), new PanelRequest(cs, r.quotas(), r.seats()), comps,
              d.levels()));
        }
        case 5 -> {
          if (comps.size() < 2) {
            yield null;
          }
          List<PanelDistribution.Composition> cs = new ArrayList<>(comps);
          cs.set(0, new PanelDistribution.Composition(comps.get(0).seats(), comps.get(0).weight() + 1));
          cs.set(1, new PanelDistribution.Composition(comps.get(1).seats(), comps.get(1).weight() - 1));
          yield with(t, new PanelDistribution(d.procedure(), d.method(), r, cs, d.levels()));
        }
        case 6 -> {
          List<Integer> seats = new ArrayList<>(comps.get(0).seats());
          int from = seats.indexOf(seats.stream().filter(x -> x > 0).findFirst().orElseThrow());
          int to = (from + 1) % seats.size();
          if (to == from) {
            yield null;
          }
          seats.set(from, seats.get(from) - 1);
          seats.set(to, seats.get(to) + 1);
          List<PanelDistribution.Composition> cs = new ArrayList<>(comps);
          cs.set(0, new PanelDistribution.Composition(seats, comps.get(0).weight()));
          yield with(t, new PanelDistribution(d.procedure(), d.method(), r, cs, d.levels()));
        }
        case 7 -> level(t, new PanelDistribution.Level(level.cells(), other(level.value()), level.bound(),
            level.certificate(), level.best()));
        case 8 -> level(t, new PanelDistribution.Level(level.cells(), level.value(), other(level.bound()),
            level.certificate(), level.best()));
        case 9 -> {
          List<Long> cert = new ArrayList<>(level.certificate());
          int cell = level.cells().get(0);
          cert.set(cell, cert.get(cell) + 1);
          yield level(t, new PanelDistribution.Level(level.cells(), level.value(), level.bound(), cert, level.best()));
        }
        case 10 -> level(t, new PanelDistribution.Level(level.cells(), level.value(), level.bound(), level.certificate(),
            level.best().subtract(BigInteger.ONE)));
        case 11 -> {
          if (level.cells().size() < 2) {
            yield null;
          }
          yield level(t, new PanelDistribution.Level(level.cells().subList(1, level.cells().size()), level.value(),
              level.bound(), level.certificate(), level.best()));
        }
        case 12 -> new Sortition.Transcript(d, Hash.sha256(t.seed().toByteArray()), t.composition(), t.panel());
        case 13 -> comps.size() < 2 ? null
            : new Sortition.Transcript(d, t.seed(), (t.composition() + 1) % comps.size(), t.panel());
        default -> {
          MemberId outsider = r.members().stream().filter(m -> !t.panel().contains(m)).findFirst().orElse(null);
          if (outsider == null) {
            yield null;
          }
          List<MemberId> panel = new ArrayList<>(t.panel());
          panel.set(0, outsider);
          panel.sort(null);
          yield new Sortition.Transcript(d, t.seed(), t.composition(), panel);
        }
      };
    } catch (SortitionException e) {
      return null; // the change does not make a request that can stand, so no transcript could hold it
    }
  }

  private static Sortition.Transcript with(Sortition.Transcript t, PanelDistribution d) {
    return new Sortition.Transcript(d, t.seed(), t.composition(), t.panel());
  }

  private static Sortition.Transcript level(Sortition.Transcript t, PanelDistribution.Level level) {
    PanelDistribution d = t.distribution();
    List<PanelDistribution.Level> levels = new ArrayList<>(d.levels());
    levels.set(0, level);
    return with(t, new PanelDistribution(d.procedure(), d.method(), d.request(), d.compositions(), levels));
  }

  /** A different probability: one more in the numerator, or one less when that would pass 1. */
  private static Probability other(Probability p) {
    BigInteger n = p.numerator().add(BigInteger.ONE);
    BigInteger d = p.denominator();
    if (n.compareTo(d) > 0) {
      n = p.numerator().subtract(BigInteger.ONE);
    }
    return Probability.of(n, d);
  }
}
