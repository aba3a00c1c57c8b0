package coop.lattice.agreement;

import java.util.Map;
import java.util.Set;

/**
 * The outcome of a decision rule, as a pure function of who may take part and what they said.
 * Generic in how participants are named, so it can be checked against any model.
 */
public final class Decisions {
  private Decisions() {}

  /**
   * The outcome when a proposal under {@code rule} is decided.
   *
   * @param eligible who may take part
   * @param responses each participant's standing response (withdrawn objections already
   *     removed); responses from outside {@code eligible} are ignored
   * @param proposerAdopts for {@link DecisionRule.Kind#ADVICE} only: the proposer's decision
   */
  public static <P> Outcome outcome(DecisionRule rule, Set<P> eligible, Map<P, Response> responses,
      boolean proposerAdopts) {
    return switch (rule.kind()) {
      case CONSENT -> count(eligible, responses, Response.OBJECTION) == 0 ? Outcome.ADOPTED : Outcome.NOT_ADOPTED;
      case CONSENSUS -> {
        for (P p : eligible) {
          Response r = responses.get(p);
          if (r != Response.CONSENT && r != Response.STAND_ASIDE) {
            yield Outcome.NOT_ADOPTED;
          }
        }
        yield Outcome.ADOPTED;
      }
      case MAJORITY -> {
        long votedFor = count(eligible, responses, Response.VOTE_FOR);
        long votedAgainst = count(eligible, responses, Response.VOTE_AGAINST);
        long responded = votedFor + votedAgainst + count(eligible, responses, Response.STAND_ASIDE);
        boolean quorum = responded * 100 >= (long) rule.quorumPercent() * eligible.size();
        yield quorum && votedFor > votedAgainst ? Outcome.ADOPTED : Outcome.NOT_ADOPTED;
      }
      case ADVICE -> proposerAdopts ? Outcome.ADOPTED : Outcome.NOT_ADOPTED;
    };
  }

  private static <P> long count(Set<P> eligible, Map<P, Response> responses, Response what) {
    long n = 0;
    for (Map.Entry<P, Response> e : responses.entrySet()) {
      if (e.getValue() == what && eligible.contains(e.getKey())) {
        n++;
      }
    }
    return n;
  }
}
