package coop.lattice.poll;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The obvious, slow implementation of every method, written from the definitions: maps by option
 * name, one pass per question, and Schulze's strongest paths by enumerating every simple path. It
 * shares only the seed's tie-break order with the code under test (whose own properties are
 * checked separately), and builds the same tally, so the two can be compared whole.
 */
final class CountingModel {
  private CountingModel() {}

  static Tally count(PollTerms terms, List<Ballot> ballots) {
    TieBreak seed = TieBreak.of(terms.seed(), terms.options());
    List<Map<String, Integer>> marks = ballots.stream().map(CountingModel::marks).toList();
    return switch (terms.method()) {
      case DOT_VOTE, SCORE_VOTE, TIME_POLL -> totals(terms, marks, seed);
      case INSTANT_RUNOFF -> instantRunoff(terms, marks, seed);
      case SCHULZE -> schulze(terms, marks, seed);
    };
  }

  static Map<String, Integer> marks(Ballot b) {
    Map<String, Integer> m = new HashMap<>();
    b.marks().forEach(x -> m.put(x.option(), x.value()));
    return m;
  }

  private static Tally totals(PollTerms terms, List<Map<String, Integer>> ballots, TieBreak seed) {
    List<Tally.Total> totals = new ArrayList<>();
    for (String o : terms.options()) {
      long count = 0;
      long maybe = 0;
      for (Map<String, Integer> b : ballots) {
        int v = b.getOrDefault(o, 0);
        if (terms.method() != PollMethod.TIME_POLL) {
          count += v;
        } else if (v == 2) {
          count++;
        } else if (v == 1) {
          maybe++;
        }
      }
      totals.add(new Tally.Total(o, count, maybe));
    }
    totals.sort(Comparator.comparingLong((Tally.Total t) -> -(t.count() + t.ifNeedBe()))
        .thenComparingLong(t -> -t.count()).thenComparingInt(t -> seed.place(t.option())));
    List<String> order = totals.stream().map(Tally.Total::option).toList();
    List<String> bySeed = totals.stream().filter(t -> totals.stream().filter(u -> u.count() == t.count()
        && u.ifNeedBe() == t.ifNeedBe()).count() > 1).map(Tally.Total::option).toList();
    return new Tally(terms.method(), ballots.size(), order, totals, List.of(), List.of(), bySeed);
  }

  private static Tally instantRunoff(PollTerms terms, List<Map<String, Integer>> ballots, TieBreak seed) {
    List<String> in = new ArrayList<>(terms.options());
    in.sort(null);
    List<Tally.Round> rounds = new ArrayList<>();
    List<String> out = new ArrayList<>();
    Set<String> bySeed = new LinkedHashSet<>();
    while (in.size() > 1) {
      Map<String, Long> counts = new TreeMap<>();
      in.forEach(o -> counts.put(o, 0L));
      long exhausted = 0;
      for (Map<String, Integer> b : ballots) {
        String top = null;
        for (String o : in) {
          if (b.containsKey(o) && (top == null || b.get(o) < b.get(top))) {
            top = o;
          }
        }
        if (top == null) {
          exhausted++;
        } else {
          counts.merge(top, 1L, Long::sum);
        }
      }
      long fewest = counts.values().stream().min(Long::compare).orElseThrow();
      List<String> tied = in.stream().filter(o -> counts.get(o) == fewest).toList();
      String leaves = tied.stream().max(Comparator.comparingInt(seed::place)).orElseThrow();
      if (tied.size() > 1) {
        bySeed.addAll(tied);
      }
      List<Tally.Total> row = new ArrayList<>();
      counts.forEach((o, c) -> row.add(new Tally.Total(o, c, 0)));
      rounds.add(new Tally.Round(row, exhausted, leaves, tied.size() > 1));
      in.remove(leaves);
      out.add(0, leaves);
    }
    out.add(0, in.get(0));
    return new Tally(PollMethod.INSTANT_RUNOFF, ballots.size(), out, List.of(), rounds, List.of(),
        out.stream().filter(bySeed::contains).toList());
  }

  private static Tally schulze(PollTerms terms, List<Map<String, Integer>> ballots, TieBreak seed) {
    List<String> options = new ArrayList<>(terms.options());
    options.sort(null);
    Map<List<String>, Long> d = new HashMap<>();
    for (String a : options) {
      for (String b : options) {
        long n = 0;
        for (Map<String, Integer> m : ballots) {
          boolean above = m.containsKey(a) && (!m.containsKey(b) || m.get(a) < m.get(b));
          n += above ? 1 : 0;
        }
        d.put(List.of(a, b), a.equals(b) ? 0 : n);
      }
    }
    Map<List<String>, Long> p = new HashMap<>();
    for (String a : options) {
      for (String b : options) {
        if (!a.equals(b)) {
          p.put(List.of(a, b), widest(a, b, new ArrayList<>(List.of(a)), Long.MAX_VALUE, options, d));
        }
      }
    }
    List<String> left = new ArrayList<>(options);
    List<String> order = new ArrayList<>();
    Set<String> bySeed = new LinkedHashSet<>();
    while (!left.isEmpty()) {
      List<String> unbeaten = left.stream().filter(a -> left.stream().noneMatch(b -> !b.equals(a)
          && p.get(List.of(b, a)) > p.get(List.of(a, b)))).toList();
      String next = unbeaten.stream().min(Comparator.comparingInt(seed::place)).orElseThrow();
      if (unbeaten.size() > 1) {
        bySeed.addAll(unbeaten);
      }
      order.add(next);
      left.remove(next);
    }
    List<Tally.Preference> prefs = new ArrayList<>();
    for (String a : options) {
      for (String b : options) {
        if (d.get(List.of(a, b)) > 0) {
          prefs.add(new Tally.Preference(a, b, d.get(List.of(a, b))));
        }
      }
    }
    return new Tally(PollMethod.SCHULZE, ballots.size(), order, List.of(), List.of(), prefs,
        order.stream().filter(bySeed::contains).toList());
  }

  /** The strongest path from the end of {@code path} to {@code to}, over every simple path; links are pairwise wins. */
  private static long widest(String from, String to, List<String> path, long strength, List<String> options,
      Map<List<String>, Long> d) {
    long best = 0;
    for (String next : options) {
      if (path.contains(next)) {
        continue;
      }
      long forward = d.get(List.of(from, next));
      if (forward <= d.get(List.of(next, from))) {
        continue; // not a win: no link
      }
      long s = Math.min(strength, forward);
      if (next.equals(to)) {
        best = Math.max(best, s);
      } else {
        path.add(next);
        best = Math.max(best, widest(next, to, path, s, options, d));
        path.remove(path.size() - 1);
      }
    }
    return best;
  }
}
