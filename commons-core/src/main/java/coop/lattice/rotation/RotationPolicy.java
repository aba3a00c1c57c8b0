package coop.lattice.rotation;

import coop.lattice.Progress;

/**
 * How a collective's roles rotate. Implementations must be deterministic: the same request
 * gives the same plan (F6), so anyone can re-derive a published plan.
 *
 * <p>{@link #fair(long)} is the one to use: every member within one turn of their share of each
 * role, a role with several seats taken as a whole (F1), balanced windows (F2), no avoidable
 * back-to-back turns (F3), hard constraints always (F5), ties broken by a published seed (never
 * list order), load balanced across roles, and newcomers given a real role early (F8), at a cost
 * to established members of at most one turn of a role. Shares are exact. {@link #roundRobin()}
 * is the simple baseline to compare with.
 */
public interface RotationPolicy {

  /** A short name with the algorithm version, recorded in every plan. */
  String name();

  Plan plan(PlanRequest request);

  /**
   * As {@link #plan(PlanRequest)}, telling {@code progress} how far it has come. A policy that
   * cannot tell reports only the start ({@code 0} of {@code 1}) and the end ({@code 1} of {@code
   * 1}); the fair policy reports each role as it is planned, and its newcomer pass (after the real
   * roles, before the chores).
   */
  default Plan plan(PlanRequest request, Progress progress) {
    progress.update(0, 1);
    Plan plan = plan(request);
    progress.update(1, 1);
    return plan;
  }

  /** The fair scheduler; {@code seed} decides ties and should be published with the plan. */
  static RotationPolicy fair(long seed) {
    return new FairRotation(seed);
  }

  /**
   * The fair scheduler around turns settled before it plans (a sign-up's chosen turns) and wishes
   * ({@link HeldTurns}): it fills only the seats nobody holds, counting each held turn as one of its
   * holder's turns, so that held and planned turns together keep each member within one turn of
   * their share of a role (F1 on the total) whenever a plan can; a newcomer is served by the
   * guarantee's own pass, which never takes a held turn. {@code fair(seed, HeldTurns.NONE)} plans as
   * {@link #fair(long)}.
   */
  static RotationPolicy fair(long seed, HeldTurns turns) {
    return new FairRotation(seed, turns);
  }

  /**
   * The weighted variant for tasks of unequal weight: total weighted load is balanced across all
   * roles at once (with constant availability, prefix deviation within {@code (1 - 1/(2m - 2))}
   * times the largest task weight for {@code m} members, capacity shares or not; see {@code
   * WeightedRotation}).
   */
  static RotationPolicy weighted(long seed) {
    return new WeightedRotation(seed);
  }

  /** Plain round robin in the order of member ids, skipping whoever cannot take the turn. */
  static RotationPolicy roundRobin() {
    return new RoundRobinRotation();
  }
}
