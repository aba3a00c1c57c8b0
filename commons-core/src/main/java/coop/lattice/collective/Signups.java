package coop.lattice.collective;

import coop.lattice.MemberId;
import coop.lattice.UnknownReferenceException;
import coop.lattice.agreement.Parameters;
import coop.lattice.ledger.Entry;
import coop.lattice.ledger.SignupEvents;
import coop.lattice.rotation.Assignment;
import coop.lattice.rotation.Plan;
import coop.lattice.signup.Activity;
import coop.lattice.signup.Availability;
import coop.lattice.signup.Occurrence;
import coop.lattice.signup.PlannedSlot;
import coop.lattice.signup.SignupSheet;
import coop.lattice.signup.SignupTerms;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A collective's sign-up rounds, as ledger entries from opening to plan: responsibility chosen
 * first, the fair rotation for the rest. Obtained from {@link Collective#signups()}.
 *
 * <p>Any member opens a round ({@link SignupTerms}); the agreements in force set how long its window
 * stays open at least ({@code signup-min-hours}) and how many days before the round's first day it
 * closes at the latest ({@code signup-notice-days}). While it is open, members state their
 * availability and take slots; a slot left before the window closes reopens. After the closing
 * time any member asks the collective to close it, and the collective records the plan on its own
 * behalf: every chosen slot stays with who chose it and counts as a turn held, and the fair rotation
 * fills the rest (see {@link SignupSheet#fill}). From then on the round's slots are part of the
 * responsibility map and change hands only by a swap or a cover ({@link
 * Rotations#proposeHandOver}). A full, past or ineligible slot, leaving after the deadline, or any
 * other command that breaks a rule is refused and changes nothing.
 *
 * <p>Unlike a leaderboard, nothing here counts or orders members by what they took on: the plan
 * lists slots in date order, and a member sees their own slots.
 *
 * <pre>{@code
 * long round = coop.signups().open(ana, terms);
 * coop.signups().take(bo, round, new Occurrence(RoleId.of("pickup"), saturday));
 * coop.signups().close(ana, round);                 // after terms.closes()
 * List<PlannedSlot> plan = coop.signups().plan(round);   // chosen or assigned, and why
 * }</pre>
 */
public final class Signups {
  private final Collective collective;

  Signups(Collective collective) {
    this.collective = collective;
  }

  /**
   * {@code by} opens a sign-up round.
   *
   * @return the round's reference: the index of its entry
   * @throws coop.lattice.InvalidSignupException if the window is shorter than {@code signup-min-hours}
   *     or closes later than {@code signup-notice-days} before the first day
   * @throws coop.lattice.ConflictException if another round has an activity of the same id on overlapping days
   */
  public long open(MemberId by, SignupTerms terms) {
    return collective.submit(by, new SignupEvents.SignupOpened(terms)).sequence();
  }

  /**
   * {@code member} states their availability for the round at entry {@code round}, replacing any
   * earlier statement; before the window closes, and consistent with the slots they hold.
   */
  public Entry state(MemberId member, long round, Availability availability) {
    return collective.submit(member, new SignupEvents.AvailabilityStated(round, availability));
  }

  /**
   * {@code member} takes a slot of {@code occurrence} in the round at entry {@code round}.
   *
   * @throws coop.lattice.ConflictException if it is full or they hold one already
   * @throws coop.lattice.ExpiredException if the window closed or the day is past
   * @throws coop.lattice.NotPermittedException if they lack a tag it requires or stated they are away
   * @throws coop.lattice.UnknownReferenceException if the round has no such activity or day
   */
  public Entry take(MemberId member, long round, Occurrence occurrence) {
    return collective.submit(member, new SignupEvents.SlotTaken(round, occurrence));
  }

  /**
   * {@code member} leaves their slot of {@code occurrence} before the window closes; it reopens.
   *
   * @throws coop.lattice.ExpiredException after the window closed: then ask for a swap or a cover
   *     ({@link Rotations#proposeHandOver})
   */
  public Entry leave(MemberId member, long round, Occurrence occurrence) {
    return collective.submit(member, new SignupEvents.SlotLeft(round, occurrence));
  }

  /**
   * {@code by}, a member, has the collective close the round at entry {@code round} after its
   * window: the collective fills what nobody chose with the fair rotation and records the plan on
   * its own behalf. Read the plan with {@link #plan(long)}.
   *
   * @throws coop.lattice.TooEarlyException before the window closes
   * @throws coop.lattice.ExpiredException if the round was closed already
   */
  public Entry close(MemberId by, long round) {
    Parameters rules = collective.agreements().parameters();
    Plan plan = collective.read(f -> {
      f.membership.activeMember(by, "close a sign-up round");
      SignupSheet sheet = f.signups.rounds.get(round);
      if (sheet == null) {
        throw new UnknownReferenceException("There is no sign-up round opened at entry " + round + " to close.");
      }
      return SignupsFold.fill(f, sheet, rules);
    });
    return collective.appendKeeping(Collective.ITSELF, sequence -> new Collective.Kept(
        new SignupEvents.SignupClosed(round, plan), () -> {}));
  }

  /** The terms of the round at entry {@code round}. */
  public Optional<SignupTerms> round(long round) {
    return collective.read(f -> Optional.ofNullable(f.signups.rounds.get(round)).map(SignupSheet::terms));
  }

  /**
   * Every time an activity of the round comes round with the number of its slots still free, in
   * date order: the sheet members choose from. Free slots only, never who took the others.
   */
  public Map<Occurrence, Integer> freeSlots(long round) {
    return collective.read(f -> {
      SignupSheet sheet = f.signups.rounds.get(round);
      Map<Occurrence, Integer> out = new TreeMap<>();
      if (sheet != null) {
        for (Activity a : sheet.terms().activities()) {
          for (LocalDate d : a.cadence().between(sheet.terms().from(), sheet.terms().until())) {
            Occurrence o = new Occurrence(a.id(), d);
            out.put(o, sheet.free(o));
          }
        }
      }
      return Collections.unmodifiableMap(out);
    });
  }

  /** The times {@code member} took a slot of in the round, in order: their own view. */
  public List<Occurrence> slotsOf(MemberId member, long round) {
    return collective.read(f -> Optional.ofNullable(f.signups.rounds.get(round)).map(s -> s.takenBy(member))
        .orElse(List.of()));
  }

  /** What {@code member} stated for the round, or {@link Availability#ANY_TIME}. */
  public Availability availabilityOf(MemberId member, long round) {
    return collective.read(f -> Optional.ofNullable(f.signups.rounds.get(round)).map(s -> s.availability(member))
        .orElse(Availability.ANY_TIME));
  }

  /**
   * The plan of a closed round, slot by slot in date order, as it stands: who holds each slot,
   * whether they chose it, were assigned it or took it over by a swap or a cover, and why. Empty
   * while the round is open.
   */
  public List<PlannedSlot> plan(long round) {
    return collective.read(f -> {
      Plan recorded = f.signups.closed.get(round);
      if (recorded == null) {
        return List.of();
      }
      SignupSheet sheet = f.signups.rounds.get(round);
      List<PlannedSlot> out = new ArrayList<>();
      for (Assignment a : recorded.assignments()) {
        Assignment now = f.rotations.signedUp.getOrDefault(a.slot(), a);
        MemberId holder = now.member();
        PlannedSlot.How how = holder == null ? PlannedSlot.How.OPEN
            : !now.equals(a) ? PlannedSlot.How.HANDED_OVER
                : sheet.chose(holder, new Occurrence(a.slot().role(), a.slot().date())) ? PlannedSlot.How.CHOSEN
                    : PlannedSlot.How.ASSIGNED;
        out.add(new PlannedSlot(now.slot(), now.member(), how, now.reason()));
      }
      return List.copyOf(out);
    });
  }
}
