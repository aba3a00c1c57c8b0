package coop.lattice.federation.outbox;

import java.util.List;

/**
 * How deliveries stand now, measured against a {@link FlowAlarm}: what is wrong (empty when they
 * flow), and the figures behind it.
 *
 * @param problems each host or inbox stuck for longer than the alarm allows, and too many recent
 *     dead letters, in words an operator acts on
 * @param openBreakers hosts whose circuit breaker opened and that no delivery has reached since
 * @param deadLetters dead letters waiting for a replay
 * @param recentDeadLetters dead letters within the alarm's window
 */
public record Flow(List<String> problems, int openBreakers, int deadLetters, int recentDeadLetters) {
  public Flow {
    problems = List.copyOf(problems);
  }

  /** Whether deliveries flow: nothing is stuck for longer than the alarm allows. */
  public boolean flowing() {
    return problems.isEmpty();
  }
}
