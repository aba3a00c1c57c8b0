package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.Progress;
import coop.lattice.agreement.Parameter;
import coop.lattice.agreement.Parameters;
import coop.lattice.cycle.Campaign;
import coop.lattice.joining.NewcomerUntil;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.Event;
import coop.lattice.rotation.Participant;
import coop.lattice.rotation.Plan;
import coop.lattice.rotation.PlanRequest;
import coop.lattice.rotation.Role;
import coop.lattice.rotation.RotationPolicy;
import coop.lattice.rotation.Slot;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A collective's responsibility map: planned by fair rotation (or a lottery anyone can verify, see
 * {@link Lotteries}), published as a ledger entry, and changed only by hand-overs both members
 * consent to. Obtained from {@link Collective#rotations()}.
 *
 * <p>A plan takes the newcomer guarantee from the agreements in force and the campaigns' phases
 * ({@link Campaigns}): the weekly cap in intense phases, and who opted in to rest phases. The map
 * as it stands is the published plan with accepted swaps and cover applied, and the slots of closed
 * sign-up rounds ({@link Signups}).
 *
 * <pre>{@code
 * PlanRequest request = coop.rotations().request(roster, roles, from, until);
 * Plan plan = coop.rotations().plan(RotationPolicy.fair(seed), request);
 * List<String> problems = FairnessChecks.all(request, plan);   // commons-testkit
 * coop.rotations().publish(ana, plan);
 * }</pre>
 */
public final class Rotations {
  private final Collective collective;

  Rotations(Collective collective) {
    this.collective = collective;
  }

  /**
   * The current members as a rotation roster, each with the day they (last) joined, no tags, full
   * capacity and no breaks: a starting point to add what each member declares.
   */
  public List<Participant> roster() {
    return collective.read(f -> f.membership.members.values().stream().filter(Member::active)
        .sorted(Comparator.comparing(Member::id))
        .map(m -> Participant.of(m.id(), m.joined().atZone(ZoneOffset.UTC).toLocalDate())).toList());
  }

  /**
   * The request to plan: {@code roster} and {@code roles} over {@code from} to {@code until}, with
   * the newcomer guarantee from the agreements in force on {@code from}, and the campaigns' phases
   * (the weekly cap in intense phases, and who opted in to rest phases) as the ledger has them now.
   * Keep it to check the plan with the testkit's {@code FairnessChecks}.
   */
  public PlanRequest request(List<Participant> roster, List<Role> roles, LocalDate from, LocalDate until) {
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Parameters p = collective.agreements().parameters(start);
    Cycles cycles = collective.read(Cycles::of);
    PlanRequest request = new PlanRequest(roster, roles, from, until, p.get(Parameter.NEWCOMER_GUARANTEE_CYCLES),
        p.get(Parameter.NEWCOMER_WINDOW_DAYS)).withCycles(cycles.phases(),
        p.get(Parameter.INTENSE_CAPACITY_HOURS_PER_WEEK), cycles.restOptIns());
    return p.get(Parameter.NEWCOMER_UNTIL) == NewcomerUntil.WINDOW ? request
        : request.withNewcomers(collective.joining().newcomers(start));
  }

  /**
   * Plans the collective's roles with {@code policy}: the same as {@code plan(policy, request(roster,
   * roles, from, until))}. The plan is not yet published.
   */
  public Plan plan(RotationPolicy policy, List<Participant> roster, List<Role> roles, LocalDate from,
      LocalDate until) {
    return plan(policy, request(roster, roles, from, until), Progress.none());
  }

  /** Plans {@code request} (from {@link #request}) with {@code policy}; the plan is not yet published. */
  public Plan plan(RotationPolicy policy, PlanRequest request) {
    return plan(policy, request, Progress.none());
  }

  /** As {@link #plan(RotationPolicy, PlanRequest)}, telling {@code progress} how far it has come. */
  public Plan plan(RotationPolicy policy, PlanRequest request, Progress progress) {
    return policy.plan(request, progress);
  }

  /** {@code by} publishes the responsibility map; it replaces any earlier one. */
  public Entry publish(MemberId by, Plan plan) {
    return collective.submit(by, new Event.PlanPublished(plan));
  }

  /** The published map with accepted swaps and cover applied. */
  public Optional<Plan> current() {
    return collective.read(f -> Optional.ofNullable(f.rotations.currentPlan()));
  }

  /**
   * The holder of {@code slot} asks {@code to} to take it, as cover ({@code inReturn} null) or as
   * a swap for {@code inReturn}. Nothing changes until {@code to} accepts.
   *
   * @return the proposal's reference
   */
  public long proposeHandOver(MemberId holder, Slot slot, MemberId to, @Nullable Slot inReturn, String note) {
    return collective.submit(holder, new Event.HandOverProposed(slot, to, inReturn, note)).sequence();
  }

  /** Hand-overs proposed and not yet accepted, oldest first. */
  public List<PendingHandOver> pendingHandOvers() {
    return collective.read(f -> f.rotations.pending());
  }

  /** {@code by}, the member asked, accepts the hand-over. */
  public Entry acceptHandOver(MemberId by, long proposal) {
    return collective.submit(by, new Event.HandOverAccepted(proposal));
  }

  /** Every campaign's phases, and who opted in to rest phases, read together under the collective's lock. */
  private record Cycles(List<Campaign.Phase> phases, Set<MemberId> restOptIns) {
    static Cycles of(Fold f) {
      List<Campaign.Phase> phases = new ArrayList<>();
      Set<MemberId> optedIn = new HashSet<>();
      f.campaigns.campaigns.values().forEach(c -> phases.addAll(c.phases()));
      f.campaigns.optedIn.values().forEach(optedIn::addAll);
      return new Cycles(phases, optedIn);
    }
  }
}
