package coop.lattice.agreement;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Duration;

/**
 * How a decision is made: the kind of rule, how long members have to respond, the quorum for a
 * vote, and who may take part.
 *
 * <ul>
 *   <li>{@link Kind#CONSENT}: adopted when the window closes with no unresolved objection;
 *       concerns are recorded and do not block.
 *   <li>{@link Kind#CONSENSUS}: adopted when every eligible member consents or stands aside; an
 *       objection is a block.
 *   <li>{@link Kind#MAJORITY}: adopted when at least {@code quorumPercent} of eligible members
 *       responded and more voted for than against.
 *   <li>{@link Kind#ADVICE}: the proposer decides, after the window closes or once every member
 *       they named as affected has given advice.
 * </ul>
 *
 * @param kind the kind of rule
 * @param windowHours how long members have to respond, from the proposal or its latest revision
 * @param quorumPercent for {@link Kind#MAJORITY}: the share of eligible members who must respond;
 *     0 for the other kinds
 * @param participation who may respond
 */
public record DecisionRule(Kind kind, long windowHours, int quorumPercent, Participation participation) {
  public enum Kind { CONSENT, CONSENSUS, MAJORITY, ADVICE }

  public enum Participation {
    /** Every current member. */
    MEMBERS,
    /** Current members who are past the newcomer window when the proposal is made. */
    MEMBERS_PAST_NEWCOMER_WINDOW
  }

  public DecisionRule {
    checkArgument(windowHours >= 1 && windowHours <= 90 * 24,
        "a response window must be between 1 hour and 90 days, not %s hours", windowHours);
    if (kind == Kind.MAJORITY) {
      checkArgument(quorumPercent >= 1 && quorumPercent <= 100, "a quorum is 1 to 100 percent, not %s", quorumPercent);
    } else {
      checkArgument(quorumPercent == 0, "only a majority vote has a quorum; %s has none", kind);
    }
  }

  public static DecisionRule consent(Duration window) {
    return new DecisionRule(Kind.CONSENT, window.toHours(), 0, Participation.MEMBERS);
  }

  public static DecisionRule consensus(Duration window) {
    return new DecisionRule(Kind.CONSENSUS, window.toHours(), 0, Participation.MEMBERS);
  }

  public static DecisionRule majority(Duration window, int quorumPercent) {
    return new DecisionRule(Kind.MAJORITY, window.toHours(), quorumPercent, Participation.MEMBERS);
  }

  public static DecisionRule advice(Duration window) {
    return new DecisionRule(Kind.ADVICE, window.toHours(), 0, Participation.MEMBERS);
  }

  public DecisionRule onlyMembersPastNewcomerWindow() {
    return new DecisionRule(kind, windowHours, quorumPercent, Participation.MEMBERS_PAST_NEWCOMER_WINDOW);
  }

  public Duration window() {
    return Duration.ofHours(windowHours);
  }
}
