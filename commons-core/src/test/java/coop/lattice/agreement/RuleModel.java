package coop.lattice.agreement;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The decision rules as a collective would explain them, written independently of {@link
 * Decisions}: the reference model the properties compare against.
 */
public final class RuleModel {
  private RuleModel() {}

  public static <P> Outcome outcome(DecisionRule rule, Set<P> eligible, Map<P, Response> responses,
      boolean proposerAdopts) {
    Map<Response, Integer> tally = new HashMap<>();
    for (P member : eligible) {
      Response r = responses.get(member);
      if (r != null) {
        tally.merge(r, 1, Integer::sum);
      }
    }
    int n = eligible.size();
    boolean adopted = switch (rule.kind()) {
      case CONSENT -> tally.getOrDefault(Response.OBJECTION, 0) == 0;
      case CONSENSUS -> tally.getOrDefault(Response.CONSENT, 0) + tally.getOrDefault(Response.STAND_ASIDE, 0) == n;
      case MAJORITY -> {
        int yes = tally.getOrDefault(Response.VOTE_FOR, 0);
        int no = tally.getOrDefault(Response.VOTE_AGAINST, 0);
        int abstain = tally.getOrDefault(Response.STAND_ASIDE, 0);
        // quorum as a fraction: (yes + no + abstain) / n >= quorum / 100
        yield (yes + no + abstain) * 100.0 >= rule.quorumPercent() * (double) n && yes > no;
      }
      case ADVICE -> proposerAdopts;
    };
    return adopted ? Outcome.ADOPTED : Outcome.NOT_ADOPTED;
  }
}
