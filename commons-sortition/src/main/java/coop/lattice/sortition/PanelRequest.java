package coop.lattice.sortition;

import coop.lattice.MemberId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a constrained draw is asked: who can be drawn and with which features, the quotas, and
 * how many seats. Fixed before any randomness exists; its canonical form goes into the hash
 * that the lottery's announcement names.
 *
 * <p>Refused, with what was wrong: two candidates with one id (never silently merged),
 * candidates that do not all name the same features, two quotas for one group, a quota for a
 * feature no candidate has, fewer than one seat or more seats than candidates. Quotas that no
 * panel can meet are refused later, by {@link Sortition#maximin}, with the reason.
 *
 * @param candidates sorted by member
 * @param quotas sorted by feature, then group
 * @param seats how many are drawn
 */
public record PanelRequest(List<Candidate> candidates, List<Quota> quotas, int seats) {
  public PanelRequest {
    List<Candidate> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparing(Candidate::member));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).member().equals(sorted.get(i - 1).member())) {
        throw new SortitionException(sorted.get(i).member() + " is a candidate twice; each person is one candidate");
      }
    }
    if (sorted.isEmpty()) {
      throw new SortitionException("a constrained draw needs at least one candidate");
    }
    Set<String> features = sorted.get(0).features().keySet();
    for (Candidate c : sorted) {
      if (!c.features().keySet().equals(features)) {
        throw new SortitionException("every candidate names the same features: " + c.member() + " has "
            + c.features().keySet() + ", " + sorted.get(0).member() + " has " + features);
      }
    }
    List<Quota> qs = new ArrayList<>(quotas);
    qs.sort(Comparator.comparing(Quota::feature).thenComparing(Quota::group));
    Set<String> seen = new HashSet<>();
    for (Quota q : qs) {
      if (!features.contains(q.feature())) {
        throw new SortitionException("there is a quota for " + q.feature() + ", but no candidate has that feature (they"
            + " have " + features + ")");
      }
      if (!seen.add(q.feature() + "\u0000" + q.group())) {
        throw new SortitionException("two quotas for " + q.feature() + " " + q.group() + "; give each group one");
      }
    }
    if (seats < 1 || seats > sorted.size()) {
      throw new SortitionException("a panel has 1 to " + sorted.size() + " seats (one per candidate at most), not "
          + seats);
    }
    candidates = List.copyOf(sorted);
    quotas = List.copyOf(qs);
  }

  public static Builder builder(int seats) {
    return new Builder(seats);
  }

  /** The candidates' ids, sorted: what a lottery's announcement lists. */
  public List<MemberId> members() {
    return candidates.stream().map(Candidate::member).toList();
  }

  /** Collects candidates and quotas; the only mutable part. */
  public static final class Builder {
    private final int seats;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Quota> quotas = new ArrayList<>();

    private Builder(int seats) {
      this.seats = seats;
    }

    public Builder candidate(MemberId member, Map<String, String> features) {
      candidates.add(new Candidate(member, features));
      return this;
    }

    public Builder candidate(Candidate c) {
      candidates.add(c);
      return this;
    }

    /** At least {@code min} and at most {@code max} of the seats go to {@code group} of {@code feature}. */
    public Builder quota(String feature, String group, int min, int max) {
      quotas.add(new Quota(feature, group, min, max));
      return this;
    }

    public PanelRequest build() {
      return new PanelRequest(candidates, quotas, seats);
    }
  }
}
