package coop.lattice.poll;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What can be checked of a tally without its ballots: what a partner's mirror checks of a secret
 * poll, whose ballots it never sees. The counts must be possible for that many ballots (no more
 * dots than the ballots had, no pair of options preferred by more ballots than there are, every
 * ballot counted once in each instant-runoff round, survivors never losing votes), and the order,
 * the eliminations and the ties the seed broke must follow from the counts and the seed. Whether
 * the counts are the ballots' counts only the ballots can tell: see {@link Counting#count}.
 */
public final class TallyCheck {
  private TallyCheck() {}

  /** Everything wrong with {@code tally} as a tally of a poll under {@code terms}, short of its ballots; empty if nothing. */
  public static List<String> consistency(PollTerms terms, Tally tally) {
    List<String> problems = new ArrayList<>();
    if (tally.method() != terms.method()) {
      problems.add("the tally counts by " + tally.method() + " and the poll by " + terms.method());
      return problems;
    }
    if (tally.ballots() < 0) {
      problems.add("the tally counts " + tally.ballots() + " ballots");
      return problems;
    }
    if (!new TreeSet<>(tally.order()).equals(new TreeSet<>(terms.options())) || tally.order().size() != terms.options().size()) {
      problems.add("the tally's order is not the poll's options, each once");
      return problems;
    }
    Options options = new Options(terms.options(), TieBreak.of(terms.seed(), terms.options()));
    Tally rebuilt = switch (terms.method()) {
      case DOT_VOTE, SCORE_VOTE, TIME_POLL -> totals(terms, tally, options, problems);
      case INSTANT_RUNOFF -> rounds(tally, options, problems);
      case SCHULZE -> preferences(tally, options, problems);
    };
    if (problems.isEmpty() && !rebuilt.equals(tally)) {
      problems.add("the order or the ties the seed broke do not follow from the tally's counts and the seed: they give "
          + rebuilt.order() + ", seed deciding " + rebuilt.bySeed());
    }
    return problems;
  }

  /** What differs between the tally the ballots give and the one recorded; empty if they are the same. */
  public static List<String> differences(Tally counted, Tally recorded) {
    List<String> out = new ArrayList<>();
    if (counted.ballots() != recorded.ballots()) {
      out.add("the ballots number " + counted.ballots() + ", and the tally counts " + recorded.ballots());
    }
    if (!counted.order().equals(recorded.order())) {
      out.add("the ballots give the order " + counted.order() + ", and the tally records " + recorded.order());
    }
    if (out.isEmpty() && !counted.equals(recorded)) {
      out.add("the ballots give other counts than the tally records");
    }
    return out;
  }

  private static Tally totals(PollTerms terms, Tally t, Options options, List<String> problems) {
    Set<String> seen = new HashSet<>();
    long dots = 0;
    for (Tally.Total total : t.totals()) {
      seen.add(total.option());
      dots += total.count();
      long most = switch (terms.method()) {
        case SCORE_VOTE -> (long) t.ballots() * terms.maxScore();
        case DOT_VOTE -> (long) t.ballots() * terms.dots();
        default -> t.ballots();
      };
      if (total.count() < 0 || total.ifNeedBe() < 0 || total.count() + total.ifNeedBe() > most
          || terms.method() != PollMethod.TIME_POLL && total.ifNeedBe() != 0) {
        problems.add("\"" + total.option() + "\" has counts " + total.count() + "/" + total.ifNeedBe() + ", which "
            + t.ballots() + " ballots cannot give");
      }
    }
    if (!seen.equals(new HashSet<>(terms.options())) || t.totals().size() != terms.options().size()) {
      problems.add("the tally's totals are not one for each of the poll's options");
    }
    if (terms.method() == PollMethod.DOT_VOTE && dots > (long) t.ballots() * terms.dots()) {
      problems.add("the tally counts " + dots + " dots, and " + t.ballots() + " ballots of " + terms.dots()
          + " dots place at most " + (long) t.ballots() * terms.dots());
    }
    return Totals.tally(terms.method(), options, t.ballots(), t.totals());
  }

  private static Tally rounds(Tally t, Options options, List<String> problems) {
    if (t.rounds().size() != options.size() - 1) {
      problems.add("instant-runoff over " + options.size() + " options has " + (options.size() - 1) + " rounds, and the"
          + " tally has " + t.rounds().size());
      return t;
    }
    Set<String> in = new TreeSet<>(options.names);
    Tally.Round before = null;
    for (int r = 0; r < t.rounds().size(); r++) {
      Tally.Round round = t.rounds().get(r);
      List<String> named = round.counts().stream().map(Tally.Total::option).toList();
      long counted = round.exhausted();
      for (Tally.Total c : round.counts()) {
        counted += c.count();
        if (c.count() < 0 || c.ifNeedBe() != 0 || before != null && c.count() < countOf(before, c.option())) {
          problems.add("round " + (r + 1) + " counts " + c.count() + " for \"" + c.option() + "\", which cannot follow"
              + " from the round before");
        }
      }
      if (!named.equals(new ArrayList<>(in))) {
        problems.add("round " + (r + 1) + " counts " + named + ", and the options still in are " + in);
        return t;
      }
      if (counted != t.ballots() || before != null && round.exhausted() < before.exhausted()) {
        problems.add("round " + (r + 1) + " counts " + counted + " ballots, and there are " + t.ballots());
      }
      if (!InstantRunoff.round(options, round.counts(), round.exhausted()).equals(round)) {
        problems.add("round " + (r + 1) + " eliminates \"" + round.eliminated() + "\", and its counts and the seed"
            + " eliminate \"" + InstantRunoff.round(options, round.counts(), round.exhausted()).eliminated() + "\"");
      }
      in.remove(round.eliminated());
      before = round;
    }
    return InstantRunoff.tally(options, t.ballots(), t.rounds());
  }

  private static long countOf(Tally.Round round, String option) {
    return round.counts().stream().filter(c -> c.option().equals(option)).mapToLong(Tally.Total::count).findFirst()
        .orElse(0);
  }

  private static Tally preferences(Tally t, Options options, List<String> problems) {
    Set<List<String>> pairs = new HashSet<>();
    List<String> names = options.names;
    for (Tally.Preference p : t.preferences()) {
      if (!names.contains(p.over()) || !names.contains(p.under()) || p.over().equals(p.under())
          || !pairs.add(List.of(p.over(), p.under()))) {
        problems.add("the preference of \"" + p.over() + "\" over \"" + p.under() + "\" is not a pair of the poll's"
            + " options, each pair once");
        return t;
      }
      long back = t.preferences().stream().filter(q -> q.over().equals(p.under()) && q.under().equals(p.over()))
          .mapToLong(Tally.Preference::ballots).sum();
      if (p.ballots() < 1 || p.ballots() + back > t.ballots()) {
        problems.add(p.ballots() + " and " + back + " ballots prefer \"" + p.over() + "\" and \"" + p.under()
            + "\" to each other, which " + t.ballots() + " ballots cannot give");
      }
    }
    List<Tally.Preference> canonical = new ArrayList<>(t.preferences());
    canonical.sort(java.util.Comparator.comparing(Tally.Preference::over).thenComparing(Tally.Preference::under));
    if (!canonical.equals(t.preferences())) {
      problems.add("the preferences are not in the order of the options' names");
    }
    return Schulze.tally(options, t.ballots(), t.preferences());
  }
}
